package vn.parindex.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.parindex.audit.Actor;
import vn.parindex.database.RowSecurityCheck;
import vn.parindex.organisation.Bodies;
import vn.parindex.support.BodiesTest;
import vn.parindex.system.BodyScope;
import vn.parindex.system.ConflictException;

/**
 * A body's data moved between deployments: Tân Yên's (the seeded plan, an evidence file, its history) exported by
 * the province and imported as a new body, under another code, with every id renumbered and every row's references
 * kept within the new body; and the files and requests that must change nothing.
 */
@BodiesTest
class BodyTransferTest {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    DataSource dataSource;

    @Autowired
    BackupSigning signing;

    @Autowired
    Environment environment;

    @Autowired
    ObjectProvider<RowSecurityCheck> rowSecurity;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    @TempDir
    Path temp;

    long tanYen;

    @BeforeEach
    void tanYenHasEvidence() throws Exception {
        tanYen = bodies.byCode("TAN_YEN").orElseThrow().id();
        if (count("evidence where body_id = " + tanYen) == 0) {
            mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.3/evidence")
                    .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
                            "%PDF-1.4\nTân Yên\n".getBytes(StandardCharsets.UTF_8)))
                    .with(httpBasic("tuphap", "demo"))).andExpect(status().isCreated());
        }
    }

    private byte[] export(String code, String user) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/bodies/" + code + "/export").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("parindex-body-" + code + "-");
        return result.getResponse().getContentAsByteArray();
    }

    private org.springframework.test.web.servlet.ResultActions importFile(byte[] file, String query)
            throws Exception {
        return mvc.perform(post("/api/v1/bodies/import" + query).with(httpBasic("sonoivu", "demo"))
                .contentType(ZIP).content(file));
    }

    @Test
    void tanYenExportedAndImportedUnderAnotherCodeIsTanYenRowForRow() throws Exception {
        byte[] file = export("TAN_YEN", "sonoivu");
        long history = count("change_history where body_id = " + tanYen);
        Map<String, Long> before = rowsPerTable(tanYen);

        importFile(file, "?code=ty_moi&prefixAccounts=true")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("TY_MOI"))
                .andExpect(jsonPath("$.name").value("Tân Yên"))
                .andExpect(jsonPath("$.level").value("DISTRICT"))
                .andExpect(jsonPath("$.renamedAccounts.noivu").value("ty_moi.noivu"))
                .andExpect(jsonPath("$.provinceAccountsAdded").isEmpty())
                // the province's account that took the export is on the body's record: this deployment's own
                .andExpect(jsonPath("$.provinceAccountsReused[0]").value("sonoivu"));
        long moved = bodies.byCode("TY_MOI").orElseThrow().id();

        // every table of a body's data, row for row; the history with the import on record besides
        Map<String, Long> after = rowsPerTable(moved);
        assertThat(after.keySet()).containsAll(List.of("unit", "criterion", "assessment", "evidence", "task",
                "task_update", "report_input", "app_user"));
        for (Map.Entry<String, Long> table : before.entrySet()) {
            long expected = table.getKey().equals("change_history") ? history + 1 : table.getValue();
            assertThat(after.get(table.getKey())).as(table.getKey()).isEqualTo(expected);
        }
        assertThat(after.get("criterion")).isGreaterThan(40);
        // no row of the new body names a row of another body (the province's accounts aside)
        try (Connection connection = dataSource.getConnection()) {
            var identities = SchemaCatalog.identities(connection);
            var idColumns = SchemaCatalog.idColumns(connection, identities);
            List<String> astray = new ArrayList<>();
            idColumns.forEach((table, columns) -> columns.forEach((column, domain) -> {
                if (!before.containsKey(table) || !before.containsKey(domain) && !domain.equals("body")) {
                    return;
                }
                String owner = domain.equals("body") ? "p.id" : "p.body_id";
                long wrong = count(table + " c join " + domain + " p on p.id = c." + column + " where c.body_id = "
                        + moved + " and " + owner + " is distinct from " + moved
                        + (domain.equals("app_user") ? " and p.body_id is not null" : ""));
                if (wrong > 0) {
                    astray.add(table + "." + column + ": " + wrong);
                }
            }));
            assertThat(astray).isEmpty();
        }
        // the history's entities are the new body's rows
        Map<String, String> entities = Map.of("TASK", "task", "ASSESSMENT", "assessment", "CRITERION", "criterion",
                "ASSIGNMENT", "criterion", "EVIDENCE", "evidence", "UNIT", "unit", "USER", "app_user", "BODY", "body",
                "CYCLE", "cycle", "REPORT_INPUT", "report_input");
        for (var type : entities.entrySet()) {
            String owner = type.getValue().equals("body") ? "t.id" : "t.body_id";
            assertThat(count("change_history h where h.body_id = " + moved + " and h.entity_type = '" + type.getKey()
                    + "' and h.entity_id <> 0 and not exists (select 1 from " + type.getValue() + " t where t.id = "
                    + "h.entity_id and " + owner + " = " + moved + ")")).as(type.getKey()).isZero();
        }
        assertThat(count("change_history where body_id = " + moved + " and entity_type = 'TASK'")).isGreaterThan(30);
        // the evidence's files, byte for byte
        String files = "select file_name || sha256 || encode(sha256(content), 'hex') from evidence where body_id = ";
        assertThat(BodyScope.callAll(() -> jdbc.queryForList(files + moved + " order by 1", String.class)))
                .isEqualTo(BodyScope.callAll(() -> jdbc.queryForList(files + tanYen + " order by 1", String.class)))
                .isNotEmpty();
        // the same plan, the same figures: the appendix and the dashboard of both
        for (String address : List.of("/api/v1/cycles/2023/appendix.csv", "/api/v1/cycles/2023/dashboard")) {
            assertThat(mvc.perform(get(address).queryParam("body", "TY_MOI").with(httpBasic("sonoivu", "demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .as(address)
                    .isEqualTo(mvc.perform(get(address).queryParam("body", "TAN_YEN")
                            .with(httpBasic("sonoivu", "demo"))).andReturn().getResponse().getContentAsString());
        }
        assertThat(mvc.perform(get("/api/v1/cycles/2023/appendix.csv").queryParam("body", "TY_MOI")
                .with(httpBasic("sonoivu", "demo"))).andReturn().getResponse().getContentAsString())
                .contains("84,0256");
        // its people sign in with their own passwords, under their new names, and see their body only
        mvc.perform(get("/api/v1/bodies").with(httpBasic("ty_moi.noivu", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("TY_MOI"));
        mvc.perform(get("/api/v1/bodies").with(httpBasic("ty_moi.tuphap", "demo"))).andExpect(status().isOk());
        // on record: the province's and the body's own history
        assertThat(count("change_history where entity_type = 'BODY' and entity_id = " + moved
                + " and new_value = 'IMPORTED' and username = 'sonoivu'")).isEqualTo(2);
    }

    @Test
    void aCodeOrUserNamesInUseAreRefusedWithNothingWritten() throws Exception {
        byte[] file = export("TAN_YEN", "sonoivu");
        long bodiesBefore = count("body");
        long accounts = count("app_user");
        importFile(file, "").andExpect(status().isConflict());
        importFile(file, "?code=TY_HAI")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.pending").value(org.hamcrest.Matchers.hasItems("noivu", "tuphap")));
        importFile(file, "?code=bad%20code").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        assertThat(count("body")).isEqualTo(bodiesBefore);
        assertThat(count("app_user")).isEqualTo(accounts);
        assertThat(bodies.byCode("TY_HAI")).isEmpty();
    }

    @Test
    void filesThatAreNotOneBodysSignedExportAreRefusedWithNothingWritten() throws Exception {
        byte[] file = export("TAN_YEN", "sonoivu");
        long rows = count("criterion") + count("app_user") + count("body");
        List<Map.Entry<String, byte[]>> bad = new ArrayList<>();
        bad.add(Map.entry("damaged", new byte[0]));
        bad.add(Map.entry("damaged", "not a zip at all".getBytes(StandardCharsets.UTF_8)));
        bad.add(Map.entry("damaged", Arrays.copyOf(file, file.length / 2)));
        // signed with another deployment's key, which this one does not trust
        Path other = temp.resolve("other.zip");
        BackupSigning otherKey = new BackupSigning((Path) null, false);
        try (OutputStream out = Files.newOutputStream(other)) {
            BodyScope.run(tanYen, () -> write(new BackupWriter(dataSource, otherKey, environment), out));
        }
        bad.add(Map.entry("signature", Files.readAllBytes(other)));
        // the deployment's whole backup: several bodies
        Path whole = temp.resolve("whole.zip");
        try (OutputStream out = Files.newOutputStream(whole)) {
            try (BodyScope.Entered all = BodyScope.enter(BodyScope.Scope.ALL)) {
                write(new BackupWriter(dataSource, signing, environment), out);
            }
        }
        bad.add(Map.entry("bodies", Files.readAllBytes(whole)));
        // another version's file, signed as this deployment signs
        Path mine = temp.resolve("mine.zip");
        Files.write(mine, file);
        bad.add(Map.entry("version", Files.readAllBytes(resign(mine, temp.resolve("older.zip"), BackupManifest.ENTRY,
                bytes -> new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"schemaVersion\" : \"[^\"]+\"",
                        "\"schemaVersion\" : \"16.3\"").getBytes(StandardCharsets.UTF_8)))));
        // a history naming an entity this version does not know
        bad.add(Map.entry("version", changed(mine, "tables/change_history.csv", ",TASK,", ",SOMETHING_NEW,")));
        // rows that are not the body's own: the body's row under another id than its rows name
        bad.add(Map.entry("bodies", changed(mine, "tables/body.csv", "\n" + tanYen + ",TAN_YEN,", "\n999,TAN_YEN,")));
        // a code no body can have (without ?code=), a row breaking a rule of the schema
        bad.add(Map.entry("damaged", changed(mine, "tables/unit.csv", ",DISTRICT_OFFICE,", ",NO_KIND,")));
        bad.add(Map.entry("damaged", changed(mine, "tables/criterion.csv", ",SELF_ASSESSMENT,",
                ",SELF_ASSESSMENT_AND_MORE,")));
        for (Map.Entry<String, byte[]> each : bad) {
            importFile(each.getValue(), "?code=TY_XAU&prefixAccounts=true")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.reason").value(each.getKey()));
        }
        importFile(changed(mine, "tables/body.csv", ",TAN_YEN,", ",tan yen,"), "?prefixAccounts=true")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("damaged"));
        assertThat(count("criterion") + count("app_user") + count("body")).isEqualTo(rows);

        // the other deployment's key, once trusted, lets its file in
        Path keyFile = temp.resolve("other.key");
        Files.writeString(keyFile, otherKey.encodedKey());
        BodyImport trusting = new BodyImport(dataSource, new BackupSigning(null, false, List.of(keyFile)),
                rowSecurity);
        BodyImport.Result result = BodyScope.callAll(() -> {
            try {
                return trusting.importBody(other, new Actor(null, "system"), true, "TY_TIN");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(result.code()).isEqualTo("TY_TIN");
        assertThat(count("criterion where body_id = " + result.bodyId()))
                .isEqualTo(count("criterion where body_id = " + tanYen));
        // and a key file that cannot be read stops the start with its name
        assertThatThrownBy(() -> new BackupSigning(null, false, List.of(temp.resolve("missing.key"))))
                .hasMessageContaining("missing.key");
    }

    @Test
    void onlyTheProvinceImportsAndOnlyHomeAffairsExportTheirOwn() throws Exception {
        byte[] file = export("TAN_YEN", "noivu"); // a body's Home Affairs: their own body
        for (String user : List.of("noivu", "tuphap", "lanhdao")) {
            mvc.perform(post("/api/v1/bodies/import?code=TY_CAM").with(httpBasic(user, "demo")).contentType(ZIP)
                    .content(file)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/bodies/TAN_YEN/export").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/bodies/NO_SUCH/export").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isNotFound());
        // another body's data is not found for a body's people
        if (bodies.byCode("XA_KHAC").isEmpty()) {
            mvc.perform(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\": \"XA_KHAC\", \"name\": \"Khác\", \"level\": \"COMMUNE\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/bodies/XA_KHAC/export").with(httpBasic("noivu", "demo")))
                .andExpect(status().isNotFound());
        // not a file: 415; a file larger than a JSON body may be (1 MB) still reaches the import
        mvc.perform(post("/api/v1/bodies/import").with(httpBasic("sonoivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnsupportedMediaType());
        byte[] large = new byte[2 * 1024 * 1024];
        importFile(large, "?code=TY_LON").andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(large)).andExpect(status().isPayloadTooLarge());
        assertThat(bodies.byCode("TY_CAM")).isEmpty();
        assertThat(bodies.byCode("TY_LON")).isEmpty();
    }

    @Test
    void aCommunesPagesNameItsPeersAtItsLevel() throws Exception {
        // Tân Yên's data as a commune's: the ranking page and the overview name the communes and wards it is
        // ranked among, where Tân Yên's name the districts
        if (bodies.byCode("XA_CUNG").isEmpty()) {
            Path mine = temp.resolve("commune.zip");
            Files.write(mine, export("TAN_YEN", "sonoivu"));
            importFile(changed(mine, "tables/body.csv", ",DISTRICT,", ",COMMUNE,"), "?code=XA_CUNG&prefixAccounts=true")
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("COMMUNE"));
        }
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        for (String level : List.of("COMMUNE", "DISTRICT")) {
            String code = level.equals("COMMUNE") ? "XA_CUNG" : "TAN_YEN";
            String peers = messages.getMessage("body.peers." + level, null, vi);
            org.jsoup.nodes.Document ranking = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                    "/cycles/2023/ranking?body=" + code);
            assertThat(ranking.selectFirst("h1").text()).as(code)
                    .isEqualTo(messages.getMessage("ranking.title", new Object[] {2022, peers}, vi));
            assertThat(ranking.select("#peers th").first().text()).as(code)
                    .isEqualTo(messages.getMessage("body.peerHeading." + level, null, vi));
            org.jsoup.nodes.Document overview = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                    "/?year=2023&body=" + code);
            assertThat(overview.getElementById("whatif").attr("data-label-none")).as(code)
                    .isEqualTo(messages.getMessage("whatif.noRanking", new Object[] {peers}, vi));
        }
    }

    @Test
    void aBodysExportHoldsNoOtherBodysRowsNorTheProvincesSecrets() throws Exception {
        Path file = temp.resolve("export.zip");
        Files.write(file, export("TAN_YEN", "sonoivu"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            signing.verifyImport(zip);
            String body = entry(zip, "tables/body.csv");
            assertThat(body.lines().count()).isEqualTo(2); // the header and Tân Yên
            assertThat(body).contains("TAN_YEN");
            // the province's accounts without their password (and disabled), the body's with theirs
            List<String> province = entry(zip, "tables/app_user.csv").lines().filter(l -> l.contains(",PROVINCE,"))
                    .toList();
            assertThat(province).isNotEmpty().allMatch(line -> line.contains(",{bcrypt}-,PROVINCE,,f,"));
            for (String table : List.of("unit", "criterion", "change_history")) {
                var records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().get()
                        .parse(new java.io.StringReader(entry(zip, "tables/" + table + ".csv"))).getRecords();
                assertThat(records).as(table).isNotEmpty()
                        .allMatch(row -> row.get("body_id").equals(String.valueOf(tanYen)));
            }
        }
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(BackupWriter writer, OutputStream out) {
        try {
            writer.write(out);
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a copy of {@code source} whose entry {@code name} has {@code from} once as {@code to}, signed. */
    private byte[] changed(Path source, String name, String from, String to) throws IOException {
        String[] found = {null};
        Path target = resign(source, temp.resolve("changed-" + System.nanoTime() + ".zip"), name, bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            found[0] = text.contains(from) ? from : null;
            return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                    .getBytes(StandardCharsets.UTF_8);
        });
        assertThat(found[0]).as(name + " holds " + from).isNotNull();
        return Files.readAllBytes(target);
    }

    /** A copy of {@code source} with one entry changed, signed again with this deployment's key. */
    private Path resign(Path source, Path target, String name, UnaryOperator<byte[]> change) throws IOException {
        BackupSigning.Signer signer = signing.signer();
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(BackupSigning.ENTRY)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(name)) {
                    bytes = change.apply(bytes);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                signer.entry(entry.getName());
                signer.update(bytes, 0, bytes.length);
                signer.endEntry();
                out.write(bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(BackupSigning.ENTRY));
            out.write(signer.signature());
            out.closeEntry();
        }
        return target;
    }

    /** Rows per table of a body's data (the tables with a body_id). */
    private Map<String, Long> rowsPerTable(long body) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : jdbc.queryForList("select c.relname from pg_class c join pg_namespace n on "
                + "n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid and a.attname = 'body_id' "
                + "where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'data_revision'", String.class)) {
            rows.put(table, count(table + " where body_id = " + body));
        }
        return rows;
    }

    private long count(String from) {
        return BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from " + from, Long.class));
    }
}
