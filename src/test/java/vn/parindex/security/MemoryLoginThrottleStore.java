package vn.parindex.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The throttle's store in memory, for the unit tests of its rules: what {@link JdbcLoginThrottleStore} does in SQL
 * (forgotten counts start again at 1, the trims keep the latest by time then key, one write number per call), on
 * maps. {@code LoginThrottleStoreTest} runs the same rules on PostgreSQL.
 */
final class MemoryLoginThrottleStore implements LoginThrottleStore {

    private final Map<String, Failures> failures = new HashMap<>();
    private final Map<String, Instant> known = new HashMap<>();
    private long writes;

    @Override
    public synchronized Stored read(Collection<String> keys, String knownKey, Instant forgottenBefore) {
        Map<String, Failures> found = new HashMap<>();
        for (String key : keys) {
            Failures stored = failures.get(key);
            if (stored != null && !stored.last().isBefore(forgottenBefore)) {
                found.put(key, stored);
            }
        }
        return new Stored(Map.copyOf(found), known.containsKey(knownKey));
    }

    @Override
    public synchronized Written fail(Collection<String> keys, Instant now, Instant forgottenBefore) {
        Map<String, Failures> counted = new HashMap<>();
        for (String key : keys) {
            Failures stored = failures.get(key);
            Failures next = stored == null || stored.last().isBefore(forgottenBefore) ? new Failures(1, now)
                    : new Failures(Math.min(stored.count(), Integer.MAX_VALUE - 1) + 1,
                            stored.last().isAfter(now) ? stored.last() : now);
            failures.put(key, next);
            counted.put(key, next);
        }
        return new Written(Map.copyOf(counted), ++writes);
    }

    @Override
    public synchronized Written succeed(String pairKey, String knownKey, Instant now) {
        failures.remove(pairKey);
        known.merge(knownKey, now, (before, after) -> before.isAfter(after) ? before : after);
        return new Written(Map.of(), ++writes);
    }

    @Override
    public synchronized void forget(Instant forgottenBefore) {
        failures.values().removeIf(stored -> stored.last().isBefore(forgottenBefore));
    }

    @Override
    public synchronized void trim(Instant forgottenBefore, int keepFailures, int keepKnown) {
        forget(forgottenBefore);
        keepLatest(failures, keepFailures, Failures::last);
        keepLatest(known, keepKnown, time -> time);
    }

    private static <V> void keepLatest(Map<String, V> rows, int keep, java.util.function.Function<V, Instant> time) {
        List<String> beyond = rows.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, V> row) -> time.apply(row.getValue()))
                        .thenComparing(Map.Entry::getKey).reversed())
                .skip(keep)
                .map(Map.Entry::getKey)
                .toList();
        beyond.forEach(rows::remove);
    }

    @Override
    public synchronized int size() {
        return failures.size();
    }

    @Override
    public synchronized int knownSize() {
        return known.size();
    }
}
