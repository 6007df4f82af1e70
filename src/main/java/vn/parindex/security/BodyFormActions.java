package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.UriUtils;
import vn.parindex.organisation.Bodies;
import vn.parindex.system.BodyScope;

/**
 * Every form a province account is shown names, in its action's address, the body the page was rendered for
 * ({@code ?body=CODE}): a form sent later still writes into that body, whichever body the session has chosen since
 * (another tab, a link followed). {@link BodyScopeFilter} refuses a province account's page write that names no
 * body while there are several. Wraps the processor Spring Security registers (the forms' CSRF field).
 */
final class BodyFormActions implements RequestDataValueProcessor {

    private static final String CODE = BodyFormActions.class.getName() + ".CODE";

    private final RequestDataValueProcessor delegate;
    private final Bodies bodies;

    BodyFormActions(RequestDataValueProcessor delegate, Bodies bodies) {
        this.delegate = delegate;
        this.bodies = bodies;
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        String processed = delegate.processAction(request, action, httpMethod);
        if (!"post".equalsIgnoreCase(httpMethod) || processed == null || processed.contains(
                BodyScopeFilter.PARAMETER + "=")) {
            return processed;
        }
        String code = code(request);
        if (code == null) {
            return processed;
        }
        int fragment = processed.indexOf('#');
        String address = fragment < 0 ? processed : processed.substring(0, fragment);
        String rest = fragment < 0 ? "" : processed.substring(fragment);
        return address + (address.contains("?") ? "&" : "?") + BodyScopeFilter.PARAMETER + "="
                + UriUtils.encodeQueryParam(code, java.nio.charset.StandardCharsets.UTF_8) + rest;
    }

    /** The code of the body a province account's page was rendered for; null for everyone else. */
    private String code(HttpServletRequest request) {
        if (request.getAttribute(CODE) instanceof String code) {
            return code.isEmpty() ? null : code;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Long body = BodyScope.body();
        String code = "";
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.isProvince()
                && body != null) {
            code = bodies.byId(body).map(b -> b.code()).orElse("");
        }
        request.setAttribute(CODE, code);
        return code.isEmpty() ? null : code;
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return delegate.processFormFieldValue(request, name, value, type);
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        return delegate.getExtraHiddenFields(request);
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return delegate.processUrl(request, url);
    }

    /** Wraps the {@code requestDataValueProcessor} bean. */
    static final class Wrapper implements BeanPostProcessor {

        private final org.springframework.beans.factory.ObjectProvider<Bodies> bodies;

        Wrapper(org.springframework.beans.factory.ObjectProvider<Bodies> bodies) {
            this.bodies = bodies;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof RequestDataValueProcessor processor && !(bean instanceof BodyFormActions)
                    && "requestDataValueProcessor".equals(beanName)) {
                Bodies found = bodies.getIfAvailable();
                return found == null ? bean : new BodyFormActions(processor, found);
            }
            return bean;
        }
    }
}
