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
 * @param keyFile the key every backup is signed with (HMAC-SHA256, {@link BackupSigning}); blank: {@code backup.key}
 *        beside the embedded database's credentials ({@code ./data/backup.key}), created on first use
 * @param skipSignatureCheck restore a file whose signature is missing (made before backups were signed) or cannot
 *        be checked with this key; for that one restore only, knowingly ({@code false} by default)
 */
@Validated
@ConfigurationProperties("parindex.backup")
public record BackupProperties(String directory, @DefaultValue("14") @Min(1) int keep,
        @DefaultValue(BackupProperties.CRON) @CronSchedule String cron, String keyFile,
        @DefaultValue("false") boolean skipSignatureCheck) {

    static final String CRON = "0 30 1 * * *";

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public BackupProperties {
    }

    public BackupProperties(String directory, int keep, String cron) {
        this(directory, keep, cron, null, false);
    }
}
