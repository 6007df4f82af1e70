package vn.parindex.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, the application starts an embedded
 * PostgreSQL 18 whose data lives under {@code parindex.database.data-directory} ({@code ./data/postgres}) and
 * survives restarts. With an external datasource configured, nothing embedded is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatasourceCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "50");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        String directory = properties.dataDirectory();
        if (directory == null || directory.isBlank()) {
            builder.setCleanDataDirectory(true);
            log.info("Starting a throw-away embedded PostgreSQL");
        } else {
            Path dataDirectory = Path.of(directory).toAbsolutePath().normalize();
            Files.createDirectories(dataDirectory.getParent());
            builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
            log.info("Starting the embedded PostgreSQL with its data in {}", dataDirectory);
        }
        return builder.start();
    }

    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
