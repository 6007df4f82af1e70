package vn.parindex.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out. Failed logins are counted per client address and per
 * (account, client address) pair. A few failures are free; after that, each further attempt from there is allowed
 * only once a delay has passed since the last failure, a delay that doubles with every failure up to a cap. While
 * delayed, attempts are refused without looking at the password.
 *
 * <ul>
 * <li>There is no account-wide lock: the right password from another address always gets in.</li>
 * <li>A success clears only its own (account, address) pair, never the address's count nor another client's.</li>
 * <li>An allowed attempt past the free ones reserves its slot, so parallel attempts cannot all slip through when a
 * delay ends.</li>
 * <li>Counts are forgotten {@code forgetAfter} after the last failure; at most {@code capacity} entries are kept
 * (beyond it the longest quiet ones are forgotten first).</li>
 * </ul>
 * Kept in memory (one application instance).
 */
@Component
public class LoginThrottle {

    /** Settings: free failures per pair and per address, first delay, cap, forgetting time, capacity. */
    record Settings(int freePerPair, int freePerAddress, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
            int capacity) {
    }

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant reservedUntil;
    }

    private static final int MAX_KEY_USERNAME = 64;

    private final Map<String, Entry> entries = new HashMap<>();
    private final Settings settings;
    private final Clock clock;

    @Autowired
    LoginThrottle(@Value("${parindex.login.free-failures:5}") int freePerPair,
            @Value("${parindex.login.free-failures-per-address:20}") int freePerAddress,
            @Value("${parindex.login.first-delay:1s}") Duration firstDelay,
            @Value("${parindex.login.max-delay:15m}") Duration maxDelay,
            @Value("${parindex.login.forget-after:1h}") Duration forgetAfter) {
        this(new Settings(freePerPair, freePerAddress, firstDelay, maxDelay, forgetAfter, 100_000), Clock.systemUTC());
    }

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks to check a password now. Empty when allowed (the slot is then reserved until {@link #failed},
     * {@link #succeeded} or {@link #released}); otherwise how long to wait, in whole seconds, at least one.
     */
    public synchronized Optional<Duration> acquire(String username, String client) {
        Instant now = clock.instant();
        Entry pair = current(pairKey(username, client), now);
        Entry address = current(addressKey(client), now);
        Instant until = later(allowedFrom(pair, settings.freePerPair()),
                allowedFrom(address, settings.freePerAddress()));
        if (until != null && until.isAfter(now)) {
            long millis = Duration.between(now, until).toMillis();
            return Optional.of(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
        }
        reserve(pair, settings.freePerPair(), now);
        reserve(address, settings.freePerAddress(), now);
        return Optional.empty();
    }

    /** A wrong password (or an unknown account): counts for the pair and for the address. */
    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        count(pairKey(username, client), now);
        count(addressKey(client), now);
        if (entries.size() > settings.capacity()) {
            shrink(now);
        }
    }

    /** The right password: forgets this pair's failures only. */
    public synchronized void succeeded(String username, String client) {
        entries.remove(pairKey(username, client));
        releaseReservation(addressKey(client));
    }

    /** Neither right nor wrong (the database could not be asked, the account is disabled): frees the slot. */
    public synchronized void released(String username, String client) {
        releaseReservation(pairKey(username, client));
        releaseReservation(addressKey(client));
    }

    /** The failures remembered for this (account, address) pair now. */
    synchronized int failures(String username, String client) {
        Entry entry = current(pairKey(username, client), clock.instant());
        return entry == null ? 0 : entry.failures;
    }

    /** How many pairs and addresses are remembered now. */
    synchronized int size() {
        return entries.size();
    }

    /** The wait after {@code failures} failures of which {@code free} are free. */
    Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        Duration max = settings.maxDelay();
        if (doublings >= 62) {
            return max;
        }
        long millis = settings.firstDelay().toMillis();
        long grown = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
        Duration delay = Duration.ofMillis(grown);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private Entry current(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry != null && forgotten(entry, now)) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private boolean forgotten(Entry entry, Instant now) {
        Instant reference = entry.lastFailure == null ? entry.reservedUntil : entry.lastFailure;
        return reference == null || (reference.plus(settings.forgetAfter()).isBefore(now)
                && (entry.reservedUntil == null || entry.reservedUntil.isBefore(now)));
    }

    private Instant allowedFrom(Entry entry, int free) {
        if (entry == null) {
            return null;
        }
        Instant afterFailure = entry.failures < free || entry.lastFailure == null ? null
                : entry.lastFailure.plus(delayAfter(entry.failures, free));
        return later(afterFailure, entry.reservedUntil);
    }

    private void reserve(Entry entry, int free, Instant now) {
        if (entry != null && entry.failures >= free) {
            entry.reservedUntil = now.plus(delayAfter(entry.failures, free));
        }
    }

    private void releaseReservation(String key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.reservedUntil = null;
        }
    }

    private void count(String key, Instant now) {
        Entry entry = current(key, now);
        if (entry == null) {
            entry = new Entry();
            entries.put(key, entry);
        }
        entry.failures = entry.failures == Integer.MAX_VALUE ? entry.failures : entry.failures + 1;
        entry.lastFailure = now;
        entry.reservedUntil = null;
    }

    /** Forgets what is forgotten anyway, then the quietest entries until a tenth of the room is free again. */
    private void shrink(Instant now) {
        entries.values().removeIf(entry -> forgotten(entry, now));
        int target = settings.capacity() - Math.max(1, settings.capacity() / 10);
        if (entries.size() > target) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().lastFailure,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .limit(entries.size() - target)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String pairKey(String username, String client) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_KEY_USERNAME) {
            name = name.substring(0, MAX_KEY_USERNAME);
        }
        return "pair:" + addressOf(client) + " " + name;
    }

    private static String addressKey(String client) {
        return "address:" + addressOf(client);
    }

    private static String addressOf(String client) {
        return client == null ? "?" : client.length() > 64 ? client.substring(0, 64) : client;
    }
}
