package vn.parindex.security;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param verifiedPasswordMemory how long a password just checked for an account is remembered (as a fast hash, in
 *        memory), so that the API's HTTP Basic requests do not each cost a full password check ({@link
 *        RecentlyVerifiedPasswords}); 0 turns it off
 */
@Validated
@ConfigurationProperties("parindex.security")
public record PasswordMemoryProperties(@DefaultValue("5m") @DurationMin(millis = 0) Duration verifiedPasswordMemory) {
}
