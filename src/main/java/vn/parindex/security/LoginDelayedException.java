package vn.parindex.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this client lately: try again after {@link #retryAfter()}. */
public class LoginDelayedException extends AuthenticationException {

    private final Duration retryAfter;

    LoginDelayedException(Duration retryAfter) {
        super("Too many failed logins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
