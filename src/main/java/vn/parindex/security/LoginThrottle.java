package vn.parindex.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within the lock period, the account and
 * the client address are each locked for that period. Kept in memory (one application instance).
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockDuration;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle(@Value("${parindex.login.max-failures:5}") int maxFailures,
            @Value("${parindex.login.lock-duration:PT15M}") Duration lockDuration) {
        this(maxFailures, lockDuration, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockDuration, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** Whether the account or the client is locked now. */
    public boolean isLocked(String username, String client) {
        Instant now = clock.instant();
        return locked(accountKey(username), now) || locked(clientKey(client), now);
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    void recordFailure(String username, String client) {
        Instant now = clock.instant();
        failures.compute(accountKey(username), (k, f) -> next(f, now));
        failures.compute(clientKey(client), (k, f) -> next(f, now));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> !locked(e.getKey(), now)
                    && e.getValue().first().plus(lockDuration).isBefore(now));
        }
    }

    void recordSuccess(String username, String client) {
        failures.remove(accountKey(username));
        failures.remove(clientKey(client));
    }

    private Failures next(Failures current, Instant now) {
        Failures f = current == null || current.first().plus(lockDuration).isBefore(now)
                ? new Failures(0, now, null) : current;
        int count = f.count() + 1;
        return new Failures(count, f.first(), count >= maxFailures ? now.plus(lockDuration) : f.lockedUntil());
    }

    private boolean locked(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now);
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + (client == null ? "?" : client);
    }
}
