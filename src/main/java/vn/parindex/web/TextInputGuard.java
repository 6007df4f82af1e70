package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.TextRule;

/**
 * {@link TextRule} at every door text comes in by, before any controller or service sees it, so that no text it
 * refuses ever reaches the database (where a NUL was a 500): every request parameter (query string, form, the
 * text parts of an upload once it is opened: {@link RequestLimits#openMultipart}) and path variable, answered
 * with 400 ({@link InvalidInputException}: a problem document with {@code errors[].field} in the API, the error
 * page for pages), and every JSON string and property name (400 with the field, {@link ApiExceptionHandler}).
 * Passwords are left to the password rules. The sign-in name is checked by the sign-in itself (a failed sign-in,
 * throttled like any other: security.ThrottlingAuthenticationProvider); imported cells by the importer.
 */
@Configuration(proxyBeanMethods = false)
public class TextInputGuard implements WebMvcConfigurer {

    /** Refuses the whole request when a parameter (name or values) breaks {@link TextRule}. */
    public static void check(Map<String, String[]> parameters) {
        Map<String, String> errors = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String field = name.length() > 64 || TextRule.problem(name, false) != null ? "parameter" : name;
            if (!field.equals(name)) {
                errors.putIfAbsent(field, TextRule.FORBIDDEN_CHARACTER);
                return;
            }
            if (TextRule.isPassword(name) || values == null) {
                return;
            }
            for (String value : values) {
                String problem = TextRule.problem(name, value);
                if (problem != null) {
                    errors.putIfAbsent(name, problem);
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
                    return true; // the error page of a request already answered: its parameters were checked
                }
                // an upload's body stays unread here (RequestLimits.DeferredMultipart): its parts are checked
                // when the controller opens it; asked through the deferred request itself, since Spring's lazy
                // multipart wrapper around it would parse the whole body (an oversized file: 413 instead of the
                // permission's 403)
                RequestLimits.DeferredMultipart deferred = org.springframework.web.util.WebUtils
                        .getNativeRequest(request, RequestLimits.DeferredMultipart.class);
                check(deferred != null ? deferred.getParameterMap() : request.getParameterMap());
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
                    path.forEach((name, value) -> {
                        if (value instanceof String text && TextRule.problem(text, false) != null) {
                            throw InvalidInputException.of(String.valueOf(name), TextRule.problem(text, false));
                        }
                    });
                }
                return true;
            }
        });
    }

    /** JSON strings and property names (auto-registered with Spring Boot's JSON mapper). */
    @Bean
    JacksonModule textRuleModule() {
        SimpleModule module = new SimpleModule("text-rule");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                String problem = TextRule.problem(key, false);
                if (problem != null) {
                    throw new TextRuleViolation(context.getParser(), problem, key);
                }
                return key;
            }
        });
        return module;
    }

    /** A JSON string that breaks {@link TextRule}; {@link #messageKey()} says how. */
    public static final class TextRuleViolation extends InvalidFormatException {

        private final String messageKey;

        TextRuleViolation(JsonParser parser, String messageKey, String value) {
            super(parser, "Text refused (" + messageKey + ")", value.length() > 40 ? null : value, String.class);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Jackson's strings, checked: line breaks only in a multi-line field (by the name of the property or list). */
    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String problem = TextRule.problem(text, multiLine(parser));
            if (problem != null) {
                throw new TextRuleViolation(parser, problem, text);
            }
            return text;
        }

        private static boolean multiLine(JsonParser parser) {
            for (TokenStreamContext context = parser.streamReadContext(); context != null;
                    context = context.getParent()) {
                if (TextRule.isMultiLine(context.currentName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
