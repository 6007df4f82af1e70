package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.StatementCounter;
import vn.parindex.system.BodyScope;

/**
 * The throttle's counts in PostgreSQL, shared by the application's instances: two {@link LoginThrottle}s on one
 * database (two instances behind a proxy), on one clock the test moves by hand. On a database of its own: the tests
 * empty and trim the throttle's tables.
 */
@IntegrationTest
@TestPropertySource(properties = "parindex.test.database=throttle")
@Import(StatementCounter.class)
class LoginThrottleStoreTest {

    /**
     * 3 free failures per pair, 6 per address, 10 per account from unknown addresses, then 1 s, 2 s, 4 s… up to
     * 60 s; forgotten after 10 minutes; at most 200 counts and 20 known sign-ins.
     */
    static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(3, 6, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofMinutes(10), 200);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    LoginThrottle one;
    LoginThrottle other;

    @BeforeEach
    void twoInstancesOnAnEmptyTable() {
        BodyScope.callAll(() -> jdbc.update("delete from runtime.login_failure")
                + jdbc.update("delete from runtime.login_known_address"));
        one = new LoginThrottle(SETTINGS, clock, new JdbcLoginThrottleStore(jdbc));
        other = new LoginThrottle(SETTINGS, clock, new JdbcLoginThrottleStore(jdbc));
    }

    /** One attempt that fails; returns the wait if it was refused without a check. */
    private static Optional<Duration> failOnce(LoginThrottle throttle, String user, String client) {
        Optional<Duration> wait = throttle.acquire(user, client);
        if (wait.isEmpty()) {
            throttle.failed(user, client);
        }
        return wait;
    }

