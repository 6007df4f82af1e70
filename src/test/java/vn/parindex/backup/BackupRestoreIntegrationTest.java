package vn.parindex.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.database.DatabaseMode;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.WorkflowTest;

/**
 * A backup taken through the API, restored into a new, empty PostgreSQL migrated by Flyway, holds every table row
 * for row; a database with data, a damaged file or another schema version is refused and nothing is written.
 */
@WorkflowTest
class BackupRestoreIntegrationTest {

    /** A PDF with every byte value in it, so the evidence column's bytes make the round trip. */
    static final byte[] PDF;

    static {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        PDF = Arrays.copyOf(head, head.length + 256 + tail.length);
        for (int i = 0; i < 256; i++) {
            PDF[head.length + i] = (byte) i;
        }
        System.arraycopy(tail, 0, PDF, head.length + 256, tail.length);
    }

    static EmbeddedPostgres server;
    static int databases;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    BackupRestorer restorer;

    @Autowired
    BackupSigning signing;

    @Autowired
    BackupService backups;

    @Autowired
    AppUserRepository users;

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @TempDir
    Path temp;

    @BeforeAll
    static void startASecondServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        server.close();
    }

    /** A new database on the second server, migrated by Flyway and empty. */
    static DataSource emptyDatabase() throws Exception {
        String name = "restored_" + (++databases);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        DataSource database = server.getDatabase("postgres", name);
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .placeholders(Map.of("approle", "")).load().migrate();
        return database;
    }

    /** Some data of every kind, with text CSV must quote and bytes of every value. */
    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    void someDataExists() throws Exception {
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.1/evidence")
                        .file(new MockMultipartFile("file", "biên bản, \"số 1\".pdf", "application/pdf", PDF))
                        // the document's details (V15): text CSV must quote, a date
                        .param("documentNumber", "125/KH-UBND, \"bản sao\"").param("issuedOn", "2023-03-15")
                        .param("summary", "Kế hoạch \"CCHC\"; năm 2023, \\N")
                        .with(httpBasic("tuphap", "demo")))
                .andReturn();
        mvc.perform(post("/api/v1/cycles/2023/criteria/2.1/assessments").with(httpBasic("tuphap", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 1.25, \"comment\": \"Đã rà soát, \\\"12\\\" văn bản\\nvà một dòng mới; \\\\N\"}"))
                .andReturn();
        long task = jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = tu.unit_id "
                + "where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
        mvc.perform(post("/api/v1/tasks/" + task + "/updates").with(httpBasic("tuphap", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Đã rà soát; \\\"tab\\t\\\"\", \"percent\": 30}"))
                .andExpect(status().isCreated());
        // the reporting calendar, a unit's input with its result on a task, an address and a digest sent (once:
        // every test of this class starts here)
        if (count("cycle_calendar") == 0) {
            mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 20, \"quarterDueDay\": 10,"
                                    + " \"halfDueDay\": 10, \"yearDueDay\": 5, \"selfAssessmentDue\": \"30/09/2023\","
                                    + " \"version\": 0}"))
                    .andExpect(status().isOk());
        }
        if (count("report_input") == 0) {
            mvc.perform(put("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP").with(httpBasic("tuphap", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"tasks\": [{\"taskId\": " + task
                                    + ", \"result\": \"Rà soát 12 văn bản;\\nbãi bỏ 2\"}], \"difficulties\": \"Thiếu người\","
                                    + " \"submit\": true}"))
                    .andExpect(status().isOk());
        }
        if (count("evidence where task_update_id is not null") == 0) {
            // evidence of a task's progress update (no criterion)
            long update = jdbc.queryForObject("select max(id) from task_update", Long.class);
            mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                            .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", PDF))
                            .with(httpBasic("tuphap", "demo")))
                    .andExpect(status().isCreated());
        }
        if (count("criterion_lineage") == 0) {
            // two old, closed cycles, the later one's criterion continuing the earlier one's (a closed cycle restores:
            // the database refuses changes to its criteria, not their insertion)
            for (int year : new int[] {2001, 2002}) {
                jdbc.update("insert into cycle (year, baseline_year, status, title, closed_at) values (?, ?, 'CLOSED', "
                        + "'Kỳ cũ', now()) on conflict (body_id, year) do nothing", year, year - 1);
                jdbc.update("insert into criterion (cycle_id, code, level, position, name, max_score, baseline_score, "
                        + "current_score, appraised_score, appraisal_reason, scoring_method) select id, '9', 1, 1, "
                        + "'Lĩnh vực cũ', 10, 8, 9, 8.5, 'Trừ 0,5 điểm: \"chậm\"', 'SELF_ASSESSMENT' from cycle "
                        + "where year = ? on conflict do nothing", year);
            }
            jdbc.update("insert into criterion_lineage (criterion_id, previous_id) select n.id, o.id from criterion n, "
                    + "criterion o where n.cycle_id = (select id from cycle where year = 2002) and n.code = '9' "
                    + "and o.cycle_id = (select id from cycle where year = 2001) and o.code = '9'");
        }
        if (count("evidence_item") == 0) {
            // the dossier: a listed document, a file answering it, an explanation
            jdbc.update("insert into evidence_item (criterion_id, position, name, note) select id, 1, 'Nghị quyết, "
                    + "\"quyết định\"', 'bản chụp; có dấu' from criterion where code = '2.1' and cycle_id = "
                    + "(select id from cycle where year = 2023)");
            long item = jdbc.queryForObject("select id from evidence_item", Long.class);
            mvc.perform(multipart("/cycles/2023/criteria/2.1/dossier/items/" + item + "/files")
                            .file(new MockMultipartFile("file", "nghi-quyet.pdf", "application/pdf", PDF))
                            .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        if (count("criterion_explanation") == 0) {
            // on its own: the shared database may hold other tests' dossier items, with or without an explanation
            jdbc.update("insert into criterion_explanation (criterion_id, text, updated_by, updated_at) select k.id, "
                    + "'Chưa có bản giấy;\ngửi qua hệ thống', u.id, now() from criterion k, app_user u where k.code = "
                    + "'2.1' and k.cycle_id = (select id from cycle where year = 2023) and u.username = 'tuphap'");
        }
        jdbc.update("update app_user set email = 'tuphap@tanyen.example' where username = 'tuphap'");
        jdbc.update("insert into digest_sent (user_id, day, sent_at, items) select id, date '2023-03-20', now(), 3 "
                + "from app_user where username = 'tuphap' on conflict do nothing");
        jdbc.update("insert into peer_district_score (cycle_id, district, total) select id, 'Lục Nam', 83.1234 "
                + "from cycle where year = 2023 on conflict do nothing");
        // the province's index of a level (V21): a draft of a year no other test works on, with a kept result row
        vn.parindex.system.BodyScope.callAll(() -> {
            jdbc.update("insert into index_year (year, level, status, opened_at, published_at) values (2099, 'WARD',"
                    + " 'PUBLISHED', now(), now()) on conflict do nothing");
            jdbc.update("insert into index_framework_node (index_year_id, code, parent_code, position, name, max_score)"
                    + " select id, '1', null, 1, 'Lĩnh vực, \"một\"', 100 from index_year where year = 2099"
                    + " on conflict do nothing");
            jdbc.update("insert into index_band (index_year_id, position, name, from_index, to_index) select id, 1,"
                    + " 'Tốt', 0, 100 from index_year where year = 2099 on conflict do nothing");
            jdbc.update("insert into index_body (index_year_id, assessed_body_id, cycle_id) select i.id, 1, c.id"
                    + " from index_year i, cycle c where i.year = 2099 and c.year = 2023 on conflict do nothing");
            return jdbc.update("insert into index_result (index_year_id, assessed_body_id, body_code, body_name, score,"
                    + " maximum, self_assessed, index_value, rank, band) select id, 1, 'TAN_YEN', 'Tân Yên', 80.1234,"
                    + " 100, 81, 80.1234, 1, 'Tốt' from index_year where year = 2099 on conflict do nothing");
        });
        assertThat(jdbc.queryForObject("select count(*) from evidence where content = ?", Long.class, PDF))
                .isPositive();
        assertThat(count("evidence where document_number is not null and issued_on is not null and summary is not null"))
                .isPositive();
    }

    Path download() throws Exception {
        long records = backupRecords();
        MockHttpServletResponse response = mvc.perform(get("/api/v1/backup").with(httpBasic("noivu", "demo")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition"))
                .matches("attachment; filename=\"parindex-backup-\\d{8}-\\d{6}\\.zip\"");
        assertThat(backupRecords()).as("the backup is on record").isEqualTo(records + 1);
        Path file = temp.resolve("backup.zip");
        Files.write(file, response.getContentAsByteArray());
        return file;
    }

    long backupRecords() {
        return jdbc.queryForObject("select count(*) from change_history where entity_type = 'BACKUP' and "
                + "new_value = 'BACKUP_TAKEN' and username = 'noivu'", Long.class);
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHoldsEveryTableRowForRow() throws Exception {
        someDataExists();
        try {
            roundTrip();
        } finally {
            // other tests on this database count the districts
            jdbc.update("delete from peer_district_score where district = 'Lục Nam'");
        }
    }

    private static List<String> withoutProvince(List<String> rows) {
        return rows.stream().filter(row -> !row.contains(",PROVINCE,")).toList();
    }

    void roundTrip() throws Exception {
        Path backup = download();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.entries().nextElement().getName()).isEqualTo("manifest.json");
            BackupManifest manifest = BackupWriter.JSON.readValue(zip.getInputStream(zip.getEntry("manifest.json")),
                    BackupManifest.class);
            assertThat(manifest.format()).isEqualTo(1);
            assertThat(manifest.schemaVersion()).isNotBlank();
            assertThat(manifest.tables()).extracting(BackupManifest.Table::name)
                    .contains("cycle", "criterion", "unit", "assessment", "evidence", "change_history", "app_user",
                            "peer_district_score", "data_revision", "flyway_schema_history")
                    .as("the login throttle's counts are no data").doesNotContain("login_failure",
                            "login_known_address");
            List<String> order = manifest.tables().stream().map(BackupManifest.Table::name).toList();
            assertThat(order.indexOf("unit")).isLessThan(order.indexOf("app_user"));
            assertThat(order.indexOf("app_user")).isLessThan(order.indexOf("assessment"));
            assertThat(order.indexOf("assessment")).isLessThan(order.indexOf("evidence"));
        }
        Map<String, List<String>> original;
        try (Connection connection = dataSource.getConnection()) {
            original = BackupFiles.contents(connection);
        }
        long revisionBefore;
        try (Connection connection = emptyDatabase().getConnection()) {
            revisionBefore = revision(connection);
            RestoreResult result = BackupRestorer.restore(backup, connection);
            assertThat(result.rows()).isPositive();
            Map<String, List<String>> restored = BackupFiles.contents(connection);
            assertThat(restored.keySet()).isEqualTo(original.keySet());
            for (String table : original.keySet()) {
                if (table.equals("app_user")) {
                    // a body's backup (Tân Yên's Home Affairs downloads it) carries the province's accounts without
                    // their secrets and disabled; every other account row for row
                    assertThat(withoutProvince(restored.get(table))).as(table).isNotEmpty()
                            .isEqualTo(withoutProvince(original.get(table)));
                    assertThat(restored.get(table)).filteredOn(row -> row.contains(",PROVINCE,")).isNotEmpty()
                            .allMatch(row -> row.contains("{bcrypt}-,PROVINCE,,f,"));
                } else if (!table.equals(SchemaCatalog.DATA_REVISION)) {
                    assertThat(restored.get(table)).as(table).isNotEmpty().isEqualTo(original.get(table));
                }
            }
            assertThat(BackupFiles.count(connection, "evidence where content = '\\x"
                    + java.util.HexFormat.of().formatHex(PDF) + "'::bytea")).isPositive();
            assertThat(revision(connection)).as("data revision moved on").isGreaterThan(revisionBefore)
                    .as("past any revision counted one write at a time").isGreaterThan(1_700_000_000_000L);
            // the identities go on after the restored rows
            for (String table : List.of("change_history", "unit", "evidence", "assessment", "app_user")) {
                long max = BackupFiles.count(connection, table) == 0 ? 0 : jdbcLong(connection,
                        "select max(id) from " + table);
                assertThat(jdbcLong(connection, "select nextval(pg_get_serial_sequence('" + table + "', 'id'))"))
                        .as(table).isGreaterThan(max);
            }
        }
    }

    @Test
    void aDamagedOrForeignFileIsRefusedAndNothingIsWritten() throws Exception {
        Path backup = download();
        byte[] bytes = Files.readAllBytes(backup);
        Path truncated = Files.write(temp.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        Map<Path, String> expected = new java.util.LinkedHashMap<>();
        for (int percent = 10; percent < 90; percent += 10) {
            // 64 damaged bytes somewhere in the middle of the file (the central directory at its end is intact)
            byte[] flipped = bytes.clone();
            int from = (int) ((long) bytes.length * percent / 100);
            for (int i = from; i < from + 64 && i < bytes.length - 1024; i++) {
                flipped[i] ^= 0x5a;
            }
            expected.put(Files.write(temp.resolve("damaged-at-" + percent + "-percent.zip"), flipped), "");
        }
        Path text = Files.writeString(temp.resolve("notes.zip"), "not a backup");
        // later tables lose rows (the ones before them are copied first, then all is rolled back)
        Path lostRows = BackupFiles.rewrite(backup, temp.resolve("lost-rows.zip"), "tables/change_history.csv",
                BackupRestoreIntegrationTest::withoutTheLastRow);
        Path brokenRow = BackupFiles.rewrite(backup, temp.resolve("broken-row.zip"), "tables/evidence.csv",
                BackupRestoreIntegrationTest::endingInTheMiddleOfARow);
        Path newer = BackupFiles.rewrite(backup, temp.resolve("newer.zip"), "manifest.json",
                json -> new String(json, StandardCharsets.UTF_8)
                        .replaceFirst("\"schemaVersion\" *: *\"[^\"]+\"", "\"schemaVersion\":\"999\"")
                        .getBytes(StandardCharsets.UTF_8));
        Path older = BackupFiles.rewrite(backup, temp.resolve("older.zip"), "manifest.json",
                json -> new String(json, StandardCharsets.UTF_8)
                        .replaceFirst("\"schemaVersion\" *: *\"[^\"]+\"", "\"schemaVersion\":\"1\"")
                        .getBytes(StandardCharsets.UTF_8));
        expected.put(truncated, "damaged or truncated");
        expected.put(text, "not a PAR Index backup");
        expected.put(lostRows, "change_history");
        expected.put(brokenRow, "nothing was written");
        expected.put(newer, "newer than this application");
        expected.put(older, "older than this application");
        expected.put(temp.resolve("missing.zip"), "No such file");
        try (Connection connection = emptyDatabase().getConnection()) {
            Map<String, List<String>> before = BackupFiles.contents(connection);
            for (Map.Entry<Path, String> file : expected.entrySet()) {
                Throwable refusal = catchThrowable(() -> BackupRestorer.restore(file.getKey(), connection));
                assertThat(refusal).as(file.getKey().getFileName().toString())
                        .isInstanceOf(RestoreRefusedException.class)
                        .hasMessageContaining(file.getValue());
                assertThat(BackupFiles.contents(connection)).as(file.getKey().getFileName() + " wrote nothing")
                        .isEqualTo(before);
            }
            // and the good file still restores there afterwards
            assertThat(BackupRestorer.restore(backup, connection).rows()).isPositive();
        }
    }

    @Test
    void aBackupIsSignedAndAnEditedUnsignedOrForeignOneIsRefusedUnlessTheCheckIsSkippedKnowingly() throws Exception {
        Path backup = download();
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
            assertThat(new String(zip.getInputStream(zip.getEntry(BackupSigning.ENTRY)).readAllBytes(),
                    StandardCharsets.US_ASCII)).matches("hmac-sha256:[0-9a-f]{64}\n");
        }
        assertThat(names.get(names.size() - 1)).as("the signature comes last").isEqualTo(BackupSigning.ENTRY);
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("tables/app_user.csv")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains(",UNIT_HEAD,");
        }
        // a head of office made administrator by editing the file: a well-formed zip, every checksum right
        Path promoted = BackupFiles.rewrite(backup, temp.resolve("promoted.zip"), "tables/app_user.csv",
                csv -> new String(csv, StandardCharsets.UTF_8).replace(",UNIT_HEAD,", ",ADMIN,")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(promoted)).isNotEqualTo(Files.readAllBytes(backup));
        Path unsigned = unsigned(backup, temp.resolve("unsigned.zip"));
        Path foreign = temp.resolve("foreign-key.zip");
        Files.copy(backup, foreign);
        BackupRestorer otherKey = new BackupRestorer(null, new BackupSigning((Path) null, false));
        try (Connection connection = emptyDatabase().getConnection()) {
            Map<String, List<String>> before = BackupFiles.contents(connection);
            for (Path file : List.of(promoted, unsigned)) {
                assertThatThrownBy(() -> restorer.restoreSigned(file, connection)).as(file.toString())
                        .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("signature")
                        .hasMessageContaining("nothing was written");
                assertThat(BackupFiles.contents(connection)).as(file + " wrote nothing").isEqualTo(before);
            }
            assertThat(catchThrowable(() -> otherKey.restoreSigned(foreign, connection)))
                    .isInstanceOf(RestoreRefusedException.class).hasMessageContaining("does not match");
            assertThat(BackupFiles.contents(connection)).isEqualTo(before);
            // the file as it was written restores
            assertThat(restorer.restoreSigned(backup, connection).rows()).isPositive();
        }
        // an older, unsigned backup (or one whose key is lost): only with the check skipped, knowingly
        try (Connection connection = emptyDatabase().getConnection()) {
            BackupRestorer knowingly = new BackupRestorer(null, new BackupSigning((Path) null, true));
            assertThat(knowingly.restoreSigned(unsigned, connection).rows()).isPositive();
        }
        // the configured restore checks the signature before it looks at the database
        assertThatThrownBy(() -> restorer.restore(promoted)).isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("signature");
    }

    /** A copy of {@code source} without its signature, as backups were before they were signed. */
    static Path unsigned(Path source, Path target) throws java.io.IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                if (!entry.getName().equals(BackupSigning.ENTRY)) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    out.write(zip.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    @Test
    void aDatabaseWithDataIsRefusedAndNothingChanges() throws Exception {
        Path backup = download();
        Map<String, List<String>> before;
        try (Connection connection = dataSource.getConnection()) {
            before = BackupFiles.contents(connection);
        }
        assertThatThrownBy(() -> restorer.restore(backup))
                .isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("not empty").hasMessageContaining("criterion");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(BackupFiles.contents(connection)).isEqualTo(before);
        }
    }

    @Test
    void onlyHomeAffairsTakesBackups() throws Exception {
        long records = jdbc.queryForObject("select count(*) from change_history where entity_type = 'BACKUP'",
                Long.class);
        assertThat(mvc.perform(get("/api/v1/backup")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/backup").with(httpBasic("noivu", "wrong"))).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        for (String person : List.of("tuphap", "lanhdao")) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/backup").with(httpBasic(person, "demo")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(person).isEqualTo(403);
            assertThat(response.getContentType()).as(person).startsWith("application/problem+json");
            assertThat(mvc.perform(post("/admin/backup/download").with(page(person)).with(csrf())).andReturn()
                    .getResponse().getStatus()).as(person).isEqualTo(403);
        }
        assertThatThrownBy(() -> backups.download(signedIn("lanhdao"), "x.zip", ByteArrayOutputStream::new))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from change_history where entity_type = 'BACKUP'",
                Long.class)).isEqualTo(records);
    }

    @Test
    void theAdminPageDownloadsABackup() throws Exception {
        String page = mvc.perform(get("/admin/backup").with(page("noivu"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // a form posting the CSRF token, not a link another site could make a browser follow
        assertThat(page).contains("action=\"/admin/backup/download\"").contains("name=\"_csrf\"")
                .doesNotContain("href=\"/admin/backup/download\"").contains("Sao lưu dữ liệu");
        long records = backupRecords();
        assertThat(mvc.perform(get("/admin/backup/download").with(page("noivu"))).andReturn().getResponse()
                .getStatus()).isEqualTo(405);
        assertThat(mvc.perform(post("/admin/backup/download").with(page("noivu"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(backupRecords()).isEqualTo(records);
        MockHttpServletResponse response = mvc.perform(post("/admin/backup/download").with(page("noivu"))
                .with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"parindex-backup-");
        Path file = Files.write(temp.resolve("page.zip"), response.getContentAsByteArray());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("tables/criterion.csv")).isNotNull();
        }
    }

    @Test
    void nightlyBackupsAreWrittenWholeAndTheLastOnesKept() throws Exception {
        Path directory = temp.resolve("backups");
        Files.createDirectories(directory);
        for (String old : List.of("parindex-backup-20200101-013000.zip", "parindex-backup-20200102-013000.zip",
                "parindex-backup-20200103-013000.zip")) {
            Files.writeString(directory.resolve(old), "old");
        }
        Files.writeString(directory.resolve("notes.txt"), "kept");
        NightlyBackups nightly = new NightlyBackups(backups, new BackupProperties(directory.toString(), 2, "-"),
                DatabaseMode.EMBEDDED, environment);
        Path written = nightly.takeNow();
        try (ZipFile zip = new ZipFile(written.toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("notes.txt",
                    "parindex-backup-20200103-013000.zip", written.getFileName().toString());
        }
        assertThat(nightly.list()).extracting(StoredBackup::fileName)
                .containsExactly(written.getFileName().toString(), "parindex-backup-20200103-013000.zip");
        // the deployment's backup, every body's data: on record as the deployment's, not one body's
        assertThat(vn.parindex.system.BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from change_history "
                + "where entity_type = 'BACKUP' and username = 'system' and body_id is null and comment like ?",
                Long.class, "%" + written.getFileName()))).isEqualTo(1);

        // a directory that cannot be made: logged, nothing thrown, nothing left behind
        Path blocked = temp.resolve("blocked");
        Files.writeString(blocked, "a file, not a directory");
        NightlyBackups failing = new NightlyBackups(backups,
                new BackupProperties(blocked.resolve("backups").toString(), 2, "-"), DatabaseMode.EMBEDDED,
                environment);
        vn.parindex.support.ExpectedErrors.whileSilencing(failing::nightly, NightlyBackups.class.getName());
        assertThat(failing.list()).isEmpty();
    }

    @Test
    void oneDownloadAtATimeTheOthersAreToldToWait() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        long before = backupRecords();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // a client that stalls: the first download holds its place until released
            var noivu = signedIn("noivu");
            // the download's thread works on Tân Yên, as its request would
            var slow = pool.submit(() -> vn.parindex.system.BodyScope.call(noivu.bodyId(), () -> {
                try {
                    return backups.download(noivu, "slow.zip", () -> {
                        started.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new ByteArrayOutputStream();
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse api = mvc.perform(get("/api/v1/backup").with(httpBasic("noivu", "demo"))
                    .header("Accept-Language", "en")).andReturn().getResponse();
            assertThat(api.getStatus()).isEqualTo(429);
            assertThat(api.getContentType()).startsWith("application/problem+json");
            assertThat(api.getHeader("Retry-After")).isEqualTo("60");
            assertThat(api.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Another backup is being downloaded");

            MockHttpServletResponse page = mvc.perform(post("/admin/backup/download").with(page("noivu"))
                    .with(csrf())).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(429);
            assertThat(page.getHeader("Content-Disposition")).isNull();
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"backup-busy\"")
                    .contains("Đang có một bản sao lưu khác được tải xuống");
            // the refused ones took nothing: only the running download is on record
            assertThat(backupRecords()).isEqualTo(before + 1);

            release.countDown();
            assertThat(slow.get(60, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        // once it is done, the next download works
        assertThat(mvc.perform(get("/api/v1/backup").with(httpBasic("noivu", "demo"))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor page(String username) {
        return user(signedIn(username));
    }

    private CurrentUser signedIn(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }

    private static byte[] endingInTheMiddleOfARow(byte[] csv) {
        int end = csv.length / 2;
        while (csv[end - 1] == '\n' || csv[end - 1] == ',') {
            end--;
        }
        return Arrays.copyOf(csv, end);
    }

    /** The CSV without its last line (the newest history row: the backup's own record, one line). */
    private static byte[] withoutTheLastRow(byte[] csv) {
        int end = csv.length - 1; // the final line break
        while (end > 0 && csv[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(csv, end);
    }

    private static long revision(Connection connection) throws Exception {
        return jdbcLong(connection, "select sum(revision) from data_revision");
    }

    private static long jdbcLong(Connection connection, String query) throws Exception {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
