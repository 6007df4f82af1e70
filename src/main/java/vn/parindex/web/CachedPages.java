package vn.parindex.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.parindex.system.BusinessClock;

/**
 * Serves pages again without rendering them while the data they show is unchanged: the pages features declare with
 * a {@link KeptPages} bean, each where the page is (path patterns such as {@code /units/*}), because bench/pages.sh
 * measured them below the goal when rendered for each request (the figures are in docs/ARCHITECTURE.md).
 *
 * <p>A page is kept per signed-in person (the navigation bar names them), language, address (path and every
 * parameter) and day (what is due or late changes at midnight without a write), together with the
 * {@linkplain DataRevision data revision} it was rendered from; the next request for it at the same revision gets
 * the same bytes, with the form token (CSRF) of its own request put in place of the one rendered. Kept only when
 * the page was a plain 200 HTML answer that set no cookie; never for requests that switch the language, nor while
 * the session holds a one-time message (a flash attribute, "saved", after a form was sent): that request is
 * rendered, so the message is shown. Runs after Spring Security, so only people allowed to see a page are served
 * it. Pages are kept in the {@value Caches#PAGES} cache (bounded by {@code parindex.cache.pages.maximum-bytes}); a
 * browser that already has the current page gets a 304 first ({@link RevisionETags}).
 *
 * <p>Kept because measured (bench/pages.sh, CPU ms per request, 2 shared cores): the dashboard rendered per request
 * (its content fragment kept, the layout rendered) costs 1.6–5.1 ms, 0.10–0.17× the small static file's rate,
 * below the goal of 0.5×; served from here 0.15 ms, 1.15–2.7× (Tân Yên plan and the 2 000-criteria set).
 * {@code parindex.pages.keep-pages=false} turns it off to measure again.
 */
public class CachedPages extends OncePerRequestFilter {

    private record Key(String address, Locale locale, Object principal, LocalDate day,
            vn.parindex.system.BodyScope.Scope body) {
    }

    /** Where Spring's {@code SessionFlashMapManager} keeps one-time messages until the next page shows them. */
    public static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    /** A page's bytes, cut where its form tokens were; no bytes when only noted as asked for ({@link #seen}). */
    record Page(long revision, String contentType, byte[][] pieces) {

        /** A page asked for once at this revision, not kept yet. */
        static Page seen(long revision) {
            return new Page(revision, null, null);
        }

        /** What the page weighs in the {@value Caches#PAGES} cache. */
        int bytes() {
            if (pieces == null) {
                return 0;
            }
            int bytes = 0;
            for (byte[] piece : pieces) {
                bytes += piece.length;
            }
            return bytes;
        }
    }

    private final List<PathPattern> paths;
    private final LocaleResolver locales;
    private final RevisionETags etags;
    private final Cache pages;
    private final BusinessClock clock;

    CachedPages(Collection<KeptPages> kept, LocaleResolver locales, RevisionETags etags, CacheManager caches,
            BusinessClock clock) {
        this.pages = caches.getCache(Caches.PAGES);
        this.etags = etags;
        this.paths = kept.stream().flatMap(k -> k.patterns().stream()).map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.locales = locales;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("lang") != null) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        return paths.stream().noneMatch(pattern -> pattern.matches(path)) || holdsOneTimeMessage(request);
    }

    private static boolean holdsOneTimeMessage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(FLASH_MAPS) instanceof Collection<?> messages
                && !messages.isEmpty();
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
        Key key = new Key(address(request), locales.resolveLocale(request), authentication.getPrincipal(),
                clock.today(), vn.parindex.system.BodyScope.current());
        long revision = etags.revision(request);
        Page page = pages.get(key, Page.class);
        if (page != null && page.revision() == revision && page.pieces() != null) {
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
        if (page == null || page.revision() != revision) {
            // first asked at this revision: rendered straight to the client, only noted. Keeping costs a copy of
            // the page and a scan for its tokens, wasted when a write comes before the next request (bench/load.sh:
            // a tenth of the throughput while offices write); the second request at the same revision keeps it.
            pages.put(key, Page.seen(revision));
            chain.doFilter(request, response);
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