    private long rows(String table) {
        return BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private List<String> keys() {
        return BodyScope.callAll(() -> jdbc.queryForList("select key from runtime.login_failure order by key", String.class));
    }

    @Test
    void failuresThroughOneInstanceDelayTheNextAttemptThroughTheOther() {
        for (int i = 0; i < 3; i++) {
            assertThat(failOnce(one, "tuphap", "10.0.0.1")).as("free failure %d", i + 1).isEmpty();
        }
        assertThat(other.acquire("tuphap", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(other.delay("TuPhap ", "10.0.0.1")).as("asked before anything else too").contains(
                Duration.ofSeconds(1));
        assertThat(other.failures("tuphap", "10.0.0.1")).isEqualTo(3);

        clock.advance(Duration.ofSeconds(1));
        assertThat(failOnce(other, "tuphap", "10.0.0.1")).as("once the delay is over, through either").isEmpty();
        assertThat(one.acquire("tuphap", "10.0.0.1")).as("the failure through the other counts here")
                .contains(Duration.ofSeconds(2));
        assertThat(one.failures("tuphap", "10.0.0.1")).isEqualTo(4);
        assertThat(keys()).as("one row per key, whichever instance counted")
                .containsExactly("account:tuphap", "address:10.0.0.1", "pair:10.0.0.1 tuphap");

        // many accounts from one address, the failures spread over both instances: the address is delayed on both
        for (int i = 0; i < 6; i++) {
            assertThat(failOnce(i % 2 == 0 ? one : other, "user" + i, "10.7.7.7")).isEmpty();
        }
        assertThat(one.acquire("someone-else", "10.7.7.7")).contains(Duration.ofSeconds(1));
        assertThat(other.acquire("someone-else", "10.7.7.7")).contains(Duration.ofSeconds(1));
        assertThat(other.acquire("someone-else", "10.7.7.8")).as("another address").isEmpty();
        other.released("someone-else", "10.7.7.8");
    }

    @Test
    void aSuccessThroughOneInstanceClearsThePairForTheOtherAndMakesTheAddressKnownToBoth() {
        for (int i = 0; i < 3; i++) {
            failOnce(one, "noivu", "10.0.0.2");
        }
        failOnce(one, "noivu", "10.0.0.66"); // another client's failure on the account
        assertThat(other.acquire("noivu", "10.0.0.2")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(one.acquire("noivu", "10.0.0.2")).isEmpty();
        one.succeeded("noivu", "10.0.0.2");
        assertThat(other.failures("noivu", "10.0.0.2")).isZero();
        assertThat(other.failures("noivu", "10.0.0.66")).as("only its own pair").isEqualTo(1);
        assertThat(other.accountFailures("noivu")).as("nor the account's").isEqualTo(4);
        assertThat(other.acquire("noivu", "10.0.0.2")).isEmpty();
        other.released("noivu", "10.0.0.2");

        // an attacker spread over many addresses, through the other instance: slowed on the account, but the address
        // that signed in through the first is known there too
        for (int i = 0; i < 6; i++) {
            assertThat(failOnce(other, "noivu", "198.51.100." + i)).isEmpty();
        }
        assertThat(other.accountFailures("noivu")).isEqualTo(10);
        assertThat(other.acquire("noivu", "198.51.100.200")).contains(Duration.ofSeconds(1));
        assertThat(one.acquire("noivu", "198.51.100.201")).contains(Duration.ofSeconds(1));
        assertThat(other.acquire("noivu", "10.0.0.2")).as("the known address").isEmpty();
        other.succeeded("noivu", "10.0.0.2");
        assertThat(rows("runtime.login_known_address")).isOne();
    }

    @Test
    void forgottenCountsAreFreeAgainStartAgainAtOneAndAreDeleted() {
        for (int i = 0; i < 3; i++) {
            failOnce(one, "vhtt", "10.0.0.3");
        }
        assertThat(other.acquire("vhtt", "10.0.0.3")).isPresent();
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        assertThat(other.acquire("vhtt", "10.0.0.3")).as("forgotten: free again").isEmpty();
        other.failed("vhtt", "10.0.0.3");
        assertThat(one.failures("vhtt", "10.0.0.3")).as("counted again from 1").isEqualTo(1);
        assertThat(rows("runtime.login_failure")).isEqualTo(3);

        // another client's failure a quarter of an hour later: its write deletes the counts forgotten meanwhile
        clock.advance(Duration.ofMinutes(15));
        failOnce(one, "tckh", "10.0.0.4");
        assertThat(keys()).containsExactly("account:tckh", "address:10.0.0.4", "pair:10.0.0.4 tckh");
    }

    @Test
    void atMostCapacityCountsAndATenthOfItKnownTheLatestKept() {
        for (int i = 0; i < 300; i++) {
            // three new keys for each failure: a new pair, a new address, a new account
            (i % 2 == 0 ? one : other).failed("user" + i, "10.1." + (i / 256) + "." + (i % 256));
            clock.advance(Duration.ofMillis(1));
            assertThat(rows("runtime.login_failure")).as("after failure %d", i).isLessThanOrEqualTo(200);
        }
        assertThat(rows("runtime.login_failure")).isGreaterThan(180);
        assertThat(one.failures("user299", "10.1.1.43")).as("the latest kept").isEqualTo(1);
        assertThat(one.failures("user0", "10.1.0.0")).as("the quietest gone").isZero();

        for (int i = 0; i < 50; i++) {
            LoginThrottle throttle = i % 2 == 0 ? one : other;
            String client = "10.2.0." + i;
            assertThat(throttle.acquire("user", client)).isEmpty();
            throttle.succeeded("user", client);
            clock.advance(Duration.ofMillis(1));
            assertThat(rows("runtime.login_known_address")).as("after sign-in %d", i).isLessThanOrEqualTo(20);
        }
        for (int i = 0; i < 10; i++) {
            one.failed("user", "198.51.100." + i);
        }
        assertThat(other.acquire("user", "198.51.100.99")).as("a new address: slowed on the account").isPresent();
        assertThat(other.acquire("user", "10.2.0.49")).as("the latest sign-in is still known").isEmpty();
        assertThat(other.acquire("user", "10.2.0.0")).as("the first one no longer").isPresent();
    }

    @Test
    void rowsOfTheThrottleAreSeenBySignInOnlyNeverByABodysConnection() {
        failOnce(one, "tuphap", "10.0.0.5");
        one.succeeded("tuphap", "10.0.0.6");
        assertThat(rows("runtime.login_failure")).isEqualTo(3);
        assertThat(BodyScope.call(1L, () -> jdbc.queryForObject("select count(*) from runtime.login_failure", Long.class)))
                .isZero();
        assertThat(BodyScope.call(1L, () -> jdbc.queryForObject("select count(*) from runtime.login_known_address",
                Long.class))).isZero();
    }

    private long throttleStatements() {
        return statements.sql().stream().filter(sql -> sql.contains("login_")).count();
    }

    @Test
    void eachCallCostsOneOrTwoStatementsAndAClientSendingItsPasswordAgainNone() {
        statements.reset();
        assertThat(one.delay("tuphap", "10.0.0.7")).isEmpty();
        assertThat(throttleStatements()).as("every key in one read: %s", statements.sql()).isOne();
        statements.reset();
        assertThat(one.acquire("tuphap", "10.0.0.7")).isEmpty();
        assertThat(throttleStatements()).as("an attempt reads afresh").isOne();
        statements.reset();
        one.failed("tuphap", "10.0.0.7");
        assertThat(throttleStatements()).as("its failure (and maybe old counts deleted): %s", statements.sql())
                .isBetween(1L, 2L);
        statements.reset();
        assertThat(one.acquire("tuphap", "10.0.0.7")).isEmpty();
        one.succeeded("tuphap", "10.0.0.7");
        assertThat(throttleStatements()).isBetween(2L, 3L);

        // an API client sending its password with every request, answered from the memory of verified passwords
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            statements.reset();
            assertThat(one.delay("tuphap", "10.0.0.7")).isEmpty();
            one.remembered("tuphap", "10.0.0.7");
            assertThat(throttleStatements()).as("request %d: seen lately, clean and known", i).isZero();
        }
        clock.advance(LoginThrottle.VIEW_FRESH);
        statements.reset();
        assertThat(one.delay("tuphap", "10.0.0.7")).isEmpty();
        one.remembered("tuphap", "10.0.0.7");
        assertThat(throttleStatements()).as("read again once the view is old").isOne();
    }
}
