package vn.parindex.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords (BCrypt, accounts from the database) for the login form and HTTP Basic alike, refusing locked
 * accounts and clients before looking at the password, and logging every login and failed login.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String client = client(authentication);
        if (throttle.isLocked(username, client)) {
            log.warn("Login refused, locked after repeated failures: user={} client={}", username, client);
            throw new LockedException("locked");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username, client);
            log.info("Login: user={} client={}", username, client);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(username, client);
            log.warn("Failed login: user={} client={}", username, client);
            throw e;
        } catch (AuthenticationException e) {
            log.warn("Failed login ({}): user={} client={}", e.getClass().getSimpleName(), username, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }
}
