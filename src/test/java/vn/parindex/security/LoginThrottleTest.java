package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The throttling rules, on a clock the test moves by hand. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final ManualClock clock = new ManualClock();
    /**
     * 3 free failures per pair, 6 per address, 10 per account from unknown addresses, then 1 s, 2 s, 4 s… up to
     * 60 s; forgotten after 10 minutes.
     */
    private final MemoryLoginThrottleStore store = new MemoryLoginThrottleStore();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 6, 10,
            Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10), 1_000), clock, store);

    /** One attempt that fails; returns the wait if it was refused without a check. */
    private Optional<Duration> failOnce(String user, String client) {
        Optional<Duration> wait = throttle.acquire(user, client);
        if (wait.isEmpty()) {
            throttle.failed(user, client);
        }
        return wait;
    }

    @Test
    void aFewFailuresAreFreeThenEachAttemptWaitsADelayThatDoublesUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(failOnce("tuphap", "10.0.0.1")).as("free failure %d", i + 1).isEmpty();
        }
        assertThat(throttle.acquire("tuphap", "10.0.0.1")).contains(Duration.ofSeconds(1));
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            Duration wait = throttle.acquire("TuPhap ", "10.0.0.1").orElseThrow();
            assertThat(wait).as("same account, any spelling").isEqualTo(Duration.ofSeconds(seconds));
            clock.advance(wait.minusMillis(1));
            assertThat(throttle.acquire("tuphap", "10.0.0.1")).as("still delayed just before").isPresent();
            clock.advance(Duration.ofMillis(1));
            assertThat(failOnce("tuphap", "10.0.0.1")).as("allowed once the delay is over").isEmpty();
        }
    }

    @Test
    void whileDelayedAttemptsAreRefusedAndDoNotCount() {
        for (int i = 0; i < 4; i++) {
            failOnce("tuphap", "10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.acquire("tuphap", "10.0.0.1")).contains(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            assertThat(failOnce("tuphap", "10.0.0.1")).isPresent();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.acquire("tuphap", "10.0.0.1")).as("the refused ones made it no longer").isEmpty();
    }

    @Test
    void anAllowedAttemptReservesItsSlotSoParallelAttemptsCannotAllSlipThrough() {
        for (int i = 0; i < 3; i++) {
            failOnce("noivu", "10.0.0.9");
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.acquire("noivu", "10.0.0.9")).isEmpty();
        assertThat(throttle.acquire("noivu", "10.0.0.9")).as("a second one in parallel").isPresent();
        throttle.released("noivu", "10.0.0.9");
        assertThat(throttle.acquire("noivu", "10.0.0.9")).as("freed when the check was not made").isEmpty();
    }

    @Test
    void theRightPasswordFromAnAddressThatSignedInBeforeIsNeverStopped() {
        assertThat(throttle.acquire("noivu", "10.0.0.2")).isEmpty();
        throttle.succeeded("noivu", "10.0.0.2"); // the administrator at the office, yesterday
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(failOnce("noivu", "203.0.113.66")).isEmpty();
        }
        assertThat(throttle.acquire("noivu", "203.0.113.66")).isPresent();
        assertThat(throttle.acquire("noivu", "10.0.0.2")).as("the administrator at the office").isEmpty();
        throttle.succeeded("noivu", "10.0.0.2");
        assertThat(throttle.acquire("noivu", "203.0.113.66")).as("and the attacker is still delayed").isPresent();
    }

    @Test
    void aSuccessClearsOnlyItsOwnPairNeverTheAddressNorAnotherClient() {
        // an attacker and a working integration share the account; they do not share an address
        for (int i = 0; i < 3; i++) {
            failOnce("api", "198.51.100.7");
        }
        assertThat(throttle.acquire("api", "10.0.0.5")).isEmpty();
        throttle.succeeded("api", "10.0.0.5");
        assertThat(throttle.acquire("api", "198.51.100.7")).as("not cleared by the integration").isPresent();

        // at one address, failures on several accounts: a success on one clears that pair only
        for (String user : new String[] {"a", "b", "a", "b", "a", "b"}) {
            failOnce(user, "10.9.9.9");
        }
        assertThat(throttle.acquire("c", "10.9.9.9")).as("the address itself is delayed").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.acquire("a", "10.9.9.9")).isEmpty();
        throttle.succeeded("a", "10.9.9.9");
        assertThat(throttle.acquire("c", "10.9.9.9")).as("the address count stays").isEmpty();
        throttle.failed("c", "10.9.9.9");
        assertThat(throttle.acquire("c", "10.9.9.9")).as("and grows").contains(Duration.ofSeconds(2));
    }

    @Test
    void manyAccountsFromOneAddressAreDelayedAsOne() {
        for (int i = 0; i < 6; i++) {
            assertThat(failOnce("user" + i, "10.7.7.7")).isEmpty();
        }
        assertThat(throttle.acquire("someone-else", "10.7.7.7")).contains(Duration.ofSeconds(1));
        assertThat(throttle.acquire("someone-else", "10.7.7.8")).as("another address").isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 3; i++) {
            failOnce("vhtt", "10.0.0.3");
        }
        assertThat(throttle.acquire("vhtt", "10.0.0.3")).isPresent();
        clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < 3; i++) {
            assertThat(failOnce("vhtt", "10.0.0.3")).as("free again").isEmpty();
        }
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < 5_000; i++) {
            throttle.failed("user", "10.1." + (i / 256) + "." + (i % 256));
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(1_001);
        throttle.failed("x".repeat(100_000), "y".repeat(100_000));
        assertThat(throttle.size()).isLessThanOrEqualTo(1_001);
        // the most recent offenders are the ones remembered
        for (int i = 0; i < 2; i++) {
            throttle.failed("user", "10.1.19.135");
        }
        assertThat(throttle.acquire("user", "10.1.19.135")).isPresent();
    }

    @Test
    void theDelayNeverOverflows() {
        assertThat(throttle.delayAfter(Integer.MAX_VALUE, 3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.delayAfter(3 + 40, 3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.delayAfter(2, 3)).isZero();
    }

    /** Runs {@code attempts} acquires for one account and address at once; returns how many were allowed. */
    private int parallelAcquires(int attempts, String user, String client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return throttle.acquire(user, client).isEmpty();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get() ? 1 : 0;
            }
            return allowed;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void attemptsInProgressCountAsFailuresSoParallelGuessesCannotAllBeChecked() throws Exception {
        assertThat(parallelAcquires(200, "noivu", "10.0.0.9")).as("the free ones only").isEqualTo(3);
        assertThat(throttle.acquire("noivu", "10.0.0.9")).as("while they are checked")
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        for (int i = 0; i < 3; i++) {
            throttle.failed("noivu", "10.0.0.9");
        }
        assertThat(throttle.failures("noivu", "10.0.0.9")).isEqualTo(3);
        assertThat(parallelAcquires(200, "noivu", "10.0.0.9")).as("delayed: none").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(parallelAcquires(200, "noivu", "10.0.0.9")).as("after the delay: one at a time").isEqualTo(1);
        throttle.released("noivu", "10.0.0.9");
        assertThat(parallelAcquires(200, "noivu", "10.0.0.9")).as("an attempt freed without a check").isEqualTo(1);
        throttle.failed("noivu", "10.0.0.9");
        assertThat(throttle.acquire("noivu", "10.0.0.9")).contains(Duration.ofSeconds(2));
    }

    @Test
    void attemptsFromManyAccountsAtOneAddressInProgressAreCappedByTheAddress() throws Exception {
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += throttle.acquire("user" + i, "10.7.7.7").isEmpty() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            throttle.succeeded("user" + i, "10.7.7.7");
        }
        assertThat(throttle.acquire("user9", "10.7.7.7")).as("freed by the successes").isEmpty();
        throttle.succeeded("user9", "10.7.7.7");
        assertThat(throttle.inProgress()).as("nothing left in progress").isZero();
        assertThat(throttle.size()).as("no failure").isZero();
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        for (int i = 1; i <= 6; i++) {
            assertThat(failOnce("user" + i, "2001:db8:1:2::" + Integer.toHexString(i))).isEmpty();
        }
        assertThat(throttle.acquire("other", "2001:db8:1:2:ffff:ffff:ffff:ffff")).as("same /64").isPresent();
        assertThat(throttle.acquire("other", "[2001:DB8:1:2:0:0:0:99]")).as("any spelling").isPresent();
        assertThat(throttle.acquire("other", "2001:db8:1:3::1")).as("another /64").isEmpty();
        assertThat(ThrottleKeys.addressGroup("2001:db8:1:2::1")).isEqualTo(ThrottleKeys.addressGroup(
                "2001:0db8:0001:0002:abcd:0:0:7"));
        assertThat(ThrottleKeys.addressGroup("::ffff:192.0.2.1")).as("IPv4-mapped").isEqualTo("192.0.2.1");
        assertThat(ThrottleKeys.addressGroup("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ThrottleKeys.addressGroup("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(ThrottleKeys.addressGroup(null)).isEqualTo("?");
        assertThat(ThrottleKeys.addressGroup("x".repeat(1000))).hasSize(64);
    }

    @Test
    void anAttackerSpreadOverManyAddressesIsSlowedOnThatAccountButItsRegularUsersAreNot() {
        assertThat(throttle.acquire("noivu", "10.0.0.2")).isEmpty();
        throttle.succeeded("noivu", "10.0.0.2"); // the administrator's office computer
        for (int i = 0; i < 10; i++) {
            assertThat(failOnce("noivu", "198.51.100." + i)).as("one guess from each of many addresses").isEmpty();
        }
        assertThat(throttle.accountFailures("noivu")).isEqualTo(10);
        assertThat(throttle.acquire("noivu", "198.51.100.200")).as("a new address, on that account")
                .contains(Duration.ofSeconds(1));
        assertThat(throttle.acquire("noivu", "10.0.0.2")).as("the office computer").isEmpty();
        throttle.failed("noivu", "10.0.0.2");
        assertThat(throttle.accountFailures("noivu")).as("a typo at a known address: not the account's")
                .isEqualTo(10);
        assertThat(throttle.acquire("tuphap", "198.51.100.200")).as("another account").isEmpty();
        throttle.released("tuphap", "198.51.100.200");

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.acquire("noivu", "198.51.100.201")).isEmpty();
        assertThat(throttle.acquire("noivu", "198.51.100.202")).as("one at a time on the account").isPresent();
        throttle.failed("noivu", "198.51.100.201");
        assertThat(throttle.acquire("noivu", "198.51.100.203")).contains(Duration.ofSeconds(2));
        // the right password from a new address gets in once the (short) delay is over, and is remembered
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.acquire("noivu", "192.0.2.50")).isEmpty();
        throttle.succeeded("noivu", "192.0.2.50");
        assertThat(throttle.acquire("noivu", "192.0.2.50")).as("now a known address").isEmpty();
        throttle.succeeded("noivu", "192.0.2.50");
        assertThat(throttle.accountFailures("noivu")).as("a success does not clear the account's count")
                .isEqualTo(11);
    }

    @Test
    void rememberedSignInsAreBounded() {
        for (int i = 0; i < 5_000; i++) {
            String client = "10.2." + (i / 256) + "." + (i % 256);
            assertThat(throttle.acquire("user", client)).isEmpty();
            throttle.succeeded("user", client);
            clock.advance(Duration.ofMillis(1));
        }
        // a tenth of the capacity at most: trimmed to 90 every 10 writes, so between 90 and 100 at any time
        assertThat(throttle.knownAddresses()).isBetween(90, 100);
        assertThat(throttle.size()).isZero();
        assertThat(throttle.inProgress()).isZero();
        // the latest are the ones kept: the last address is still known, so exempt from the account's slowdown
        for (int i = 0; i < 10; i++) {
            throttle.failed("user", "198.51.100." + i);
        }
        assertThat(throttle.acquire("user", "198.51.100.99")).as("a new address: the account is slowed").isPresent();
        assertThat(throttle.acquire("user", "10.2.19.135")).as("the last known one").isEmpty();
    }
}
