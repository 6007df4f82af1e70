package vn.parindex.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * At most {@code permits} password hashes are checked at once (PBKDF2 is CPU-heavy; the server has few cores): a
 * check waits at most {@code wait} for a permit, and past that the login is refused with {@link LoginBusyException}
 * (429 / the wait message), not counted as a failure. Logins answered from {@link RecentlyVerifiedPasswords} take
 * no permit (it wraps this).
 */
class PasswordCheckLimit implements AuthenticationProvider {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final AuthenticationProvider passwords;
    private final Semaphore permits;
    private final Duration wait;

    PasswordCheckLimit(AuthenticationProvider passwords, int permits, Duration wait) {
        this.passwords = passwords;
        this.permits = new Semaphore(Math.max(1, permits), true);
        this.wait = wait;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginBusyException(RETRY_AFTER);
        }
        if (!acquired) {
            throw new LoginBusyException(RETRY_AFTER);
        }
        try {
            return passwords.authenticate(authentication);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** Permits free now. */
    int available() {
        return permits.availablePermits();
    }
}
