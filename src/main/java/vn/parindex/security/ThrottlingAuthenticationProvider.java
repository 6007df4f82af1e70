package vn.parindex.security;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
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
 * hashing them; tells an unreachable database ({@link LoginUnavailableException}) apart from a wrong password; and
 * logs every real password check (requests answered from {@link RecentlyVerifiedPasswords} only at debug level).
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");

    /** No password of this app is longer (new ones at most {@value AccountService#MAX_PASSWORD_LENGTH}). */
    static final int MAX_PRESENTED_PASSWORD = 1024;
    static final int MAX_PRESENTED_USERNAME = 256;

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
        Optional<Duration> wait = throttle.acquire(username, client);
        if (wait.isPresent()) {
            log.warn("Login refused, delayed {} s after repeated failures: user={} client={}", wait.get().toSeconds(),
                    LogSafe.of(username), LogSafe.of(client));
            throw new LoginDelayedException(wait.get());
        }
        Object credentials = authentication.getCredentials();
        if ((credentials != null && credentials.toString().length() > MAX_PRESENTED_PASSWORD)
                || (username != null && username.length() > MAX_PRESENTED_USERNAME)) {
            throttle.failed(username, client);
            log.warn("Failed login (absurdly long input): user={} client={}", LogSafe.of(username), LogSafe.of(client));
            throw new BadCredentialsException("Bad credentials");
        }
        boolean settled = false;
        try {
            Authentication result = passwords.authenticate(authentication);
            settled = true;
            throttle.succeeded(username, client);
            if (result instanceof RecentlyVerifiedPasswords.Remembered) {
                log.debug("Login (recently verified): user={} client={}", LogSafe.of(username), LogSafe.of(client));
            } else {
                log.info("Login: user={} client={}", LogSafe.of(username), LogSafe.of(client));
            }
            return result;
        } catch (LoginBusyException e) {
            settled = true;
            throttle.released(username, client);
            log.warn("Login refused, too many password checks at once: user={} client={}", LogSafe.of(username),
                    LogSafe.of(client));
            throw e;
        } catch (BadCredentialsException e) {
            settled = true;
            throttle.failed(username, client);
            log.warn("Failed login: user={} client={}", LogSafe.of(username), LogSafe.of(client));
            throw e;
        } catch (RuntimeException e) {
            settled = true;
            throttle.released(username, client);
            if (databaseFailure(e)) {
                log.error("Login impossible, the account database is unavailable: user={} client={}: {}",
                        LogSafe.of(username), LogSafe.of(client), e.toString());
                throw new LoginUnavailableException(e);
            }
            if (e instanceof AuthenticationException) {
                log.warn("Failed login ({}): user={} client={}", e.getClass().getSimpleName(), LogSafe.of(username),
                        LogSafe.of(client));
            }
            throw e;
        } finally {
            if (!settled) {
                throttle.released(username, client); // an Error: the attempt must not stay in progress
            }
        }
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
}
