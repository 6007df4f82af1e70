package vn.parindex.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the most read pages (the dashboard) again without rendering them while the data they show is unchanged.
 *
 * <p>A page is kept per signed-in person (the navigation bar names them), language and address, together with
 * the {@linkplain DataRevision data revision} it was rendered from; the next request for it at the same revision
 * gets the same bytes, with the form token (CSRF) of its own request put in place of the one rendered. Kept only
 * when the page was a plain 200 HTML answer that set no cookie; never for requests that switch the language.
 * Only for pages that show no one-time messages (flash attributes): a kept page would not show them. Runs after Spring Security, so only people allowed to see a page are served it.
 */
public class CachedPages extends OncePerRequestFilter {

    /** At most this many pages are kept; the least recently used go first. */
    static final int CAPACITY = 256;

    private record Key(String address, Locale locale, Object principal) {
    }

    /** A page's bytes, cut where its form tokens were. */
    private record Page(long revision, String contentType, byte[][] pieces) {
    }

    private final Set<String> paths;
    private final LocaleResolver locales;
    private final RevisionETags etags;
    private final Map<Key, Page> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Page> eldest) {
            return size() > CAPACITY;
        }
    };

    public CachedPages(Set<String> paths, LocaleResolver locales, RevisionETags etags) {
        this.etags = etags;
        this.paths = Set.copyOf(paths);
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !paths.contains(request.getRequestURI().substring(
                request.getContextPath().length())) || request.getParameter("lang") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (authentication == null || !authentication.isAuthenticated() || csrf == null) {
            chain.doFilter(request, response);
            return;
        }
        if (etags.notModified(request, response, true)) {
            return; // the browser's copy is current: 304
        }
        Key key = new Key(address(request), locales.resolveLocale(request), authentication.getPrincipal());
        long revision = etags.revision(request);
        Page page;
        synchronized (pages) {
            page = pages.get(key);
        }
        if (page != null && page.revision() == revision) {
            byte[] token = csrf.getToken().getBytes(StandardCharsets.UTF_8);
            int length = 0;
            for (byte[] piece : page.pieces()) {
                length += piece.length;
            }
            length += token.length * (page.pieces().length - 1);
            response.setContentType(page.contentType());
            response.setContentLength(length);
            var out = response.getOutputStream();
            for (int i = 0; i < page.pieces().length; i++) {
                if (i > 0) {
                    out.write(token);
                }
                out.write(page.pieces()[i]);
            }
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String contentType = wrapper.getContentType();
        if (wrapper.getStatus() == 200 && contentType != null && contentType.startsWith("text/html")
                && !wrapper.getHeaderNames().contains("Set-Cookie") && !request.isAsyncStarted()) {
            byte[] body = wrapper.getContentAsByteArray();
            Page kept = new Page(revision, contentType,
                    split(body, csrf.getToken().getBytes(StandardCharsets.UTF_8)));
            synchronized (pages) {
                pages.put(key, kept);
            }
        }
        wrapper.copyBodyToResponse();
    }

    /** The path with every parameter, in a fixed order. */
    private static String address(HttpServletRequest request) {
        StringBuilder address = new StringBuilder(request.getRequestURI());
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                address.append(address.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
            }
        });
        return address.toString();
    }

    /** The body cut at every occurrence of the token. */
    static byte[][] split(byte[] body, byte[] token) {
        java.util.List<byte[]> pieces = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; token.length > 0 && i <= body.length - token.length; i++) {
            if (Arrays.equals(body, i, i + token.length, token, 0, token.length)) {
                pieces.add(Arrays.copyOfRange(body, start, i));
                start = i + token.length;
                i = start - 1;
            }
        }
        pieces.add(Arrays.copyOfRange(body, start, body.length));
        return pieces.toArray(byte[][]::new);
    }
}
