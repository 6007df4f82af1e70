package vn.parindex.support;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides which real PostgreSQL the tests use: Testcontainers' PostgreSQL 18 when a Docker
 * engine answers, else the application's own embedded PostgreSQL (a throw-away one per test context).
 * {@code PARINDEX_TEST_DATABASE=embedded} forces the embedded one.
 */
public class TestDatabaseCustomizerFactory implements ContextCustomizerFactory {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseCustomizerFactory.class);

    private static final String APP_ROLE = "parindex_app";
    private static final String APP_PASSWORD = "test-app-role";

    private static PostgreSQLContainer container;
    private static Boolean dockerAvailable;
    private static final java.util.concurrent.atomic.AtomicInteger DATABASES =
            new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return useDocker() ? new ContainerDatabase() : null;
    }

    private static synchronized boolean useDocker() {
        if (dockerAvailable == null) {
            boolean forcedEmbedded = "embedded".equalsIgnoreCase(System.getenv("PARINDEX_TEST_DATABASE"));
            boolean available = false;
            boolean engineVisible = System.getenv("DOCKER_HOST") != null
                    || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
            if (!forcedEmbedded && engineVisible) {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
            }
            dockerAvailable = available;
            log.info("Tests run on {}", available ? "Testcontainers' PostgreSQL" : "the embedded PostgreSQL");
        }
        return dockerAvailable;
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
        }
        return container;
    }

    /** Points the context at the shared container (equal instances, so contexts stay cached). */
    private static final class ContainerDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            PostgreSQLContainer db = container();
            // every application context gets a database of its own, as with the embedded PostgreSQL
            String database = "ctx_" + DATABASES.incrementAndGet();
            try (var connection = java.sql.DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(),
                    db.getPassword()); var statement = connection.createStatement()) {
                statement.execute("create database " + database);
                // the same two roles as everywhere: the container's superuser owns and migrates, the app is restricted
                statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + APP_ROLE
                        + "') then create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'; end if; end $$");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            String url = db.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testcontainers-postgres",
                    Map.of("spring.datasource.url", url,
                            "spring.datasource.username", APP_ROLE,
                            "spring.datasource.password", APP_PASSWORD,
                            "spring.flyway.user", db.getUsername(),
                            "spring.flyway.password", db.getPassword(),
                            "parindex.database.app-role", APP_ROLE,
                            "parindex.demo.seed-on-external-database", "true")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ContainerDatabase;
        }

        @Override
        public int hashCode() {
            return ContainerDatabase.class.hashCode();
        }
    }
}
