package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.ParIndexApplication;

/**
 * The compose setup without Docker: {@code docker/initdb/10-parindex-roles.sh} run with psql against a PostgreSQL
 * server (twice: it may be run again), then the application started on that server as an external database with
 * the environment docker-compose.yml gives it. Migrations run as the owner, the application as its own role.
 */
class ComposeRolesIT {

    static final Path SCRIPT = Path.of("docker/initdb/10-parindex-roles.sh");

    @Test
    void theInitScriptCreatesBothRolesAndTheApplicationRunsAsTheRestrictedOne() throws Exception {
        // the test's own reads work on Tân Yên's data, as a request of its people would (V17)
        try (vn.parindex.system.BodyScope.Entered tanYen = vn.parindex.system.BodyScope.enter(
                vn.parindex.system.BodyScope.Scope.of(vn.parindex.security.CurrentUser.FIRST_BODY))) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "psql is not installed: skipped");
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
                try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create database parindex");
                }
                Map<String, String> environment = Map.of("PGHOST", "localhost",
                        "PGPORT", Integer.toString(server.getPort()), "POSTGRES_USER", "postgres",
                        "POSTGRES_DB", "parindex", "PARINDEX_DB_OWNER_PASSWORD", "owner's secret",
                        "PARINDEX_DB_APP_PASSWORD", "app secret");
                assertThat(run(environment)).isZero();
                assertThat(run(environment)).as("run again").isZero();
                var missing = new java.util.HashMap<>(environment);
                missing.remove("PARINDEX_DB_APP_PASSWORD");
                assertThat(run(missing)).as("no password, no roles").isNotZero();

                String url = "jdbc:postgresql://localhost:" + server.getPort() + "/parindex";
                try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ParIndexApplication.class).run(
                        "--spring.datasource.url=" + url, "--spring.datasource.username=parindex_app",
                        "--spring.datasource.password=app secret", "--spring.flyway.user=parindex",
                        "--spring.flyway.password=owner's secret", "--parindex.database.app-role=parindex_app",
                        "--parindex.admin.username=admin", "--parindex.admin.password=a-long-admin-secret-1",
                        "--server.port=0", "--spring.main.banner-mode=off")) {
                    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                    assertThat(app.getBean(DatabaseMode.class)).isEqualTo(DatabaseMode.EXTERNAL);
                    assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("parindex_app");
                    assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'criterion'",
                            String.class)).isEqualTo("parindex");
                    assertThat(jdbc.queryForObject("select rolsuper or rolcreatedb or rolcreaterole from pg_roles "
                            + "where rolname = 'parindex'", Boolean.class)).isFalse();
                    assertThat(jdbc.queryForObject("select count(*) from criterion", Long.class)).isPositive();
                    org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.execute("alter table change_history disable trigger all"))
                            .rootCause().hasMessageContaining("must be owner");
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute("delete from change_history"))
                            .rootCause().hasMessageContaining("permission denied");
                    try (Connection owner = app.getBean(OwnerConnections.class).open();
                            var rows = owner.createStatement().executeQuery("select current_user")) {
                        rows.next();
                        assertThat(rows.getString(1)).isEqualTo("parindex");
                    }
                }
            }
        }
    }

    private static int run(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("PARINDEX_DB"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        System.out.println(output);
        return status;
    }
}
