package vn.parindex.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Where {@link LoginThrottle} keeps its counts: the failures per key and the known (account, address) sign-ins,
 * shared by every instance of the application ({@link JdbcLoginThrottleStore}). The rules (delays, what counts for
 * what, when to trim) are the throttle's; a store only keeps, counts and forgets. Each method is one statement, so
 * that a sign-in stays cheap; a store that cannot be reached throws (a {@code DataAccessException}), never answers
 * as if nothing were stored.
 */
interface LoginThrottleStore {

    /** A key's failures not forgotten: how many, and when the last one was. */
    record Failures(int count, Instant last) {
    }

    /** What is stored of one attempt's keys: the failures of those that have any, and whether the pair is known. */
    record Stored(Map<String, Failures> failures, boolean known) {
    }

    /**
     * A write: the counts it left ({@link #fail}; none for {@link #succeed}) and its number among the writes of
     * every instance, which tells the throttle when to {@link #trim}.
     */
    record Written(Map<String, Failures> failures, long number) {
    }

    /** The failures of {@code keys} whose last failure is not before {@code forgottenBefore}, and whether known. */
    Stored read(Collection<String> keys, String knownKey, Instant forgottenBefore);

    /**
     * One more failure for each key, at {@code now}; a count whose last failure is before {@code forgottenBefore}
     * starts again at 1.
     */
    Written fail(Collection<String> keys, Instant now, Instant forgottenBefore);

    /** A success: forgets the pair's failures and remembers the (account, address) as known, seen {@code now}. */
    Written succeed(String pairKey, String knownKey, Instant now);

    /** Deletes the counts whose last failure is before {@code forgottenBefore}. */
    void forget(Instant forgottenBefore);

    /**
     * Deletes the forgotten counts, then the quietest ones beyond {@code keepFailures}, and the least recently seen
     * known sign-ins beyond {@code keepKnown}.
     */
    void trim(Instant forgottenBefore, int keepFailures, int keepKnown);

    /** How many keys have a count stored (forgotten or not, until deleted). */
    int size();

    /** How many known sign-ins are stored. */
    int knownSize();
}
