package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The login page for a page asked for without signing in; with "your session ended" ({@code ?expired}) when the
 * browser still sent a session that is no more: it timed out, was ended by a change of the account (deleted in the
 * database by whichever instance made the change) or its row vanished. The page asked for is remembered as for
 * anyone (the request cache), so signing in again leads back to it.
 */
final class SessionEndedEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SessionEndedEntryPoint(String loginPage) {
        super(loginPage);
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) {
        String login = super.determineUrlToUseForThisRequest(request, response, exception);
        return ended(request) ? login + "?expired" : login;
    }

    /** Whether the request names a session that no longer exists (an ended one, not none at all). */
    static boolean ended(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}
