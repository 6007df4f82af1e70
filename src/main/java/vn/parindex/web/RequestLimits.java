package vn.parindex.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies are bounded before anything reads them: a JSON or form body larger than
 * {@code parindex.web.max-body-size} (1 MB) is refused with 413 — at once when its Content-Length says so, else
 * (chunked) as soon as the count passes the limit. Multipart uploads have their own limits (see
 * application.properties) and are opened only when the controller has checked the permission
 * ({@link #openMultipart}).
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    /** Thrown by the counting stream: the body is larger than allowed. */
    public static final class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final String MULTIPART_OPEN = RequestLimits.class.getName() + ".multipartOpen";

    /**
     * An address that takes a file as its whole body (not a form's part), with its own limit instead of
     * {@code parindex.web.max-body-size}: declared as a bean by the feature that reads it.
     */
    public record LargeBody(String path, DataSize limit) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(ApiProblems problems,
            org.springframework.web.servlet.LocaleResolver locales,
            WebLimitsProperties settings, java.util.List<LargeBody> largeBodies) {
        long ordinary = settings.maxBodySize().toBytes();
        java.util.Map<String, Long> large = new java.util.HashMap<>();
        largeBodies.forEach(body -> large.put(body.path(), body.limit().toBytes()));
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                long limit = large.isEmpty() ? ordinary : large.getOrDefault(
                        request.getRequestURI().substring(request.getContextPath().length()), ordinary);
                if (isMultipart(request)) {
                    // a request already resolved into parts (a test's mock) has nothing left to defer
                    chain.doFilter(request instanceof org.springframework.web.multipart.MultipartHttpServletRequest
                            ? request : new DeferredMultipart(request), response);
                    return;
                }
                long declared = request.getContentLengthLong();
                if (declared > limit) {
                    tooLarge(request, response, problems, locales);
                    return;
                }
                boolean chunkedBody = declared < 0 && request.getHeader("Transfer-Encoding") != null;
                if (!chunkedBody) {
                    chain.doFilter(request, response);
                    return;
                }
                try {
                    chain.doFilter(new CountingRequest(request, limit), response);
                } catch (ServletException | RuntimeException e) {
                    if (!causedByTooLarge(e) || response.isCommitted()) {
                        throw e;
                    }
                    response.reset();
                    tooLarge(request, response, problems, locales);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setName("requestBodyLimit");
        return registration;
    }

    /** Whether {@code e} or one of its causes is the counting stream's refusal. */
    public static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response, ApiProblems problems,
            org.springframework.web.servlet.LocaleResolver locales) throws IOException {
        // the client may still be sending: do not keep the connection for the rest of it
        response.setHeader("Connection", "close");
        if (ApiProblems.isApi(request)) {
            problems.write(response, 413, "error.413.title", "error.413.body",
                    LocaleConfiguration.apiLocale(request));
            return;
        }
        // a page of its own: the body was never read, so nothing of the application runs for it
        Locale locale = locales.resolveLocale(request);
        String title = escape(problems.text("error.413.title", locale));
        String text = escape(problems.text("error.413.text", locale));
        String home = escape(problems.text("error.home", locale));
        byte[] page = ("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body style=\"font-family: system-ui, sans-serif; text-align: center;"
                + " padding: 3rem 1rem\"><h1>" + title + "</h1><p>" + text + "</p><p><a href=\""
                + request.getContextPath() + "/\">" + home + "</a></p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(413);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
        response.flushBuffer();
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /**
     * Lets the controller read a multipart body's parameters and parts: call it after the permission check.
     * Until then only the query string's parameters are visible (a form's CSRF token travels there), so neither
     * the security filters nor the language switch make the server parse an upload nobody may send.
     */
    public static void openMultipart(HttpServletRequest request) {
        request.setAttribute(MULTIPART_OPEN, Boolean.TRUE);
        // parsed here, through Spring's multipart request: a part over the size limit or a broken body becomes
        // Spring's MaxUploadSizeExceededException or MultipartException (413 / 400, one log line), not Tomcat's
        // IllegalStateException from the first parameter read (a stack trace from the container)
        org.springframework.web.multipart.MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils
                .getNativeRequest(request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap();
        }
        // the text parts, under the text rule like every other parameter (400, nothing stored)
        TextInputGuard.check(request.getParameterMap());
    }

    /** A multipart request whose body parameters stay unread until {@link #openMultipart} is called. */
    static final class DeferredMultipart extends HttpServletRequestWrapper {

        private Map<String, String[]> queryOnly;

        DeferredMultipart(HttpServletRequest request) {
            super(request);
        }

        private boolean open() {
            return Boolean.TRUE.equals(getAttribute(MULTIPART_OPEN));
        }

        private Map<String, String[]> query() {
            if (queryOnly == null) {
                Map<String, java.util.List<String>> values = new LinkedHashMap<>();
                String query = getQueryString();
                if (query != null && query.length() <= 8192) {
                    for (String pair : query.split("&")) {
                        if (pair.isEmpty()) {
                            continue;
                        }
                        int eq = pair.indexOf('=');
                        try {
                            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                                    StandardCharsets.UTF_8);
                            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
                                    StandardCharsets.UTF_8);
                            values.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
                        } catch (IllegalArgumentException e) {
                            // a malformed pair is no parameter
                        }
                    }
                }
                Map<String, String[]> map = new LinkedHashMap<>();
                values.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
                queryOnly = Collections.unmodifiableMap(map);
            }
            return queryOnly;
        }

        @Override
        public String getParameter(String name) {
            if (open()) {
                return super.getParameter(name);
            }
            String[] values = query().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return open() ? super.getParameterMap() : query();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return open() ? super.getParameterNames() : Collections.enumeration(query().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            if (open()) {
                return super.getParameterValues(name);
            }
            String[] values = query().get(name);
            return values == null ? null : values.clone();
        }
    }

    /** Counts what is read from a chunked body and stops past the limit. */
    static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    private void add(long n) throws IOException {
                        if (n > 0) {
                            count += n;
                            if (count > limit) {
                                throw new BodyTooLargeException();
                            }
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        add(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        add(n);
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }
}
