package vn.parindex.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where a person lands after signing in: each role's first question answered first. A head of office lands on the
 * unit's own page (the criteria it leads, what is due, what came back), Home Affairs on what needs action
 * ({@code /todo}: submissions to check, reports to receive, what is late), leaders on the district's dashboard.
 * A page asked for before signing in wins, except the bare first page, which everyone opens.
 */
class RoleLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    private final RequestCache requestCache = new HttpSessionRequestCache();

    RoleLanding() {
        setRequestCache(requestCache);
    }

    /** The first screen of a person. */
    static String of(CurrentUser user) {
        if (user.passwordChangeRequired()) {
            // a first password handed out: the person chooses their own before anything else
            return PasswordChangeFilter.PASSWORD_PAGE;
        }
        return switch (user.role()) {
            case ADMIN -> "/todo";
            case UNIT_HEAD -> user.unitCode() == null ? "/" : "/units/" + user.unitCode();
            case LEADER -> "/";
            // the list of bodies, which sends to the body's to-do list when there is only one
            case PROVINCE -> "/province";
        };
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        if (KeptForm.waiting(request.getSession(false))) {
            // a form refused because the session had ended: shown again, ready to send ({@link ResumeController})
            requestCache.removeRequest(request, response);
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, ResumeController.PATH);
            return;
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null && (isFirstPage(request, saved)
                || authentication.getPrincipal() instanceof CurrentUser user && user.passwordChangeRequired())) {
            requestCache.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        return authentication.getPrincipal() instanceof CurrentUser user ? of(user) : "/";
    }

    private static boolean isFirstPage(HttpServletRequest request, SavedRequest saved) {
        String path = saved instanceof DefaultSavedRequest d ? d.getRequestURI() : null;
        if (path == null) {
            try {
                path = java.net.URI.create(saved.getRedirectUrl()).getRawPath();
            } catch (IllegalArgumentException e) {
                return false; // not an address of ours to reason about: let the saved request decide
            }
        }
        String root = request.getContextPath() + "/";
        return path == null || path.isEmpty() || path.equals(root);
    }
}
