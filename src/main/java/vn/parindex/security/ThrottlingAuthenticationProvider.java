package vn.parindex.security;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * Checks passwords (accounts from the database) for the login form and HTTP Basic alike: asks {@link LoginThrottle}
 * first and refuses a delayed client without looking at the password; refuses absurdly long passwords without
 * hashing them; tells an unreachable database ({@link LoginUnavailableException}) apart from a wrong password, the
 * throttle's own statements included (its counts are in the database: a throttle that cannot be read lets no attempt
 * through); and logs every real password check (requests answered from {@link RecentlyVerifiedPasswords} only at
 * debug level).
 *
 * <p>Only a real password check is an attempt in progress for the throttle ({@link ThrottledCheck}, inside the
 * memory of recently verified passwords): an API client sending its known password with many parallel requests is
 * never refused for it, while parallel guesses are.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");

    /** No password of this app is longer ({@link AppUser#MAX_PRESENTED_PASSWORD}). */
    static final int MAX_PRESENTED_PASSWORD = AppUser.MAX_PRESENTED_PASSWORD;
    static final int MAX_PRESENTED_USERNAME = 256;

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    /**
     * {@code checks} checks a password for real (hashing); {@code memory} wraps the throttled checks with the memory
     * of recently verified passwords (or is the identity).
     */
    static ThrottlingAuthenticationProvider of(AuthenticationProvider checks,
            UnaryOperator<AuthenticationProvider> memory, LoginThrottle throttle) {
        return new ThrottlingAuthenticationProvider(memory.apply(new ThrottledCheck(checks, throttle)), throttle);
    }

    private ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String client = client(authentication);
        Optional<Duration> wait = unlessUnavailable(() -> throttle.delay(username, client), username, client);
        if (wait.isPresent()) {
            throw delayed(username, client, wait.get());
        }
        Object credentials = authentication.getCredentials();
        if ((credentials != null && credentials.toString().length() > MAX_PRESENTED_PASSWORD)
                || (username != null && username.length() > MAX_PRESENTED_USERNAME)) {
            unlessUnavailable(() -> {
                throttle.failed(username, client);
                return null;
            }, username, client);
            log.warn("Failed login (absurdly long input): user={} client={}", LogSafe.of(username), LogSafe.of(client));
            throw new BadCredentialsException("Bad credentials");
        }
        if (username != null && vn.parindex.system.TextRule.problem(username, false) != null) {
            // no account has such a name (NUL, a control character...: the text rule): a failed sign-in like any
            // other, counted (the throttle keeps a NUL as U+FFFD), and no account is looked up
            unlessUnavailable(() -> {
                throttle.failed(username, client);
                return null;
            }, username, client);
            log.warn("Failed login: user={} client={} (a character no account name has)", LogSafe.of(username),
                    LogSafe.of(client));
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (result instanceof RecentlyVerifiedPasswords.Remembered) {
                throttle.remembered(username, client);
                log.debug("Login (recently verified): user={} client={}", LogSafe.of(username), LogSafe.of(client));
            } else {
                log.info("Login: user={} client={}", LogSafe.of(username), LogSafe.of(client));
            }
            return result;
        } catch (LoginBusyException e) {
            log.warn("Login refused, too many password checks at once: user={} client={}", LogSafe.of(username),
                    LogSafe.of(client));
            throw e;
        } catch (LoginDelayedException e) {
            throw e; // logged by the check
        } catch (BadCredentialsException e) {
            log.warn("Failed login: user={} client={}", LogSafe.of(username), LogSafe.of(client));
            throw e;
        } catch (LoginUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (databaseFailure(e)) {
                throw unavailable(username, client, e);
            }
            if (e instanceof AuthenticationException) {
                log.warn("Failed login ({}): user={} client={}", e.getClass().getSimpleName(), LogSafe.of(username),
                        LogSafe.of(client));
            }
            throw e;
        }
    }

    /**
     * The throttle's answer, or {@link LoginUnavailableException} when its database cannot be reached: the attempt
     * is then neither let through unthrottled nor answered 500.
     */
    private static <T> T unlessUnavailable(java.util.function.Supplier<T> throttled, String username, String client) {
        try {
            return throttled.get();
        } catch (RuntimeException e) {
            if (databaseFailure(e)) {
                throw unavailable(username, client, e);
            }
            throw e;
        }
    }

    private static LoginUnavailableException unavailable(String username, String client, RuntimeException e) {
        log.error("Login impossible, the account database is unavailable: user={} client={}: {}",
                LogSafe.of(username), LogSafe.of(client), e.toString());
        return new LoginUnavailableException(e);
    }

    private static LoginDelayedException delayed(String username, String client, Duration wait) {
        log.warn("Login refused, delayed {} s after repeated failures: user={} client={}", wait.toSeconds(),
                LogSafe.of(username), LogSafe.of(client));
        return new LoginDelayedException(wait);
    }

    /** Whether the failure comes from the database (unreachable, timed out…) rather than the credentials. */
    static boolean databaseFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
    }

    /**
     * A real password check as an attempt for the throttle: started with {@link LoginThrottle#acquire} (refused when
     * the free attempts are already in progress), ended with exactly one of failed, succeeded or released.
     */
    static final class ThrottledCheck implements AuthenticationProvider {

        private final AuthenticationProvider checks;
        private final LoginThrottle throttle;

        ThrottledCheck(AuthenticationProvider checks, LoginThrottle throttle) {
            this.checks = checks;
            this.throttle = throttle;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String username = authentication.getName();
            String client = client(authentication);
            Optional<Duration> wait = throttle.acquire(username, client);
            if (wait.isPresent()) {
                throw delayed(username, client, wait.get());
            }
            boolean settled = false;
            try {
                Authentication result = checks.authenticate(authentication);
                settled = true;
                throttle.succeeded(username, client);
                return result;
            } catch (BadCredentialsException e) {
                settled = true;
                throttle.failed(username, client);
                throw e;
            } finally {
                if (!settled) {
                    // neither right nor wrong: busy, the database unreachable, a disabled account, an Error
                    throttle.released(username, client);
                }
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return checks.supports(authentication);
        }
    }
}
