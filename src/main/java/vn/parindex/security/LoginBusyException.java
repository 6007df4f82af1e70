package vn.parindex.security;

import java.time.Duration;

/**
 * Too many password checks at once (hashing is slow on purpose): the password was not checked and this counts as no
 * failure; try again after {@link #retryAfter()}. Answered like a delay: 429 with {@code Retry-After}, or the wait
 * message on the login page.
 */
public class LoginBusyException extends LoginDelayedException {

    LoginBusyException(Duration retryAfter) {
        super(retryAfter);
    }
}
