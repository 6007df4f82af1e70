package vn.parindex.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.parindex.security.LoginThrottleStore.Failures;
import vn.parindex.security.LoginThrottleStore.Stored;
import vn.parindex.security.LoginThrottleStore.Written;

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
 * before (remembered, at most {@code capacity / 10}, the least recently seen forgotten first) are exempt, so its
 * regular users are not stopped.</li>
 * <li>A success clears only its own (account, address) pair, never the address's count nor another client's.</li>
 * <li>Counts are forgotten {@code forgetAfter} after the last failure (and deleted soon after); at most
 * {@code capacity} counts are kept (beyond it the longest quiet ones are forgotten first).</li>
 * </ul>
 *
 * <p><b>Where.</b> The failures and the known sign-ins are in PostgreSQL ({@link JdbcLoginThrottleStore}, V24),
 * shared by every instance of the application on that database: behind a proxy spreading requests over several
 * instances, failures made through one delay the next attempt through any other, and a success through one clears
 * its pair for all. Attempts in progress stay in this instance's memory: they only matter for parallel requests, and a
 * crash must never leave a key blocked, which counts that vanish with the process guarantee. So parallel guesses
 * spread over n instances may have n times the free number checked at once, never more; finished failures count for
 * all. Times are this instance's clock, stored with each failure.
 *
 * <p><b>Cost.</b> A password check costs one read ({@link #acquire}: every key of the attempt in one statement) and one
 * write (its failure or success), plus now and then a cheap deletion of forgotten counts and, every so many writes of
 * all instances, a trim back under the capacity. {@link #delay}, asked on every request that brings a password (each
 * call of the API with HTTP Basic), uses what this instance read or wrote of these keys within the last
 * {@link #VIEW_FRESH} and reads again only when that is older: see there why that is safe.
 *
 * <p><b>Failures of the database.</b> A statement that fails throws (a {@code DataAccessException}): the caller
 * answers that sign-in is unavailable ({@link ThrottlingAuthenticationProvider}), never lets the attempt through
 * unthrottled. An attempt in progress ends whatever its outcome's write did.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /**
     * How long {@link #delay} trusts this instance's last reading (or writing) of a key. A reading that old can only
     * be wrong about failures made through other instances since, and only {@link #delay} uses it: every password
     * check is decided by {@link #acquire} on counts read then, which also refresh it. So the one request it could
     * let through while another instance delays its client is one that needs no password check: the right password,
     * verified on this instance minutes before ({@link RecentlyVerifiedPasswords}); and the first wrong guess
     * asked here ends that. Meanwhile, an API client sending its password with every request costs no statement.
     */
    static final Duration VIEW_FRESH = Duration.ofSeconds(5);

    /** How often, at most, a write here also deletes forgotten counts (when no trim did it). */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** Settings: free failures per pair, per address and per account, first delay, cap, forgetting time, capacity. */
    record Settings(int freePerPair, int freePerAddress, int freePerAccount, Duration firstDelay, Duration maxDelay,
            Duration forgetAfter, int capacity) {
    }

    /** The keys one attempt is counted by ({@link ThrottleKeys}). */
    record Keys(String pair, String address, String account, String known) {

        static Keys of(String username, String client) {
            return new Keys(ThrottleKeys.pairKey(username, client), ThrottleKeys.addressKey(client),
                    ThrottleKeys.accountKey(username), ThrottleKeys.knownKey(username, client));
        }

        List<String> counted() {
            return List.of(pair, address, account);
        }
    }

    /** Attempts in progress here on one key; on a pair's, how many of them also count for the account. */
    private static final class InFlight {
        int attempts;
        /** Of a pair's attempts, those that also count for the account (started from an unknown address). */
        int forAccount;
    }

    /** What this instance last read or wrote of a key (a count, null: none; or for a known key: whether), and when. */
    private record Seen(Failures failures, boolean known, Instant at) {
    }

    private final Map<String, InFlight> inFlight = new HashMap<>();
    /** Keyed by the throttle keys, and "known:" + the known keys. */
    private final Map<String, Seen> view = new HashMap<>();
    /** Changes with every change of the view, so that a reading made meanwhile does not overwrite a later one. */
    private long viewVersion;
    private Instant nextSweep = Instant.MIN;
    private final Settings settings;
    private final Clock clock;
    private final LoginThrottleStore store;

    @Autowired
    LoginThrottle(LoginProperties login, JdbcTemplate jdbc) {
        this(new Settings(login.freeFailures(), login.freeFailuresPerAddress(), login.freeFailuresPerAccount(),
                login.firstDelay(), login.maxDelay(), login.forgetAfter(), 100_000), Clock.systemUTC(),
                new JdbcLoginThrottleStore(jdbc));
    }

    LoginThrottle(Settings settings, Clock clock, LoginThrottleStore store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Asks to check a password now. Empty when allowed: the attempt then counts as a provisional failure until
     * {@link #failed}, {@link #succeeded} or {@link #released} (exactly one of them must follow); otherwise how long
     * to wait, in whole seconds, at least one. Decided on the counts read now, under this instance's lock, so that no
     * outcome of an attempt here is stored between the reading and the decision (a reading from before a failure
     * would let the next attempt start at once, without the failure's delay).
     */
    public synchronized Optional<Duration> acquire(String username, String client) {
        Instant now = now();
        Keys keys = Keys.of(username, client);
        Stored stored = store.read(keys.counted(), keys.known(), forgottenBefore(now));
        see(keys, stored, now);
        Optional<Duration> wait = wait(keys, stored, now);
        if (wait.isPresent()) {
            return wait;
        }
        start(keys.pair());
        start(keys.address());
        if (!stored.known()) {
            start(keys.account());
            inFlight.get(keys.pair()).forAccount++;
        }
        return Optional.empty();
    }

    /**
     * Whether this client must wait now (empty: no), without starting an attempt: asked before anything else, and for
     * logins answered without a password check ({@link RecentlyVerifiedPasswords}), which must not get past a delay
     * either. On this instance's view of the counts when fresh enough ({@link #VIEW_FRESH}), else read (without
     * holding the lock: a flood of refused attempts does not hold up the others).
     */
    public Optional<Duration> delay(String username, String client) {
        Instant now = now();
        Keys keys = Keys.of(username, client);
        long version;
        synchronized (this) {
            Stored seen = seen(keys, now);
            if (seen != null) {
                return wait(keys, seen, now);
            }
            version = viewVersion;
        }
        Stored stored = store.read(keys.counted(), keys.known(), forgottenBefore(now));
        synchronized (this) {
            if (viewVersion == version) {
                see(keys, stored, now);
            }
            return wait(keys, stored, now);
        }
    }

    /**
     * The right password, answered without a check (verified a moment ago): like {@link #succeeded} but ends no
     * attempt in progress, and writes nothing when this instance just saw the pair without failures and known (an
     * API client's every request).
     */
    public synchronized void remembered(String username, String client) {
        Instant now = now();
        Keys keys = Keys.of(username, client);
        Seen pair = fresh(keys.pair(), now);
        Seen known = fresh("known:" + keys.known(), now);
        if (pair != null && pair.failures() == null && known != null && known.known()) {
            return;
        }
        succeed(keys, now);
    }

    /** A wrong password (or an unknown account): counts for the pair, the address and (if unknown) the account. */
    public synchronized void failed(String username, String client) {
        Instant now = now();
        Keys keys = Keys.of(username, client);
        InFlight pair = inFlight.get(keys.pair());
        boolean started = pair != null && pair.attempts > 0;
        try {
            // a failure reported without acquire (a check made elsewhere) counts for the account if the address is
            // unknown; one that ends an attempt, as decided when it started (an address can become known meanwhile)
            boolean forAccount = started ? pair.forAccount > 0 : !known(keys, now);
            Written written = store.fail(forAccount ? keys.counted() : List.of(keys.pair(), keys.address()), now,
                    forgottenBefore(now));
            written.failures().forEach((key, failures) -> view(key, new Seen(failures, false, now)));
            housekeeping(written.number(), now);
        } finally {
            if (started) {
                endAttempt(keys);
            }
        }
    }

    /** The right password: forgets this pair's failures only, and remembers the address for this account. */
    public synchronized void succeeded(String username, String client) {
        Instant now = now();
        Keys keys = Keys.of(username, client);
        try {
            succeed(keys, now);
        } finally {
            endAttempt(keys);
        }
    }

    /** Neither right nor wrong (the database could not be asked, the server was busy…): frees the slot. */
    public synchronized void released(String username, String client) {
        endAttempt(Keys.of(username, client));
    }

    private void succeed(Keys keys, Instant now) {
        Written written = store.succeed(keys.pair(), keys.known(), now);
        view(keys.pair(), new Seen(null, false, now));
        view("known:" + keys.known(), new Seen(null, true, now));
        housekeeping(written.number(), now);
    }

    /** Whether the (account, address) pair signed in before: as seen here lately, else read. */
    private boolean known(Keys keys, Instant now) {
        Seen known = fresh("known:" + keys.known(), now);
        if (known != null) {
            return known.known();
        }
        Stored stored = store.read(keys.counted(), keys.known(), forgottenBefore(now));
        see(keys, stored, now);
        return stored.known();
    }

    /**
     * After a write numbered {@code number} among every instance's: every {@link #trimEvery} writes, back under the
     * capacity; otherwise, at most every {@link #SWEEP_EVERY}, the forgotten counts deleted. Neither is needed for
     * the sign-in itself: one that fails is logged and left to the next write.
     */
    private void housekeeping(long number, Instant now) {
        try {
            if (number % trimEvery() == 0) {
                int step = trimEvery();
                store.trim(forgottenBefore(now), Math.max(0, settings.capacity() - 3 * step),
                        Math.max(0, knownCapacity() - step));
                nextSweep = now.plus(SWEEP_EVERY);
            } else if (!now.isBefore(nextSweep)) {
                store.forget(forgottenBefore(now));
                nextSweep = now.plus(SWEEP_EVERY);
            }
        } catch (DataAccessException e) {
            log.warn("Login throttle: old counts not deleted this time: {}", e.toString());
        }
    }

    /**
     * Every how many writes (of every instance together) the tables are trimmed: a write adds at most three counts or
     * one known sign-in, so trimming to {@code 3 × trimEvery} under the capacity (and {@code trimEvery} under the
     * known ones') keeps them within it until the next trim.
     */
    int trimEvery() {
        return Math.max(1, settings.capacity() / 100);
    }

    private int knownCapacity() {
        return Math.max(1, settings.capacity() / 10);
    }

    /** Ends an attempt of this pair in progress (if there is one) on every key it was counted for. */
    private void endAttempt(Keys keys) {
        InFlight pair = inFlight.get(keys.pair());
        if (pair == null || pair.attempts == 0) {
            return;
        }
        // as decided when it started (an address can become known meanwhile)
        boolean forAccount = pair.forAccount > 0;
        if (forAccount) {
            pair.forAccount--;
        }
        end(keys.pair());
        end(keys.address());
        if (forAccount) {
            end(keys.account());
        }
    }

    /** The failures stored now for this (account, address) pair (read, not as seen here). */
    int failures(String username, String client) {
        return stored(ThrottleKeys.pairKey(username, client), username, client);
    }

    /** The account-wide failures stored now (read, not as seen here). */
    int accountFailures(String username) {
        return stored(ThrottleKeys.accountKey(username), username, null);
    }

    private int stored(String key, String username, String client) {
        Instant now = now();
        Failures failures = store.read(List.of(key), ThrottleKeys.knownKey(username, client), forgottenBefore(now))
                .failures().get(key);
        return failures == null ? 0 : failures.count();
    }

    /** How many pairs, addresses and accounts have failures stored now. */
    int size() {
        return store.size();
    }

    /** How many keys have attempts in progress here now. */
    synchronized int inProgress() {
        return inFlight.size();
    }

    /** How many (account, address) sign-ins are remembered now. */
    int knownAddresses() {
        return store.knownSize();
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

    /** How long this attempt must wait, from the stored counts and the attempts in progress here. */
    private Optional<Duration> wait(Keys keys, Stored stored, Instant now) {
        Instant until = later(later(
                allowedFrom(current(stored.failures().get(keys.pair()), now), attempts(keys.pair()),
                        settings.freePerPair(), now),
                allowedFrom(current(stored.failures().get(keys.address()), now), attempts(keys.address()),
                        settings.freePerAddress(), now)),
                stored.known() ? null : allowedFrom(current(stored.failures().get(keys.account()), now),
                        attempts(keys.account()), settings.freePerAccount(), now));
        if (until != null && until.isAfter(now)) {
            long millis = Duration.between(now, until).toMillis();
            return Optional.of(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
        }
        return Optional.empty();
    }

    /**
     * When the next attempt may start: attempts in progress count as failures, so with the free ones used up
     * (finished or not) and any attempt still in progress, the next one waits for it; with none in progress, the
     * delay after the last failure. Null: at once.
     */
    Instant allowedFrom(Failures stored, int inProgress, int free, Instant now) {
        int failures = stored == null ? 0 : stored.count();
        long provisional = (long) failures + inProgress;
        if (provisional < free) {
            return null;
        }
        if (inProgress > 0) {
            Duration wait = delayAfter((int) Math.min(provisional, Integer.MAX_VALUE), free);
            return now.plus(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        return stored == null ? null : stored.last().plus(delayAfter(failures, free));
    }

    /** The count, unless forgotten by now (a count seen a while ago may have been forgotten since). */
    private Failures current(Failures failures, Instant now) {
        return failures == null || failures.last().isBefore(forgottenBefore(now)) ? null : failures;
    }

    private Instant forgottenBefore(Instant now) {
        return now.minus(settings.forgetAfter());
    }

    /** What this instance saw of all the attempt's keys lately, or null when any is missing or too old. */
    private Stored seen(Keys keys, Instant now) {
        Seen known = fresh("known:" + keys.known(), now);
        Seen pair = fresh(keys.pair(), now);
        Seen address = fresh(keys.address(), now);
        Seen account = fresh(keys.account(), now);
        if (known == null || pair == null || address == null || (!known.known() && account == null)) {
            return null;
        }
        Map<String, Failures> failures = new HashMap<>();
        putIfAny(failures, keys.pair(), pair);
        putIfAny(failures, keys.address(), address);
        putIfAny(failures, keys.account(), account);
        return new Stored(failures, known.known());
    }

    private static void putIfAny(Map<String, Failures> failures, String key, Seen seen) {
        if (seen != null && seen.failures() != null) {
            failures.put(key, seen.failures());
        }
    }

    private Seen fresh(String key, Instant now) {
        Seen seen = view.get(key);
        return seen != null && isFresh(seen, now) ? seen : null;
    }

    private static boolean isFresh(Seen seen, Instant now) {
        return !now.isBefore(seen.at()) && now.isBefore(seen.at().plus(VIEW_FRESH));
    }

    /** Remembers what was just read of the attempt's keys. */
    private void see(Keys keys, Stored stored, Instant now) {
        for (String key : keys.counted()) {
            view(key, new Seen(stored.failures().get(key), false, now));
        }
        view("known:" + keys.known(), new Seen(null, stored.known(), now));
    }

    /** One key's view; past the capacity, the stale ones go, and if that is not enough, all of them. */
    private void view(String key, Seen seen) {
        view.put(key, seen);
        viewVersion++;
        if (view.size() > settings.capacity()) {
            view.values().removeIf(old -> !isFresh(old, seen.at()));
            if (view.size() > settings.capacity()) {
                view.clear();
            }
        }
    }

    private int attempts(String key) {
        InFlight entry = inFlight.get(key);
        return entry == null ? 0 : entry.attempts;
    }

    private void start(String key) {
        inFlight.computeIfAbsent(key, k -> new InFlight()).attempts++;
    }

    private void end(String key) {
        InFlight entry = inFlight.get(key);
        if (entry != null) {
            if (entry.attempts > 0) {
                entry.attempts--;
            }
            if (entry.attempts == 0) {
                inFlight.remove(key);
            }
        }
    }

    /** Now, to the microsecond PostgreSQL keeps: what is stored is what was computed with. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
