package vn.parindex.backup;

import java.nio.file.Path;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How the {@code restore} command migrates the database: a backup of an older version restores into a database
 * migrated only up to the backup's schema version (Flyway cannot go back, so only a database not migrated past it:
 * a new one), and {@link #afterRestore} then runs the rest of the migrations over the restored rows, as starting
 * this version on the old version's database would (V17 makes them the first body's). A backup of this version, a
 * database already past the backup's version, or a file that is no backup: every migration first, as at any start
 * (the restore then refuses what does not fit, with its reason).
 */
@Component
@ConditionalOnProperty(RestoreCommand.FILE_PROPERTY)
class RestoreMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(RestoreMigrations.class);

    private final Path file;
    private volatile boolean upgradePending;

    @org.springframework.beans.factory.annotation.Autowired
    RestoreMigrations(Environment environment) {
        this(Path.of(environment.getRequiredProperty(RestoreCommand.FILE_PROPERTY)));
    }

    RestoreMigrations(Path file) {
        this.file = file;
    }

    @Override
    public void migrate(Flyway flyway) {
        MigrationVersion target = olderTarget(flyway);
        if (target == null) {
            flyway.migrate();
            return;
        }
        log.info("The backup is of schema version {}: migrating up to it, restoring, then migrating the rest",
                target.getVersion());
        Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                .target(target).load().migrate();
        upgradePending = true;
    }

    /** After a restore into a database migrated up to the backup's version: the rest of the migrations. */
    void afterRestore(Flyway flyway) {
        if (upgradePending) {
            flyway.migrate();
            upgradePending = false;
        }
    }

    /** Whether the database waits for {@link #afterRestore} (it was migrated only up to the backup's version). */
    boolean upgradePending() {
        return upgradePending;
    }

    /**
     * The backup's schema version when it is one of this application's migrations, older than the newest, and the
     * database is not migrated past it; otherwise null.
     */
    private MigrationVersion olderTarget(Flyway flyway) {
        String version;
        try {
            version = BackupRestorer.manifest(file).schemaVersion();
        } catch (RestoreRefusedException e) {
            return null; // refused by the restore itself, with this reason
        }
        MigrationVersion backup;
        try {
            backup = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            return null;
        }
        MigrationInfo[] all = flyway.info().all();
        boolean known = Arrays.stream(all).anyMatch(m -> backup.equals(m.getVersion()));
        MigrationVersion newest = Arrays.stream(all).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).orElse(null);
        MigrationInfo current = flyway.info().current();
        boolean notPast = current == null || current.getVersion() == null
                || current.getVersion().compareTo(backup) <= 0;
        return known && newest != null && backup.compareTo(newest) < 0 && notPast ? backup : null;
    }
}
