package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes RFC 9457 problem documents where no controller is involved (filters, the security chain, Tomcat's error
 * valve), in the caller's language ({@link LocaleConfiguration#apiLocale}).
 */
@Component
public final class ApiProblems {

    private final MessageSource messages;

    public ApiProblems(MessageSource messages) {
        this.messages = messages;
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

    /** The problem document as JSON text. */
    public String json(int status, String titleKey, String detailKey, Locale locale, Object... args) {
        return document(status, text(titleKey, locale), text(detailKey, locale, args));
    }

    /** A problem document from its texts. */
    static String document(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
                + quote(detail) + "}";
    }

    /** The problem document in the language the request's {@code Accept-Language} asks for. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
            String detailKey, Object... args) throws IOException {
        Locale locale = LocaleConfiguration.apiLocale(request);
        String json = json(status, titleKey, detailKey, locale, args);
        String uri = request.getRequestURI();
        if (uri != null && uri.length() <= 2000) {
            json = json.substring(0, json.length() - 1) + ",\"instance\":" + quote(uri) + "}";
        }
        send(response, status, json, locale);
    }

    public void write(HttpServletResponse response, int status, String titleKey, String detailKey, Locale locale,
            Object... args) throws IOException {
        send(response, status, json(status, titleKey, detailKey, locale, args), locale);
    }

    private static void send(HttpServletResponse response, int status, String json, Locale locale)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
