package vn.parindex.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
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
 * Only for pages that show no one-time messages (flash attributes): a kept page would not show them. Runs after
 * Spring Security, so only people allowed to see a page are served it. Pages are kept in the
 * {@value Caches#PAGES} cache (bounded by {@code parindex.cache.pages.maximum-size}); a browser that already has
 * the current page gets a 304 first ({@link RevisionETags}).
 *
 * <p>Kept because measured (bench/pages.sh, CPU ms per request, 2 shared cores): the dashboard rendered per request
 * (its content fragment kept, the layout rendered) costs 1.6–5.1 ms, 0.10–0.17× the small static file's rate,
 * below the goal of 0.5×; served from here 0.15 ms, 1.15–2.7× (Tân Yên plan and the 2 000-criteria set).
 * {@code parindex.pages.keep-dashboard=false} turns it off to measure again.
 */
public class CachedPages extends OncePerRequestFilter {

    private record Key(String address, Locale locale, Object principal) {
    }

    /** A page's bytes, cut where its form tokens were. */
    private record Page(long revision, String contentType, byte[][] pieces) {
    }

    private final Set<String> paths;
    private final LocaleResolver locales;
    private final RevisionETags etags;
    private final Cache pages;

    public CachedPages(Set<String> paths, LocaleResolver locales, RevisionETags etags, CacheManager caches) {
        this.pages = caches.getCache(Caches.PAGES);
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
        Page page = pages.get(key, Page.class);
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
            pages.put(key, kept);
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
