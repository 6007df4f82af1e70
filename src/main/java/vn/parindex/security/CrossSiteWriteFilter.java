package vn.parindex.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API writes (POST, PUT, PATCH, DELETE) a browser sends on behalf of another site, before any credentials
 * are looked at: those with {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or (browsers
 * without it) with an {@code Origin} other than the API's own. Scripts and curl send neither header and are not
 * affected. Together with no Basic challenge to browsers, a site cannot make a browser that once signed in to
 * the API approve or upload anything.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SecurityProblems problems;

    CrossSiteWriteFilter(SecurityProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            log.warn("Cross-site API write refused: {} {} origin={} sec-fetch-site={} client={}", request.getMethod(),
                    LogSafe.of(request.getRequestURI()), LogSafe.of(request.getHeader("Origin")),
                    LogSafe.of(request.getHeader("Sec-Fetch-Site")), LogSafe.of(request.getRemoteAddr()));
            problems.write(request, response, HttpStatus.FORBIDDEN, "api.crossSite");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.strip().toLowerCase(Locale.ROOT);
            return !value.equals("same-origin") && !value.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin.strip(), request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" and other opaque origins
            }
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
