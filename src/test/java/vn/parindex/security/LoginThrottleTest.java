package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
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
    /** 3 free failures per pair, 6 per address, then 1 s, 2 s, 4 s… up to 60 s; forgotten after 10 minutes. */
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 6, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofMinutes(10), 1_000), clock);

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
    void theRightPasswordFromAnotherAddressIsNeverStopped() {
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
}
