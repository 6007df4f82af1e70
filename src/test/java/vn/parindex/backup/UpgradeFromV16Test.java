package vn.parindex.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * A database of the last version before bodies (schema 16.3, no {@code body} table) upgrades in place into a
 * deployment with Tân Yên as its one body, losing nothing: a backup made by that version (b32c421, with a
 * self-assessment submitted and approved, evidence uploaded to a criterion and to a task's progress update; see
 * {@code src/test/resources/backups/README.md}) is restored as the {@code restore} command restores it: into a new
 * database migrated only up to 16.3 ({@link RestoreMigrations}), by this application's {@link BackupRestorer}, then
 * the rest of the migrations run. Every row of the backup is there, value for value, every one of them is body 1's,
 * and the application's role sees them only when its connection is set to body 1. A database already migrated past
 * the backup cannot go back: it is migrated as at any start and the restore refuses the backup.
 */
class UpgradeFromV16Test {

    static final String BACKUP = "/backups/v16_3-tan-yen.zip";
    static final String KEY = "/backups/v16_3-tan-yen.key";
    static final String APP_ROLE = "parindex_app";

    /** The migrations' own tables: filled by Flyway, not restored. */
    static final List<String> NOT_A_BODY_TABLE = List.of(SchemaCatalog.FLYWAY_HISTORY, SchemaCatalog.DATA_REVISION);

    static EmbeddedPostgres server;
    static DataSource owner;
    static DataSource app;
    static BackupManifest manifest;
    static Path backup;
    static RestoreResult restored;
    static String versionBeforeUpgrade;

    @BeforeAll
    static void restoreTheOldBackupAndUpgrade(@TempDir Path temp) throws Exception {
        backup = copy(BACKUP, temp.resolve("backup.zip"));
        Path key = copy(KEY, temp.resolve("backup.key"));
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            manifest = BackupWriter.JSON.readValue(zip.getInputStream(zip.getEntry(BackupManifest.ENTRY)),
                    BackupManifest.class);
        }
        assertThat(manifest.schemaVersion()).isEqualTo("16.3");

