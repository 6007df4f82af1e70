package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

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
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void fiveFailuresLockTheAccountAndTheClientForAWhile() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("tuphap", "10.0.0.1");
        }
        assertThat(throttle.isLocked("tuphap", "10.0.0.1")).isFalse();
        throttle.recordFailure("TuPhap ", "10.0.0.1");
        assertThat(throttle.isLocked("tuphap", "10.0.0.2")).as("the account, from anywhere").isTrue();
        assertThat(throttle.isLocked("vhtt", "10.0.0.1")).as("the client, for any account").isTrue();
        assertThat(throttle.isLocked("vhtt", "10.0.0.2")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.isLocked("tuphap", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessForgetsEarlierFailuresAndOldFailuresExpire() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("noivu", "10.0.0.3");
        }
        throttle.recordSuccess("noivu", "10.0.0.3");
        throttle.recordFailure("noivu", "10.0.0.3");
        assertThat(throttle.isLocked("noivu", "10.0.0.3")).isFalse();
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("noivu", "10.0.0.3");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        throttle.recordFailure("noivu", "10.0.0.3");
        assertThat(throttle.isLocked("noivu", "10.0.0.3")).as("failures spread over a long time").isFalse();
    }
}
