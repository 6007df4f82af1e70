package vn.parindex.database;

import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, the application starts an embedded
 * PostgreSQL 18 whose data lives under {@code parindex.database.data-directory} ({@code ./data/postgres}) and
 * survives restarts (see {@link EmbeddedDatabase}). The application connects as its own restricted role; Flyway
 * migrates as the owner. With an external datasource configured, nothing embedded is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatasourceCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
        return EmbeddedDatabase.start(properties);
    }

    /** The application's own connections: the restricted role. */
    @Bean
    JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.appRole();
            }

            @Override
            public String getPassword() {
                return database.appPassword();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    /** Migrations: the owner of the schema. */
    @Bean
    FlywayConnectionDetails embeddedFlywayConnectionDetails(EmbeddedDatabase database) {
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedDatabase.OWNER;
            }

            @Override
            public String getPassword() {
                return database.ownerPassword();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
