package vn.parindex.backup;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import vn.parindex.system.CronSchedule;

/**
 * Nightly backups.
 *
 * @param directory where they are kept; blank: {@code backups} beside the embedded database's data directory
 *        ({@code ./data/backups}), none on an external database
 * @param keep how many are kept (the oldest beyond are deleted)
 * @param cron when they are taken (the schedule itself is read from {@code parindex.backup.cron})
 */
@Validated
@ConfigurationProperties("parindex.backup")
public record BackupProperties(String directory, @DefaultValue("14") @Min(1) int keep,
        @DefaultValue(BackupProperties.CRON) @CronSchedule String cron) {

    static final String CRON = "0 30 1 * * *";
}
