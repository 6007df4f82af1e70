package vn.parindex.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in throttling ({@link LoginThrottle}) and password checks ({@link PasswordCheckLimit}).
 *
 * @param freeFailures failures without delay per (account, address)
 * @param freeFailuresPerAddress failures without delay per address (IPv6: per /64), whatever the account
 * @param freeFailuresPerAccount failures without delay per account from addresses that never signed in to it
 * @param firstDelay the wait after the free failures, doubled with each further failure
 * @param maxDelay the longest wait
 * @param forgetAfter failures older than this are forgotten
 * @param concurrentChecks how many password hashes are checked at once (each costs about 0,1 s of one core)
 * @param checkWait how long a sign-in waits for a free check before it is answered "busy" (503)
 */
@Validated
@ConfigurationProperties("parindex.login")
public record LoginProperties(@DefaultValue("5") @PositiveOrZero int freeFailures,
        @DefaultValue("20") @PositiveOrZero int freeFailuresPerAddress,
        @DefaultValue("30") @PositiveOrZero int freeFailuresPerAccount,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration firstDelay,
        @DefaultValue("15m") @DurationMin(millis = 1) Duration maxDelay,
        @DefaultValue("1h") @DurationMin(millis = 1) Duration forgetAfter,
        @DefaultValue("4") @Min(1) @Max(1000) int concurrentChecks,
        @DefaultValue("3s") @DurationMin(millis = 0) Duration checkWait) {
}
