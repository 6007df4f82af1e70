package vn.parindex.backup;

import java.nio.file.Path;
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

    RestoreRunner(BackupRestorer restorer, ConfigurableApplicationContext context,
            ObjectProvider<FlywayMigrationInitializer> migrations) {
        this.restorer = restorer;
        this.context = context;
        migrations.getIfAvailable(); // the schema is migrated before the restore (lazy initialization)
    }

    @Override
    public void run(ApplicationArguments args) {
        Path file = Path.of(context.getEnvironment().getRequiredProperty(RestoreCommand.FILE_PROPERTY));
        int code;
        try {
            RestoreResult result = restorer.restore(file);
            System.out.println("Restored " + result.rows() + " rows in " + result.tables() + " tables from " + file
                    + " (taken " + result.createdAt() + " by " + result.appVersion() + ", schema version "
                    + result.schemaVersion() + ")");
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
