package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The API's answers from the security filters (401, 403, 429, 503), as RFC 9457 problem documents in the caller's
 * language: English when {@code Accept-Language} prefers it to Vietnamese, Vietnamese otherwise.
 */
@Component
class ApiProblems {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    private final MessageSource messages;
    private final ObjectMapper json;

    ApiProblems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The language of an API caller: the first of Vietnamese and English its Accept-Language names. */
    static Locale locale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank() || header.length() > 500) {
            return VIETNAMESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String language = range.getRange().split("-", 2)[0];
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
                if (language.equals("vi") || language.equals("*")) {
                    return VIETNAMESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // served in Vietnamese
        }
        return VIETNAMESE;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
            Object... arguments) throws IOException {
        Locale locale = locale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(key + ".title", null, key, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(key + ".detail", arguments, key, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setHeader("Content-Language", locale.getLanguage());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, boolean challenge)
            throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PAR Index\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "api.401");
    }

    void delayed(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.429", retryAfter.toSeconds());
    }

    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "api.503");
    }
}
