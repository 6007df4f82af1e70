package vn.parindex.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out. Failed logins are counted per client address, per
 * (account, client address) pair and per account. A few failures are free; after that, each further attempt is
 * allowed only once a delay has passed since the last failure, a delay that doubles with every failure up to a cap.
 * While delayed, attempts are refused without looking at the password.
 *
 * <ul>
 * <li>Attempts in progress count as (provisional) failures until they end: at most the free number of attempts can
 * be checked at once per key, so parallel guesses cannot all slip through; past the free ones, one at a time.</li>
 * <li>IPv6 clients are counted by their /64 prefix (one household or office network), IPv4 clients by address.</li>
 * <li>Per account, failures from addresses that never signed in to it successfully count towards an account-wide
 * slowdown: an attacker spread over many addresses is slowed on that account, while addresses that signed in to it
 * before (remembered in memory, at most {@code capacity / 10}) are exempt, so its regular users are not stopped.</li>
 * <li>A success clears only its own (account, address) pair, never the address's count nor another client's.</li>
 * <li>Counts are forgotten {@code forgetAfter} after the last failure; at most {@code capacity} entries are kept
 * (beyond it the longest quiet ones are forgotten first).</li>
 * </ul>
 * Kept in memory (one application instance).
 */
@Component
public class LoginThrottle {

    /** Settings: free failures per pair, per address and per account, first delay, cap, forgetting time, capacity. */
    record Settings(int freePerPair, int freePerAddress, int freePerAccount, Duration firstDelay, Duration maxDelay,
            Duration forgetAfter, int capacity) {
    }

    private static final class Entry {
        int failures;
        int inFlight;
        /** Of a pair's attempts in progress, those that also count for the account (started from an unknown address). */
        int accountInFlight;
        Instant lastFailure;
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** "account address" of successful sign-ins, least recently used first. */
    private final LinkedHashMap<String, Boolean> knownAddresses = new LinkedHashMap<>(16, 0.75f, true);
    private final Settings settings;
    private final Clock clock;

    @Autowired
    LoginThrottle(LoginProperties login) {
        this(new Settings(login.freeFailures(), login.freeFailuresPerAddress(), login.freeFailuresPerAccount(),
                login.firstDelay(), login.maxDelay(), login.forgetAfter(), 100_000), Clock.systemUTC());
    }

    LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks to check a password now. Empty when allowed: the attempt then counts as a provisional failure until
     * {@link #failed}, {@link #succeeded} or {@link #released} (exactly one of them must follow); otherwise how long
     * to wait, in whole seconds, at least one.
     */
    public synchronized Optional<Duration> acquire(String username, String client) {
        Optional<Duration> wait = delay(username, client);
        if (wait.isPresent()) {
            return wait;
        }
        Instant now = clock.instant();
        String pairKey = ThrottleKeys.pairKey(username, client);
        String addressKey = ThrottleKeys.addressKey(client);
        String accountKey = accountWide(username, client) ? ThrottleKeys.accountKey(username) : null;
        start(pairKey);
        start(addressKey);
        if (accountKey != null) {
            start(accountKey);
            entries.get(pairKey).accountInFlight++;
        }
        if (entries.size() > settings.capacity()) {
            shrink(now);
        }
        return Optional.empty();
    }

    /**
     * Whether this client must wait now (empty: no), without starting an attempt: for logins answered without a
     * password check ({@link RecentlyVerifiedPasswords}), which must not get past a delay either.
     */
    public synchronized Optional<Duration> delay(String username, String client) {
        Instant now = clock.instant();
        String accountKey = accountWide(username, client) ? ThrottleKeys.accountKey(username) : null;
        Instant until = later(later(allowedFrom(current(ThrottleKeys.pairKey(username, client), now), settings.freePerPair(), now),
                allowedFrom(current(ThrottleKeys.addressKey(client), now), settings.freePerAddress(), now)),
                accountKey == null ? null : allowedFrom(current(accountKey, now), settings.freePerAccount(), now));
        if (until != null && until.isAfter(now)) {
            long millis = Duration.between(now, until).toMillis();
            return Optional.of(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
        }
        return Optional.empty();
    }

    /**
     * The right password, answered without a check (verified a moment ago): like {@link #succeeded} but ends no
     * attempt in progress.
     */
    public synchronized void remembered(String username, String client) {
        Entry pair = entries.get(ThrottleKeys.pairKey(username, client));
        if (pair != null) {
            pair.failures = 0;
            pair.lastFailure = null;
            if (pair.inFlight == 0) {
                entries.remove(ThrottleKeys.pairKey(username, client));
            }
        }
        know(username, client);
    }

    /** A wrong password (or an unknown account): counts for the pair, the address and (if unknown there) the account. */
    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        String pairKey = ThrottleKeys.pairKey(username, client);
        Entry pair = entries.get(pairKey);
        boolean started = pair != null && pair.inFlight > 0;
        // a failure reported without acquire (a check made elsewhere) counts for the account if the address is unknown
        boolean forAccount = started ? endsAccountAttempt(pairKey, username, client) : accountWide(username, client);
        count(pairKey, now, started);
        count(ThrottleKeys.addressKey(client), now, started);
        if (forAccount) {
            count(ThrottleKeys.accountKey(username), now, started);
        }
        if (entries.size() > settings.capacity()) {
            shrink(now);
        }
    }

    /** The right password: forgets this pair's failures only, and remembers the address for this account. */
    public synchronized void succeeded(String username, String client) {
        String pairKey = ThrottleKeys.pairKey(username, client);
        Entry pair = entries.get(pairKey);
        if (pair != null) {
            pair.failures = 0;
            pair.lastFailure = null;
        }
        endAttempt(pairKey, username, client);
        know(username, client);
    }

    private void know(String username, String client) {
        knownAddresses.put(ThrottleKeys.knownKey(username, client), Boolean.TRUE);
        int knownCapacity = Math.max(1, settings.capacity() / 10);
        while (knownAddresses.size() > knownCapacity) {
            knownAddresses.remove(knownAddresses.keySet().iterator().next());
        }
    }

    /** Neither right nor wrong (the database could not be asked, the server was busy…): frees the slot. */
    public synchronized void released(String username, String client) {
        endAttempt(ThrottleKeys.pairKey(username, client), username, client);
    }

    /** Ends an attempt of this pair in progress (if there is one) on every key it was counted for. */
    private void endAttempt(String pairKey, String username, String client) {
        Entry pair = entries.get(pairKey);
        if (pair == null || pair.inFlight == 0) {
            if (pair != null && pair.failures == 0) {
                entries.remove(pairKey);
            }
            return;
        }
        boolean forAccount = endsAccountAttempt(pairKey, username, client);
        end(pairKey);
        end(ThrottleKeys.addressKey(client));
        if (forAccount) {
            end(ThrottleKeys.accountKey(username));
        }
    }

    /** The failures remembered for this (account, address) pair now. */
    synchronized int failures(String username, String client) {
        Entry entry = current(ThrottleKeys.pairKey(username, client), clock.instant());
        return entry == null ? 0 : entry.failures;
    }

    /** The account-wide failures remembered now. */
    synchronized int accountFailures(String username) {
        Entry entry = current(ThrottleKeys.accountKey(username), clock.instant());
        return entry == null ? 0 : entry.failures;
    }

    /** How many pairs, addresses and accounts are remembered now. */
    synchronized int size() {
        return entries.size();
    }

    /** How many (account, address) sign-ins are remembered now. */
    synchronized int knownAddresses() {
        return knownAddresses.size();
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

    private boolean accountWide(String username, String client) {
        return !knownAddresses.containsKey(ThrottleKeys.knownKey(username, client));
    }

    /**
     * Whether the attempt that ends now counted for the account: as decided when it started (an address can become
     * known meanwhile). False when no attempt of this pair is in progress.
     */
    private boolean endsAccountAttempt(String pairKey, String username, String client) {
        Entry pair = entries.get(pairKey);
        if (pair == null || pair.inFlight == 0) {
            return false;
        }
        if (pair.accountInFlight > 0) {
            pair.accountInFlight--;
            return true;
        }
        return false;
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
        return entry.inFlight == 0
                && (entry.lastFailure == null || entry.lastFailure.plus(settings.forgetAfter()).isBefore(now));
    }

    /**
     * When the next attempt may start: attempts in progress count as failures, so with the free ones used up
     * (finished or not) and any attempt still in progress, the next one waits for it; with none in progress, the
     * delay after the last failure.
     */
    private Instant allowedFrom(Entry entry, int free, Instant now) {
        if (entry == null) {
            return null;
        }
        int provisional = entry.failures + entry.inFlight;
        if (provisional < free) {
            return null;
        }
        if (entry.inFlight > 0) {
            Duration wait = delayAfter(provisional, free);
            return now.plus(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        return entry.lastFailure == null ? null : entry.lastFailure.plus(delayAfter(entry.failures, free));
    }

    private void start(String key) {
        entries.computeIfAbsent(key, k -> new Entry()).inFlight++;
    }

    private void end(String key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            if (entry.inFlight > 0) {
                entry.inFlight--;
            }
            if (entry.inFlight == 0 && entry.failures == 0) {
                entries.remove(key);
            }
        }
    }

    private void count(String key, Instant now, boolean endsAttempt) {
        Entry entry = current(key, now);
        if (entry == null) {
            entry = new Entry();
            entries.put(key, entry);
        }
        if (endsAttempt && entry.inFlight > 0) {
            entry.inFlight--;
        }
        entry.failures = entry.failures == Integer.MAX_VALUE ? entry.failures : entry.failures + 1;
        entry.lastFailure = now;
    }

    /** Forgets what is forgotten anyway, then the quietest entries until a tenth of the room is free again. */
    private void shrink(Instant now) {
        entries.values().removeIf(entry -> forgotten(entry, now));
        int target = settings.capacity() - Math.max(1, settings.capacity() / 10);
        if (entries.size() > target) {
            entries.entrySet().stream()
                    .filter(e -> e.getValue().inFlight == 0)
                    .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().lastFailure,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .limit(Math.max(0, entries.size() - target))
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

}
