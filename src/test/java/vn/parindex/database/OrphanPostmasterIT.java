package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.ParIndexApplication;

/**
 * {@code kill -9} of the application in the middle of a stream of writes leaves its PostgreSQL running, holding
 * {@code postmaster.pid}: the next start stops that orphan, starts at once (not after 60 s), and finds every write
 * that was acknowledged.
 */
class OrphanPostmasterIT {

    @TempDir
    Path folder;

    @Test
    void theNextStartStopsTheOrphanAndKeepsEveryAcknowledgedWrite() throws Exception {
        Path data = folder.resolve("data/postgres");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                WritingApp.class.getName(), data.toString()).redirectErrorStream(true).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos(); // a loaded 2-core machine starts slowly
            String line;
            while (acknowledged < 200 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Integer.parseInt(line.substring(4).trim());
                }
            }
            child.destroyForcibly(); // SIGKILL, mid-stream
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").isEqualTo(200);
        OptionalLong orphan = Postmasters.pidFromFile(data);
        assertThat(orphan).isPresent();
        assertThat(Postmasters.isPostgresOf(orphan.getAsLong(), data)).as("the orphan postmaster runs").isTrue();

        // before this version the start gave up after 60 s ("Gave up waiting for server to start"): the context failed
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ParIndexApplication.class)
                .run("--parindex.database.data-directory=" + data, "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            assertThat(Postmasters.running(orphan.getAsLong())).as("the orphan is gone").isFalse();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<Integer> found = jdbc.queryForList("select entity_id from change_history "
                    + "where username = 'orphan-test' and entity_id <= ? order by entity_id", Integer.class,
                    acknowledged);
            assertThat(found).as("acknowledged writes after the restart").hasSize(acknowledged);
        }
    }
}
