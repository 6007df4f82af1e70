package vn.parindex.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.system.BodyScope;

/**
 * The throttle's counts in PostgreSQL (V24: {@code runtime.login_failure}, {@code runtime.login_known_address}), one statement per
 * call. Every statement runs in every body's scope, as sign-in reads the accounts: row-level security shows these
 * rows to such connections only, and a pooled connection already set so (the account was just read) needs no new
 * setting.
 *
 * <p>Several rows are written in one statement in the keys' order, so two writers never wait for each other in
 * opposite orders; deletions skip the rows another statement holds ({@code skip locked}) and are done again later,
 * so they never wait at all.
 */
final class JdbcLoginThrottleStore implements LoginThrottleStore {

    static final String READ = """
            select key, failures, last_failure from runtime.login_failure where key = any (?::text[]) and last_failure >= ?
            union all
            select key, 0, last_seen from runtime.login_known_address where key = ?""";

    /** The count goes up, or starts again at 1 when forgotten; the write's number in the same statement. */
    static final String FAIL = """
            with tick as (select nextval('runtime.login_throttle_writes') as number),
            counted as (
                insert into runtime.login_failure as f (key, failures, last_failure)
                select k, 1, ? from unnest(?::text[]) as k
                on conflict (key) do update set
                    failures = case when f.last_failure < ? then 1 else least(f.failures, 2147483646) + 1 end,
                    last_failure = greatest(f.last_failure, excluded.last_failure)
                returning f.key, f.failures, f.last_failure)
            select counted.key, counted.failures, counted.last_failure, tick.number from counted, tick""";

    static final String SUCCEED = """
            with tick as (select nextval('runtime.login_throttle_writes') as number),
            cleared as (delete from runtime.login_failure where key = ?),
            known as (
                insert into runtime.login_known_address as k (key, last_seen) values (?, ?)
                on conflict (key) do update set last_seen = greatest(k.last_seen, excluded.last_seen))
            select number from tick""";

    /** A cheap sweep: the forgotten counts through the index on the time, a bounded number at a time. */
    static final String FORGET = """
            delete from runtime.login_failure where key in (
                select key from runtime.login_failure where last_failure < ?
                order by last_failure limit 1000 for update skip locked)""";

    /**
     * Back under the capacity: the forgotten counts and all but the {@code keep} latest (by time, then key: exactly
     * that many stay whatever the ties), and the same for the known sign-ins.
     */
    static final String TRIM = """
            with failures as (
                delete from runtime.login_failure where key in (
                    select key from runtime.login_failure
                    where last_failure < ? or (last_failure, key) <= (select last_failure, key from runtime.login_failure
                        order by last_failure desc, key desc offset ? limit 1)
                    for update skip locked)),
            known as (
                delete from runtime.login_known_address where key in (
                    select key from runtime.login_known_address
                    where (last_seen, key) <= (select last_seen, key from runtime.login_known_address
                        order by last_seen desc, key desc offset ? limit 1)
                    for update skip locked))
            select 1""";

    private final JdbcTemplate jdbc;

    JdbcLoginThrottleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Stored read(Collection<String> keys, String knownKey, Instant forgottenBefore) {
        return BodyScope.callAll(() -> {
            Map<String, Failures> failures = new HashMap<>();
            boolean[] known = {false};
            jdbc.query(READ, row -> {
                int count = row.getInt(2);
                if (count == 0) {
                    known[0] = true;
                } else {
                    failures.put(row.getString(1), new Failures(count, instant(row.getObject(3,
                            OffsetDateTime.class))));
                }
            }, sorted(keys), time(forgottenBefore), knownKey);
            return new Stored(Map.copyOf(failures), known[0]);
        });
    }

    @Override
    public Written fail(Collection<String> keys, Instant now, Instant forgottenBefore) {
        return BodyScope.callAll(() -> {
            Map<String, Failures> failures = new HashMap<>();
            long[] number = {0};
            jdbc.query(FAIL, row -> {
                failures.put(row.getString(1), new Failures(row.getInt(2), instant(row.getObject(3,
                        OffsetDateTime.class))));
                number[0] = row.getLong(4);
            }, time(now), sorted(keys), time(forgottenBefore));
            return new Written(Map.copyOf(failures), number[0]);
        });
    }

    @Override
    public Written succeed(String pairKey, String knownKey, Instant now) {
        Long number = BodyScope.callAll(() -> jdbc.queryForObject(SUCCEED, Long.class, pairKey, knownKey, time(now)));
        return new Written(Map.of(), number == null ? 0 : number);
    }

    @Override
    public void forget(Instant forgottenBefore) {
        BodyScope.callAll(() -> jdbc.update(FORGET, time(forgottenBefore)));
    }

    @Override
    public void trim(Instant forgottenBefore, int keepFailures, int keepKnown) {
        BodyScope.callAll(() -> jdbc.queryForObject(TRIM, Integer.class, time(forgottenBefore), keepFailures,
                keepKnown));
    }

    @Override
    public int size() {
        return count("runtime.login_failure");
    }

    @Override
    public int knownSize() {
        return count("runtime.login_known_address");
    }

    private int count(String table) {
        Integer rows = BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from " + table, Integer.class));
        return rows == null ? 0 : rows;
    }

    /** Keys in one order for every writer (see the class comment). */
    private static String[] sorted(Collection<String> keys) {
        return keys.stream().sorted().distinct().toArray(String[]::new);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
