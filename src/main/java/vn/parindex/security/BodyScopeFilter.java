package vn.parindex.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import vn.parindex.organisation.BodyRef;
import vn.parindex.organisation.Bodies;
import vn.parindex.system.BodyScope;
import vn.parindex.web.ApiProblems;

/**
 * How a request finds its body (đơn vị được đánh giá), after the person is known and before anything reads data:
 * <ul>
 *   <li>a body's people work on their own body; a {@code ?body=} naming another is answered 404, like another
 *       body's ids;</li>
 *   <li>the province's accounts ({@link Role#PROVINCE}) work on the body {@code ?body=CODE} names (on a page it is
 *       then remembered for the session, so the body's links need not carry it), else the one remembered, else the
 *       only body when there is one; its pages and API are then theirs as if they were the body's Home Affairs. On
 *       the province's own addresses ({@code /province}, {@code /api/v1/bodies}) they see every body; on a body's
 *       address with no body chosen, a page sends them to the province's page to choose, the API answers 400 (the
 *       imports with no body run in no body's scope: the list of bodies is imported in every body's, any other
 *       kind is refused there);</li>
 *   <li>nobody signed in: no body (the sign-in page reads no body's data).</li>
 * </ul>
 * The scope is held for the rest of the request ({@link BodyScope}); the database then shows nothing else.
 */
final class BodyScopeFilter extends OncePerRequestFilter {

    /** Where a page remembers the body a province account works on. */
    static final String CHOSEN = BodyScopeFilter.class.getName() + ".BODY";
    /** The parameter that names a body. */
    static final String PARAMETER = "body";

    private final Bodies bodies;
    private final ApiProblems problems;

    BodyScopeFilter(Bodies bodies, ApiProblems problems) {
        this.bodies = bodies;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * The static files (scripts, styles, the icon) belong to no body and read no data: a province account's page
     * asks for them before any body is chosen, and must get them, not the way to the province's page.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/assets/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = authentication != null && authentication.getPrincipal() instanceof CurrentUser current
                ? current : null;
        boolean error = request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR;
        BodyScope.Scope scope;
        if (user == null) {
            scope = BodyScope.Scope.NONE;
        } else if (user.bodyId() != null) {
            String named = error ? null : named(request);
            if (named != null && bodies.byCode(named).map(BodyRef::id).filter(user.bodyId()::equals).isEmpty()) {
                refuseUnknown(request, response, named);
                return;
            }
            scope = BodyScope.Scope.of(user.bodyId());
        } else {
            Optional<BodyRef> chosen;
            String named = error ? null : named(request);
            if (named != null) {
                chosen = bodies.byCode(named);
                if (chosen.isEmpty()) {
                    refuseUnknown(request, response, named);
                    return;
                }
                if (!ApiProblems.isApi(request) && "GET".equals(request.getMethod())) {
                    request.getSession().setAttribute(CHOSEN, chosen.get().id());
                }
            } else {
                chosen = remembered(request);
                if (chosen.isPresent() && !ApiProblems.isApi(request) && writes(request) && !provinceAddress(request)
                        && bodies.count() > 1) {
                    // a page's form names its body (BodyFormActions): one that does not may come from a page of
                    // another body than the session's choice now (another tab): written nowhere
                    response.sendError(HttpStatus.CONFLICT.value());
                    return;
                }
            }
            if (provinceAddress(request)) {
                scope = BodyScope.Scope.ALL;
            } else if (chosen.isPresent()) {
                scope = BodyScope.Scope.of(chosen.get().id());
            } else if (error || importsAddress(request)) {
                // an import with no body chosen: the province's own list of bodies runs in every body's scope
                // (imports.ImportService); any other kind is refused there, 400, with nothing read
                scope = BodyScope.Scope.NONE;
            } else if (ApiProblems.isApi(request)) {
                problems.write(request, response, HttpStatus.BAD_REQUEST.value(), "body.requiredTitle",
                        "body.required");
                return;
            } else {
                response.sendRedirect(request.getContextPath() + "/province");
                return;
            }
        }
        try (BodyScope.Entered entered = BodyScope.enter(scope)) {
            chain.doFilter(request, response);
        }
    }

    /** The body a province account chose earlier in this session, else the only one there is. */
    private Optional<BodyRef> remembered(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(CHOSEN);
        if (id instanceof Long chosen) {
            Optional<BodyRef> body = bodies.byId(chosen);
            if (body.isPresent()) {
                return body;
            }
        }
        return bodies.count() == 1 ? Optional.of(bodies.first()) : Optional.empty();
    }

    /** A request that may write (not GET, HEAD, OPTIONS, TRACE). */
    private static boolean writes(HttpServletRequest request) {
        return !java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
    }

    /** The province's own addresses, and its account's own password: they read every body (or none). */
    static boolean provinceAddress(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/province") || path.startsWith("/province/") || path.equals("/api/v1/bodies")
                || path.startsWith("/api/v1/bodies/") || path.equals("/api/v1/indexes")
                || path.startsWith("/api/v1/indexes/") || path.equals("/account/password");
    }

    /** The API's imports: a list of bodies is the province's, a body's tables are that body's. */
    static boolean importsAddress(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/imports");
    }

    /**
     * The {@code body} of the query string, decoded; null when there is none. Read from the query string only: the
     * request's body (a form, an upload) is never parsed here.
     */
    static String named(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains(PARAMETER + "=")) {
            return null;
        }
        String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(PARAMETER);
        return value == null ? null : UriUtils.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void refuseUnknown(HttpServletRequest request, HttpServletResponse response, String named)
            throws IOException {
        if (ApiProblems.isApi(request)) {
            problems.write(request, response, HttpStatus.NOT_FOUND.value(), "error.404.title", "notFound.body",
                    named.length() > 40 ? named.substring(0, 40) + "…" : named);
        } else {
            response.sendError(HttpStatus.NOT_FOUND.value());
        }
    }
}
