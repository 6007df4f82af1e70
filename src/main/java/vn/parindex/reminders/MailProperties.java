package vn.parindex.reminders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import vn.parindex.system.CronSchedule;

/**
 * E-mail digests ({@link DigestMailer}; sent only when {@code spring.mail.host} names a mail server).
 *
 * @param from the sender address of the digests
 * @param baseUrl the application's address as people open it ({@code https://cchc.example.gov.vn}), for the links in
 *        a digest; blank: the digest names the pages without links
 * @param digestCron when digests are sent (Vietnam time); the schedule itself is read from
 *        {@code parindex.mail.digest-cron} by {@link DigestMailer}
 */
@Validated
@ConfigurationProperties("parindex.mail")
public record MailProperties(@DefaultValue("parindex@localhost") @NotBlank String from,
        @Pattern(regexp = "|https?://\\S+", message = "must be empty or an http(s) address") String baseUrl,
        @DefaultValue(MailProperties.DIGEST_CRON) @CronSchedule String digestCron) {

    /** Every hour of the working day, 07:00 to 17:00. */
    static final String DIGEST_CRON = "0 0 7-17 * * *";

    public MailProperties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
    }
}
