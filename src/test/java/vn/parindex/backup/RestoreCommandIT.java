package vn.parindex.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.database.EmbeddedDatabase;
import vn.parindex.database.EmbeddedDatabaseProperties;
import vn.parindex.support.RealServerTest;

/**
 * The packaged jar's {@code restore} command, run as a child process on a new embedded data directory: exit code
 * 0 and a one-line summary, every row there afterwards, no web server started; run again on the same directory with
 * an edited copy of the backup it is refused (signature) with exit code 1; a missing file gives exit code 2.
 */
// the web server's context that the other *IT classes of this JVM share: the backup is made there, not in a context
// of its own (a start of the application costs a fifth of this class's time)
@RealServerTest
class RestoreCommandIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    BackupSigning signing;

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void theJarRestoresABackupIntoANewDataDirectoryWithoutAWebServer() throws Exception {
        Path backup = temp.resolve("backup.zip");
        Files.write(backup, mvc.perform(get("/api/v1/backup").with(httpBasic("noivu", "demo"))).andReturn()
                .getResponse().getContentAsByteArray());
        BackupManifest manifest;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            manifest = BackupWriter.JSON.readValue(zip.getInputStream(zip.getEntry(BackupManifest.ENTRY)),
                    BackupManifest.class);
        }
        Path dataDirectory = temp.resolve("data").resolve("postgres");

        Run run = restore(backup, dataDirectory);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> summary = run.out().lines().filter(line -> line.startsWith("Restored ")).toList();
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0)).contains(" tables from ").contains("schema version " + manifest.schemaVersion());
        // logging at INFO: the application started, without Tomcat
        assertThat(run.out()).contains("Started ParIndexApplication").doesNotContainIgnoringCase("tomcat");

        // opened as the application opens it: password login with the credentials the restore left beside the data
        try (EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(
                dataDirectory.toString(), 0, false, "parindex_app", Duration.ofHours(1)));
                Connection connection = database.ownerConnection()) {
            for (BackupManifest.Table table : manifest.tables()) {
                if (!BackupRestorer.NOT_RESTORED.contains(table.name())) {
                    assertThat(BackupFiles.count(connection, table.name())).as(table.name()).isEqualTo(table.rows());
                }
            }
            assertThat(BackupFiles.count(connection, "criterion")).isPositive();
        }

        // a backup edited after it was made (a role changed), on the directory just restored: refused for its
        // signature before the database is looked at, exit 1, nothing written (a second start of the jar costs
        // half a minute, so the refusal of a non-empty database is BackupRestoreIntegrationTest's)
        Path edited = BackupFiles.rewrite(backup, temp.resolve("edited.zip"), "tables/app_user.csv",
                csv -> new String(csv, StandardCharsets.UTF_8).replace(",UNIT_HEAD,", ",ADMIN,")
                        .getBytes(StandardCharsets.UTF_8));
        Run tampered = restore(edited, dataDirectory);
        assertThat(tampered.exitCode()).as(tampered.toString()).isEqualTo(1);
        assertThat(tampered.err()).contains("Restore refused").contains("signature");
        assertThat(tampered.out()).doesNotContain("Restored ");

        Run missing = restore(temp.resolve("no-such.zip"), temp.resolve("other").resolve("postgres"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no readable file");
    }

    private Run restore(Path file, Path dataDirectory) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the quick JIT compiler only: a command that starts, restores and exits (half the CPU of the full one)
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                jar().toString(), "restore", file.toString()).directory(temp.toFile());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().put("PARINDEX_DATABASE_DATA_DIRECTORY", dataDirectory.toString());
        // the key of the installation that made the backup (the tests' own, kept in memory)
        Path key = temp.resolve("backup.key");
        Files.writeString(key, signing.encodedKey() + "\n");
        builder.environment().put("PARINDEX_BACKUP_KEY_FILE", key.toString());
        builder.environment().put("LOGGING_LEVEL_ROOT", "INFO");
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("restore did not exit: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("par-index-tracker-.+\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no jar: run after package (mvn verify)"))
                    .toAbsolutePath();
        }
    }
}
