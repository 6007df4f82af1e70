package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a postmaster is recognised where there is no {@code /proc} (Windows, macOS), checked on any system: by the
 * executable's name and, where readable, the data directory in its arguments.
 */
class PostmastersWithoutProcTest {

    @TempDir
    Path data;

    @Test
    void aProcessThatIsNotPostgresIsNotAPostmaster() {
        // this JVM: its command is java, so a postmaster.pid naming its id (a reused id) is stale
        assertThat(Postmasters.withoutProc(ProcessHandle.current().pid(), data)).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPostgresNamingThisDirectoryIsItsPostmasterAndOneNamingAnotherIsNot() throws Exception {
        Path bin = data.resolve("bin");
        java.nio.file.Files.createDirectories(bin);
        Path postgres = bin.resolve("postgres");
        // a stand-in "postgres": a copy of sh, so the process's command reads .../postgres
        java.nio.file.Files.copy(Path.of("/bin/sh"), postgres);
        postgres.toFile().setExecutable(true);
        Path directory = data.resolve("pgdata");
        Process own = new ProcessBuilder(postgres.toString(), "-c", "sleep 30", "-D", directory.toString()).start();
        Process other = new ProcessBuilder(postgres.toString(), "-c", "sleep 30", "-D", data.resolve("x").toString())
                .start();
        try {
            Thread.sleep(200);
            assertThat(Postmasters.withoutProc(own.pid(), directory)).isTrue();
            assertThat(Postmasters.withoutProc(other.pid(), directory)).isFalse();
        } finally {
            own.destroyForcibly();
            other.destroyForcibly();
        }
    }
}