        server = EmbeddedPostgres.builder().start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + APP_ROLE + " login");
            statement.execute("create database upgraded");
        }
        owner = server.getDatabase("postgres", "upgraded");
        app = server.getDatabase(APP_ROLE, "upgraded");

        // as the restore command does it: the old version's schema (Flyway up to the backup's version only) ...
        RestoreMigrations migrations = new RestoreMigrations(backup);
        migrations.migrate(flyway(owner));
        assertThat(migrations.upgradePending()).isTrue();
        try (Connection connection = owner.getConnection()) {
            versionBeforeUpgrade = SchemaCatalog.schemaVersion(connection);
            // signed by the installation that made it: its key restores it
            restored = new BackupRestorer(null, new BackupSigning(key, false)).restoreSigned(backup, connection);
        }
        // ... and the rest of the migrations, as this version's start on the old version's database
        migrations.afterRestore(flyway(owner));
        assertThat(migrations.upgradePending()).isFalse();
    }

    static Flyway flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(Map.of("approle", APP_ROLE)).load();
    }

    static DataSource newDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return server.getDatabase("postgres", name);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = UpgradeFromV16Test.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void theBackupWasRestoredIntoTheOldSchemaThenUpgradedToTheLatest() throws SQLException {
        assertThat(versionBeforeUpgrade).isEqualTo("16.3");
        assertThat(restored.schemaVersion()).isEqualTo("16.3");
        assertThat(restored.rows()).isEqualTo(manifest.tables().stream()
                .filter(t -> !BackupRestorer.NOT_RESTORED.contains(t.name())).mapToLong(BackupManifest.Table::rows)
                .sum());
        try (Connection connection = owner.getConnection()) {
            assertThat(SchemaCatalog.compareVersions(SchemaCatalog.schemaVersion(connection), "17")).isNotNegative();
            assertThat(query(connection, "select code || ' ' || name || ' ' || level from body order by id"))
                    .containsExactly("TAN_YEN Tân Yên DISTRICT");
        }
    }

    @Test
    void everyTableHoldsExactlyTheBackupsRowsValueForValue() throws Exception {
        try (Connection connection = owner.getConnection(); ZipFile zip = new ZipFile(backup.toFile())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set timezone = 'UTC'"); // as the old version wrote its timestamps
            }
            int compared = 0;
            for (BackupManifest.Table table : manifest.tables()) {
                if (BackupRestorer.NOT_RESTORED.contains(table.name())) {
                    continue;
                }
                assertThat(BackupFiles.count(connection, table.name())).as(table.name()).isEqualTo(table.rows());
                ByteArrayOutputStream now = new ByteArrayOutputStream();
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + SchemaCatalog.quote(table.name())
                        + " (" + SchemaCatalog.columnList(table.columns()) + ") TO STDOUT WITH (FORMAT csv, HEADER true)",
                        now);
                String then = new String(zip.getInputStream(zip.getEntry(table.file())).readAllBytes(),
                        StandardCharsets.UTF_8);
                // the same rows, whatever their order
                assertThat(now.toString(StandardCharsets.UTF_8).lines().sorted().toList()).as(table.name())
                        .isEqualTo(then.lines().sorted().toList());
                compared++;
            }
            assertThat(compared).isGreaterThanOrEqualTo(20);

            // what was done in the old version beyond its seed
            assertThat(query(connection, "select a.score || ' ' || a.status || ' ' || u.username from assessment a "
                    + "join criterion c on c.id = a.criterion_id join app_user u on u.id = a.submitted_by "
                    + "where c.code = '2.2'")).containsExactly("1.2345 APPROVED tuphap");
            assertThat(query(connection, "select current_score::text from criterion where code = '2.2'"))
                    .containsExactly("1.2345");
            assertThat(query(connection, "select file_name || ' ' || size_bytes || ' ' || coalesce(document_number, '-') "
                    + "|| ' ' || (task_update_id is not null) || ' ' || (sha256 = encode(sha256(content), 'hex')) "
                    + "from evidence order by id")).containsExactly(
                            "ke-hoach-ra-soat.pdf 125 165/KH-UBND false true",
                            "ke-hoach-ra-soat.pdf 125 - true true");
            assertThat(query(connection, "select note || ' ' || percent from task_update where id = 31"))
                    .containsExactly("Đã rà soát 12 văn bản trong quý II 60");
        }
    }

    @Test
    void everyRowIsTanYensBody() throws SQLException {
        try (Connection connection = owner.getConnection()) {
            List<String> bodyTables = query(connection, "select table_name from information_schema.columns "
                    + "where table_schema = 'public' and column_name = 'body_id' order by 1");
            List<String> backedUp = manifest.tables().stream().map(BackupManifest.Table::name)
                    .filter(name -> !NOT_A_BODY_TABLE.contains(name)).sorted().toList();
            // every table of the old version's data is a body's table now
            assertThat(bodyTables).containsAll(backedUp);
            for (String table : backedUp) {
                assertThat(query(connection, "select coalesce(body_id::text, 'null') || ' ' || count(*) from "
                        + SchemaCatalog.quote(table) + " group by body_id")).as(table)
                        .isEqualTo(rows(table) == 0 ? List.of() : List.of("1 " + rows(table)));
            }
        }
    }

    @Test
    void theApplicationsRoleSeesTheRowsOnlyAsBodyOne() throws SQLException {
        for (String table : manifest.tables().stream().map(BackupManifest.Table::name)
                .filter(name -> !NOT_A_BODY_TABLE.contains(name)).toList()) {
            assertThat(countAs(null, table)).as(table + " set to no body").isZero();
            assertThat(countAs("2", table)).as(table + " set to body 2").isZero();
            assertThat(countAs("1", table)).as(table + " set to body 1").isEqualTo(rows(table));
        }
        assertThat(countAs("1", "body")).isEqualTo(1);
        assertThat(countAs(null, "body")).isZero();
    }

    @Test
    void thePublished2022TotalStillSumsAsBefore() throws SQLException {
        try (Connection connection = app.getConnection()) {
            setBody(connection, "1");
            assertThat(query(connection, "select c.recorded_total_baseline || ' ' || sum(d.baseline_score) from cycle c "
                    + "join criterion d on d.cycle_id = c.id and d.parent_id is null where c.year = 2023 "
                    + "group by c.recorded_total_baseline")).containsExactly("84.0256 84.0256");
        }
    }

    @Test
    void aDatabaseAlreadyMigratedPastTheBackupIsMigratedAsAlwaysAndTheRestoreRefusesIt() throws Exception {
        DataSource database = newDatabase("already_new");
        flyway(database).migrate();
        String latest;
        try (Connection connection = database.getConnection()) {
            latest = SchemaCatalog.schemaVersion(connection);
        }
        RestoreMigrations migrations = new RestoreMigrations(backup);
        migrations.migrate(flyway(database));
        assertThat(migrations.upgradePending()).isFalse();
        try (Connection connection = database.getConnection()) {
            assertThat(SchemaCatalog.schemaVersion(connection)).isEqualTo(latest);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackupRestorer.restore(backup, connection))
                    .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("older than")
                    .hasMessageContaining("new, empty database");
            assertThat(BackupFiles.count(connection, "criterion")).isZero();
        }
    }

    @Test
    void aBackupOfThisVersionOrOfNoKnownVersionOrNoBackupMigratesEverythingFirst(@TempDir Path temp)
            throws Exception {
        String latest;
        try (Connection connection = owner.getConnection()) {
            latest = SchemaCatalog.schemaVersion(connection);
        }
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("this_version", BackupFiles.rewrite(backup, temp.resolve("latest.zip"), BackupManifest.ENTRY,
                bytes -> new String(bytes, StandardCharsets.UTF_8).replace("\"16.3\"", "\"" + latest + "\"")
                        .getBytes(StandardCharsets.UTF_8)));
        files.put("unknown_version", BackupFiles.rewrite(backup, temp.resolve("unknown.zip"), BackupManifest.ENTRY,
                bytes -> new String(bytes, StandardCharsets.UTF_8).replace("\"16.3\"", "\"16.2\"")
                        .getBytes(StandardCharsets.UTF_8)));
        Path notABackup = temp.resolve("not-a-backup.zip");
        Files.writeString(notABackup, "hello");
        files.put("not_a_backup", notABackup);
        for (Map.Entry<String, Path> file : files.entrySet()) {
            DataSource database = newDatabase(file.getKey());
            RestoreMigrations migrations = new RestoreMigrations(file.getValue());
            migrations.migrate(flyway(database));
            assertThat(migrations.upgradePending()).as(file.getKey()).isFalse();
            try (Connection connection = database.getConnection()) {
                assertThat(SchemaCatalog.schemaVersion(connection)).as(file.getKey()).isEqualTo(latest);
            }
        }
    }

    static long rows(String table) {
        return manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
    }

    static long countAs(String body, String table) throws SQLException {
        try (Connection connection = app.getConnection()) {
            if (body != null) {
                setBody(connection, body);
            }
            return BackupFiles.count(connection, SchemaCatalog.quote(table));
        }
    }

    static void setBody(Connection connection, String body) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select set_config('parindex.body', '" + body + "', false)");
        }
    }

    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
