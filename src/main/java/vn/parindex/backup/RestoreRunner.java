package vn.parindex.backup;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the restore of {@link RestoreCommand} before every other runner (the plan seeder and the account bootstrap
 * would otherwise fill the empty database first), then closes the application and exits the JVM.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(RestoreCommand.FILE_PROPERTY)
class RestoreRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RestoreRunner.class);

    private final BackupRestorer restorer;
    private final ConfigurableApplicationContext context;
    private final RestoreMigrations upgrade;
    private final ObjectProvider<Flyway> flyway;

    RestoreRunner(BackupRestorer restorer, ConfigurableApplicationContext context,
            ObjectProvider<FlywayMigrationInitializer> migrations, RestoreMigrations upgrade,
            ObjectProvider<Flyway> flyway) {
        this.restorer = restorer;
        this.context = context;
        this.upgrade = upgrade;
        this.flyway = flyway;
        // the schema is migrated before the restore (lazy initialization): up to the backup's version if older
        migrations.getIfAvailable();
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = Path.of(context.getEnvironment().getRequiredProperty(RestoreCommand.FILE_PROPERTY));
        int code;
        try {
            RestoreResult result = restorer.restore(file);
            String upgraded = "";
            if (upgrade.upgradePending()) {
                // the rest of the migrations over the restored rows: as this version's start on the old database
                try {
                    upgrade.afterRestore(flyway.getObject());
                } catch (RuntimeException e) {
                    log.error("Upgrade after the restore failed", e);
                    System.err.println("Restored " + result.rows() + " rows of schema version "
                            + result.schemaVersion() + " from " + file + ", but upgrading them to this version failed ("
                            + e.getMessage() + "): the database holds the backup as it was; the next start of the "
                            + "application tries the upgrade again");
                    System.exit(SpringApplication.exit(context, () -> 1));
                    return;
                }
                upgraded = ", upgraded to schema version " + flyway.getObject().info().current().getVersion();
            }
            System.out.println("Restored " + result.rows() + " rows in " + result.tables() + " tables from " + file
                    + " (taken " + result.createdAt() + " by " + result.appVersion() + ", schema version "
                    + result.schemaVersion() + upgraded + ")");
            code = 0;
        } catch (RestoreRefusedException e) {
            System.err.println("Restore refused: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            log.error("Restore failed", e);
            System.err.println("Restore failed: " + e.getMessage() + "; nothing was written");
            code = 1;
        }
        int exitCode = code;
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
