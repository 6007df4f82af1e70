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
 * @param trustedKeyFiles the keys of other deployments ({@code backup.key} files, comma-separated) whose exported
 *        bodies this deployment imports ({@code POST /api/v1/bodies/import}); a body's file signed with none of
 *        them nor this deployment's own key is refused
 * @param maxImportSize the largest body's file an import takes (evidence included); larger ones get 413 unread
 */
@Validated
@ConfigurationProperties("parindex.backup")
public record BackupProperties(String directory, @DefaultValue("14") @Min(1) int keep,
        @DefaultValue(BackupProperties.CRON) @CronSchedule String cron, String keyFile,
        @DefaultValue("false") boolean skipSignatureCheck, java.util.List<String> trustedKeyFiles,
        @DefaultValue("2GB") @vn.parindex.system.PositiveSize(max = Long.MAX_VALUE)
        org.springframework.util.unit.DataSize maxImportSize) {

    static final String CRON = "0 30 1 * * *";

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public BackupProperties {
        trustedKeyFiles = trustedKeyFiles == null ? java.util.List.of() : java.util.List.copyOf(trustedKeyFiles);
        maxImportSize = maxImportSize == null ? org.springframework.util.unit.DataSize.ofGigabytes(2) : maxImportSize;
    }

    public BackupProperties(String directory, int keep, String cron) {
        this(directory, keep, cron, null, false, null, null);
    }
}
