package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem documents where no controller is involved (filters, the security chain, exceptions
 * raised before a controller was chosen), in the caller's language ({@link LocaleConfiguration#apiLocale}): a
 * {@link ProblemDetail} with its texts from the message bundles, serialised by the application's Jackson mapper
 * (the one Spring MVC writes every other answer with).
 */
@Component
public final class ApiProblems {

    private final MessageSource messages;
    private final JsonMapper json;

    public ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A request of the JSON API ({@code /api/...}). */
    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri == null) {
            return false;
        }
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return uri.startsWith(context + "/api/") || uri.equals(context + "/api");
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The problem document of a status from the keys of its title and detail. */
    public ProblemDetail problem(int status, String titleKey, String detailKey, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                text(detailKey, locale, args));
        problem.setTitle(text(titleKey, locale));
        return problem;
    }

    /** The problem document in the language the request's {@code Accept-Language} asks for, naming the request. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
            String detailKey, Object... args) throws IOException {
        Locale locale = LocaleConfiguration.apiLocale(request);
        ProblemDetail problem = problem(status, titleKey, detailKey, locale, args);
        String uri = request.getRequestURI();
        if (uri != null && uri.length() <= 2000) {
            try {
                problem.setInstance(new URI(uri));
            } catch (java.net.URISyntaxException e) {
                // a path Tomcat let through that is no URI: the document goes without it
            }
        }
        write(response, problem, null, locale);
    }

    public void write(HttpServletResponse response, int status, String titleKey, String detailKey, Locale locale,
            Object... args) throws IOException {
        write(response, problem(status, titleKey, detailKey, locale, args), null, locale);
    }

    /** Writes the document with the headers that go with it (e.g. {@code Allow}, {@code Retry-After}). */
    public void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders headers, Locale locale)
            throws IOException {
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus() > 0 ? problem.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR.value());
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
