package vn.parindex.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.parindex.web.ApiProblems;

/**
 * An account still on the first password it was handed ({@code app_user.password_change_required}, V18) opens only
 * the password page until the person chooses their own: every other page sends them there, the API answers 403
 * with a problem saying so. The flag is read again (the accounts kept per revision) while the session's principal
 * still carries it, so the change of password frees the person at once, in the session they changed it in.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    /** Where the person chooses their own password. */
    static final String PASSWORD_PAGE = "/account/password";

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final DatabaseUserDetailsService users;
    private final ApiProblems problems;

    PasswordChangeFilter(DatabaseUserDetailsService users, ApiProblems problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.passwordChangeRequired()) {
            CurrentUser now = stored(user);
            if (now != null && !now.passwordChangeRequired()) {
                // changed in this session: the session's principal follows, the pages no longer ask
                refresh(request, response, now);
            } else if (!open(request)) {
                refuse(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ApiProblems.isApi(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN.value(), "password.changeRequiredTitle",
                    "password.changeRequired");
        } else {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
        }
    }

    /** The account as stored now (kept per revision); null when it is gone or another account has the name. */
    private CurrentUser stored(CurrentUser user) {
        try {
            return users.loadUserByUsername(user.username()) instanceof CurrentUser now && now.id() == user.id()
                    ? now : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private void refresh(HttpServletRequest request, HttpServletResponse response, CurrentUser now) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (!ApiProblems.isApi(request)) {
            sessions.saveContext(context, request, response);
        }
    }

    /** What such a person may still open: the password page, signing out, the page's assets, the error page. */
    static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/login")
                || path.equals("/error") || path.equals("/favicon.ico") || path.startsWith("/assets/")
                || path.startsWith("/webjars/");
    }
}
