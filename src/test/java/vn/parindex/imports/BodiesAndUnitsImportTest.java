package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.organisation.Bodies;
import vn.parindex.support.BodiesTest;
import vn.parindex.support.PrintedWorkbooks;
import vn.parindex.system.BodyScope;

/**
 * The province's list of bodies and a body's offices with their heads, through {@code POST /api/v1/imports}
 * ({@code kind=bodies}, {@code kind=units}) on a deployment of several bodies: the preview writes nothing, the import
 * creates; a code twice, a code in use, an unknown level or kind, 10 000 rows are refused with nothing written; each
 * head named gets an account whose first password, handed out once, must be changed before anything else. Every
 * name here is made up ("Xã Thử 1"); no real commune.
 */
@BodiesTest
class BodiesAndUnitsImportTest {

    static final String XLSX = HandoutSheet.XLSX;
    static final String NEW_PASSWORD = "một câu mật khẩu đủ dài để nhớ 2026";
    /** Codes no other test uses, new in every test. */
    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    /** A commune of this test, its code. */
    String commune;

    @BeforeEach
    void aCommuneBesideTanYen() throws Exception {
        commune = "BKX" + SERIAL.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
        mvc.perform(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + commune + "\", \"name\": \"Xã Thử " + commune + "\", \"level\": "
                        + "\"COMMUNE\"}")).andExpect(status().isCreated());
        assertThat(bodies.count()).isGreaterThan(1);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    MockMultipartHttpServletRequestBuilder upload(String query, byte[] content, String name, String kind,
            boolean dryRun) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/imports" + query)
                .file(new MockMultipartFile("file", name, name.endsWith(".csv") ? "text/csv" : XLSX, content))
                .param("kind", kind).param("dryRun", String.valueOf(dryRun));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long count(String what) {
        return BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from " + what, Long.class));
    }

    /** Everything an import might write, over every body. */
    long written() {
        return count("body") + count("unit") + count("app_user") + count("change_history");
    }

    /** The problems of a refused import as "row|column|kind" lines, having checked that nothing was written. */
    List<String> refused(String user, String query, byte[] content, String name, String kind) throws Exception {
        long before = written();
        JsonNode problem = body(mvc.perform(upload(query, content, name, kind, false).with(httpBasic(user, "demo")))
                .andExpect(status().isUnprocessableContent()));
        assertThat(written()).isEqualTo(before);
        List<String> lines = new ArrayList<>();
        problem.path("problems").forEach(p -> lines.add(p.path("row").asInt() + "|" + p.path("column").asString()
                + "|" + p.path("message").asString()));
        assertThat(lines).isNotEmpty();
        return lines;
    }

    // ---- the province's bodies ----

    @Test
    void aListOfBodiesIsPreviewedWithNothingWrittenThenImported() throws Exception {
        String a = commune + "A";
        String b = commune + "B";
        String c = commune + "C";
        byte[] file = csv("STT,Mã,Tên,Cấp\n1," + a + ",Thử Một,Xã\n2," + b.toLowerCase() + ",Thử Hai,phường\n3," + c
                + ",Sở Thử Nghiệm,sở\n");
        long before = written();
        JsonNode preview = body(mvc.perform(upload("", file, "don-vi.csv", "bodies", true)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(preview.path("dryRun").asBoolean()).isTrue();
        assertThat(preview.path("created").asInt()).isEqualTo(3);
        assertThat(preview.path("changes").valueStream().filter(ch -> ch.path("field").asString().equals("body"))
                .map(ch -> ch.path("code").asString()).toList()).containsExactly(a, b, c);
        assertThat(written()).isEqualTo(before);
        assertThat(bodies.byCode(a)).isEmpty();

        JsonNode done = body(mvc.perform(upload("", file, "don-vi.csv", "bodies", false)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(done.path("created").asInt()).isEqualTo(3);
        assertThat(bodies.byCode(a).orElseThrow().level().name()).isEqualTo("COMMUNE");
        assertThat(bodies.byCode(b).orElseThrow().level().name()).isEqualTo("WARD");
        assertThat(bodies.byCode(b).orElseThrow().name()).isEqualTo("Thử Hai");
        assertThat(bodies.byCode(c).orElseThrow().level().name()).isEqualTo("DEPARTMENT");
        // on record, as the province's
        assertThat(count("change_history where entity_type = 'BODY' and new_value = '" + a + "'")).isEqualTo(1);
    }

    @Test
    void aWorkbookWithTheHeadersPeopleWriteIsReadToo() throws Exception {
        String code = commune + "W";
        byte[] book = workbook(List.of("Mã đơn vị", "Tên đơn vị", "Cấp hành chính"),
                List.of(List.of(code, "Thử Đặc Khu", "Đặc khu")));
        mvc.perform(upload("", book, "don-vi.xlsx", "bodies", false).with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isOk());
        assertThat(bodies.byCode(code).orElseThrow().level().name()).isEqualTo("SPECIAL_ZONE");
    }

    @Test
    void aListOfBodiesWithACodeTwiceAnUnknownLevelOrACodeInUseIsRefusedWhole() throws Exception {
        String a = commune + "D";
        List<String> problems = refused("sonoivu", "", csv("ma,ten,cap\n" + a + ",Thử Một,xã\n" + a.toLowerCase()
                + ",Thử Hai,xã\n" + commune + "E,Thử Ba,tỉnh\nTAN_YEN,Thử Bốn,huyện\n" + commune + "F,Thử Năm,xã\n"),
                "a.csv", "bodies");
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("3|Mã|").contains(a).contains("dòng 2");
        assertThat(problems.get(1)).startsWith("4|Cấp|").contains("'tỉnh'");
        assertThat(problems.get(2)).startsWith("5|Mã|").contains("TAN_YEN");
        // the good rows were not created either
        assertThat(bodies.byCode(commune + "F")).isEmpty();
        // a code that cannot be a body's, a missing name
        assertThat(refused("sonoivu", "", csv("ma,ten,cap\nxã thử,Thử,xã\n" + commune + "G,,xã\n"), "a.csv",
                "bodies")).extracting(p -> p.substring(0, p.indexOf('|', 2) + 1)).containsExactly("2|Mã|", "3|Tên|");
    }

    @Test
    void aListOfTenThousandRowsIsRefusedWithNothingWritten() throws Exception {
        StringBuilder big = new StringBuilder("ma,ten,cap\n");
        for (int i = 0; i < 10_000; i++) {
            big.append(commune).append("R").append(i).append(",Xã Thử ").append(i).append(",xã\n");
        }
        List<String> problems = refused("sonoivu", "", csv(big.toString()), "lon.csv", "bodies");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("1|-|").contains("10000").contains("2000");
        assertThat(bodies.byCode(commune + "R0")).isEmpty();
    }

    @Test
    void onlyTheProvinceImportsBodies() throws Exception {
        long before = written();
        byte[] file = csv("ma,ten,cap\n" + commune + "P,Thử,xã\n");
        for (String person : List.of("noivu", "tuphap", "lanhdao")) {
            mvc.perform(upload("", file, "a.csv", "bodies", false).with(httpBasic(person, "demo")))
                    .andExpect(status().isForbidden());
        }
        assertThat(written()).isEqualTo(before);
        assertThat(bodies.byCode(commune + "P")).isEmpty();
    }

    // ---- a body's offices and heads ----

    static final String UNITS = "ma,ten,loai,nguoi_dung_dau,email\n"
            + "VP,Văn phòng HĐND và UBND,văn phòng,Nguyễn Văn Thử,thu@example.invalid\n"
            + "KT,Phòng Kinh tế,Phòng,Trần Thị Mẫu,\n"
            + "TT,Trung tâm Thử nghiệm,cơ quan chuyên môn,,\n";

    long bodyId() {
        return bodies.byCode(commune).orElseThrow().id();
    }

    long unitsOfTheCommune() {
        return BodyScope.call(bodyId(), () -> jdbc.queryForObject("select count(*) from unit", Long.class));
    }

    @Test
    void theProvinceImportsABodysUnitsWithTheirHeadsAccounts() throws Exception {
        String query = "?body=" + commune;
        long before = written();
        JsonNode preview = body(mvc.perform(upload(query, csv(UNITS), "phong.csv", "units", true)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(preview.path("created").asInt()).isEqualTo(3);
        String vp = (commune + ".vp").toLowerCase();
        String kt = (commune + ".kt").toLowerCase();
        assertThat(preview.path("changes").valueStream().filter(c -> c.path("field").asString().equals("account"))
                .map(c -> c.path("code").asString() + " " + c.path("newValue").asString()))
                .containsExactly("VP " + vp + " (Nguyễn Văn Thử)", "KT " + kt + " (Trần Thị Mẫu)");
        assertThat(preview.path("accounts")).isEmpty();
        assertThat(written()).isEqualTo(before);

        JsonNode done = body(mvc.perform(upload(query, csv(UNITS), "phong.csv", "units", false)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(done.path("accounts").valueStream().map(a -> a.path("username").asString()))
                .containsExactly(vp, kt);
        String firstPassword = done.path("accounts").get(0).path("firstPassword").asString();
        assertThat(firstPassword).hasSize(19);
        // the units, each with its kind, in the commune only
        JsonNode units = body(mvc.perform(get("/api/v1/units" + query).with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isOk()));
        assertThat(units.valueStream().map(u -> u.path("code").asString() + " " + u.path("kind").asString()))
                .containsExactly("VP OFFICE", "KT OFFICE", "TT OFFICE");
        assertThat(unitsOfTheCommune()).isEqualTo(3);
        // the accounts: unit heads of the commune, the first password only as a hash, to be changed
        Map<String, Object> account = BodyScope.callAll(() -> jdbc.queryForMap("select u.role, u.body_id, "
                + "u.password_hash, u.password_change_required, u.email, n.code from app_user u join unit n "
                + "on n.id = u.unit_id where u.username = ?", vp));
        assertThat(account.get("role")).isEqualTo("UNIT_HEAD");
        assertThat(((Number) account.get("body_id")).longValue()).isEqualTo(bodyId());
        assertThat(account.get("code")).isEqualTo("VP");
        assertThat(account.get("email")).isEqualTo("thu@example.invalid");
        assertThat(account.get("password_change_required")).isEqualTo(true);
        assertThat((String) account.get("password_hash")).doesNotContain(firstPassword);
        // the API answers the head: change the password first (signed in: the password is right)
        JsonNode problem = body(mvc.perform(get("/api/v1/units").with(httpBasic(vp, firstPassword)))
                .andExpect(status().isForbidden()));
        assertThat(problem.path("detail").asString()).contains("/account/password");
        mvc.perform(get("/api/v1/units").with(httpBasic(vp, "sai mật khẩu rồi"))).andExpect(status().isUnauthorized());

        // the same list again: nothing new, the heads keep their accounts
        JsonNode again = body(mvc.perform(upload(query, csv(UNITS), "phong.csv", "units", false)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("changes")).isEmpty();
        assertThat(again.path("accounts")).isEmpty();
        assertThat(unitsOfTheCommune()).isEqualTo(3);
    }

    @Test
    void aFirstPasswordOpensOnlyThePasswordPageUntilChanged() throws Exception {
        String query = "?body=" + commune;
        JsonNode done = body(mvc.perform(upload(query, csv(UNITS), "phong.csv", "units", false)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        String username = done.path("accounts").get(1).path("username").asString();
        String first = done.path("accounts").get(1).path("firstPassword").asString();
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(first))
                .andExpect(redirectedUrl("/account/password")).andReturn().getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/todo").session(session)).andExpect(redirectedUrl("/account/password"));
        String page = mvc.perform(get("/account/password").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"first-password\"");

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", first)
                .param("newPassword", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/account/password"));
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select password_change_required from app_user "
                + "where username = ?", Boolean.class, username))).isFalse();
        // the same session works as usual now, and so does the API with the new password
        mvc.perform(get("/todo").session(session)).andExpect(status().isOk());
        String after = mvc.perform(get("/account/password").session(session)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("id=\"first-password\"");
        mvc.perform(get("/api/v1/units").with(httpBasic(username, NEW_PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/units").with(httpBasic(username, first))).andExpect(status().isUnauthorized());
    }

    @Test
    void theHandOutSheetNamesEachHeadsUserNameAndFirstPassword() throws Exception {
        byte[] sheet = mvc.perform(upload("?body=" + commune, csv(UNITS), "phong.csv", "units", false)
                .header("Accept", XLSX + ", application/json").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet s = book.getSheetAt(0);
            PrintedWorkbooks.assertPrintsOnA4Landscape(s, HandoutSheet.HEADER_ROW);
            List<String> header = new ArrayList<>();
            s.getRow(HandoutSheet.HEADER_ROW).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(HandoutSheet.HEADERS);
            assertThat(s.getLastRowNum()).isEqualTo(HandoutSheet.HEADER_ROW + 2);
            Row vp = s.getRow(HandoutSheet.HEADER_ROW + 1);
            assertThat(vp.getCell(1).getStringCellValue()).isEqualTo("Xã Thử " + commune);
            assertThat(vp.getCell(2).getStringCellValue()).isEqualTo("VP");
            assertThat(vp.getCell(3).getStringCellValue()).isEqualTo("Văn phòng HĐND và UBND");
            assertThat(vp.getCell(4).getStringCellValue()).isEqualTo("Nguyễn Văn Thử");
            String username = vp.getCell(5).getStringCellValue();
            assertThat(username).isEqualTo((commune + ".vp").toLowerCase());
            String first = vp.getCell(6).getStringCellValue();
            // the password on the sheet is the account's: it signs in (and is asked to be changed)
            mvc.perform(get("/api/v1/units").with(httpBasic(username, first))).andExpect(status().isForbidden());
            assertThat(s.getRow(HandoutSheet.HEADER_ROW + 2).getCell(4).getStringCellValue())
                    .isEqualTo("Trần Thị Mẫu");
        }
    }

    @Test
    void onThePageTheHandOutSheetIsDownloadedOnceAfterTheImport() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("sonoivu").password("demo"))
                .andReturn().getRequest().getSession();
        String form = mvc.perform(get("/admin/imports?body=" + commune).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("value=\"bodies\"", "value=\"units\"");
        // its forms name the body the page was rendered for: what they send goes there, whatever the session chose
        assertThat(form).contains("?body=" + commune);
        String preview = mvc.perform(multipart("/admin/imports").queryParam("body", commune).file(new MockMultipartFile("file", "phong.csv",
                "text/csv", csv(UNITS))).param("kind", "units").session(session).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("id=\"import-preview\"", (commune + ".vp").toLowerCase());
        assertThat(unitsOfTheCommune()).isZero();
        // nothing to hand out before the import itself
        mvc.perform(get("/admin/imports/handout.xlsx").session(session)).andExpect(status().isNotFound());
        jakarta.servlet.http.Cookie key = mvc.perform(post("/admin/imports/confirm").queryParam("body", commune)
                        .session(session).with(csrf()))
                .andExpect(redirectedUrl("/admin/imports")).andReturn().getResponse().getCookie("PARINDEX_HANDOUT");
        assertThat(unitsOfTheCommune()).isEqualTo(3);
        // the sheet waits in the session store (a row of the database) sealed, its key only in the browser's cookie,
        // sent to the download alone
        assertThat(key).isNotNull();
        assertThat(key.isHttpOnly()).isTrue();
        assertThat(key.getPath()).isEqualTo("/admin/imports/handout.xlsx");
        assertThat(jdbc.queryForList("select attribute_bytes from runtime.spring_session_attributes", byte[].class))
                .noneMatch(bytes -> java.util.HexFormat.of().formatHex(bytes).contains("504b0304"));
        byte[] sheet = mvc.perform(get("/admin/imports/handout.xlsx").session(session).cookie(key))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            assertThat(book.getSheetAt(0).getRow(HandoutSheet.HEADER_ROW + 1).getCell(5).getStringCellValue())
                    .isEqualTo((commune + ".vp").toLowerCase());
        }
        // once only: the first passwords are gone from the session
        mvc.perform(get("/admin/imports/handout.xlsx").session(session).cookie(key))
                .andExpect(status().isNotFound());
        // a body's Home Affairs is not offered the province's list of bodies
        MockHttpSession homeAffairs = (MockHttpSession) mvc.perform(formLogin("/login").user("noivu")
                .password("demo")).andReturn().getRequest().getSession();
        String own = mvc.perform(get("/admin/imports").session(homeAffairs)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("value=\"units\"").doesNotContain("value=\"bodies\"");
    }

    @Test
    void userNamesAreTheDeploymentsEvenWhereABodyCannotSeeTheOther() throws Exception {
        // an account of Tân Yên already has the name the commune's VP head would get
        String taken = (commune + ".vp").toLowerCase();
        String hash = BodyScope.callAll(() -> jdbc.queryForObject("select password_hash from app_user where "
                + "username = 'lanhdao'", String.class));
        BodyScope.run(1L, () -> jdbc.update("insert into app_user (username, display_name, password_hash, role) "
                + "values (?, 'Thử trùng tên', ?, 'LEADER')", taken, hash));
        JsonNode done = body(mvc.perform(upload("?body=" + commune, csv(UNITS), "phong.csv", "units", false)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(done.path("accounts").get(0).path("username").asString()).isEqualTo(taken + "-2");
    }

    @Test
    void aListOfUnitsWithACodeTwiceAnUnknownKindACodeInUseOrTooManyRowsIsRefusedWhole() throws Exception {
        String query = "?body=" + commune;
        mvc.perform(upload(query, csv("ma,ten,loai\nVP,Văn phòng HĐND và UBND,văn phòng\n"), "a.csv", "units",
                false).with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk());
        List<String> problems = refused("sonoivu", query, csv("Mã,Tên,Loại,Người đứng đầu,Email\n"
                + "KT,Phòng Kinh tế,phòng,Thử Một,\n"
                + "kt,Phòng Kinh tế 2,phòng,,\n"
                + "HTX,Hợp tác xã Thử,hợp tác xã,,\n"
                + "VP,Văn phòng khác,phòng,,\n"
                + "VH,Phòng Văn hóa,phòng,Thử Hai,không-phải-email\n"), "b.csv", "units");
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf('|', 2) + 1))
                .containsExactly("3|Mã|", "4|Loại|", "5|Mã|", "6|Email|");
        assertThat(problems.get(1)).contains("'hợp tác xã'");
        assertThat(problems.get(2)).contains("Văn phòng HĐND và UBND");
        StringBuilder big = new StringBuilder("ma,ten\n");
        for (int i = 0; i < 10_000; i++) {
            big.append("P").append(i).append(",Phòng Thử ").append(i).append('\n');
        }
        assertThat(refused("sonoivu", query, csv(big.toString()), "lon.csv", "units")).hasSize(1);
        assertThat(unitsOfTheCommune()).isEqualTo(1);
    }

    @Test
    void aBodysImportByTheProvinceNeedsTheBody() throws Exception {
        long before = written();
        JsonNode problem = body(mvc.perform(upload("", csv(UNITS), "phong.csv", "units", true)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isBadRequest()));
        assertThat(problem.path("errors").toString()).contains("\"field\":\"body\"");
        mvc.perform(upload("", csv("stt,ten,diem_toi_da\n1,A,10\n"), "a.csv", "framework", true).param("year", "2031")
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isBadRequest());
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void theUnitsListIsTheAskersBody() throws Exception {
        JsonNode tanYen = body(mvc.perform(get("/api/v1/units").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk()));
        assertThat(tanYen.valueStream().map(u -> u.path("code").asString())).contains("TUPHAP", "VHTT");
        assertThat(tanYen.valueStream().filter(u -> u.path("code").asString().equals("TUPHAP"))
                .map(u -> u.path("kind").asString())).containsExactly("DISTRICT_OFFICE");
        JsonNode commune = body(mvc.perform(get("/api/v1/units?body=" + this.commune)
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk()));
        assertThat(commune).isEmpty();
        // a body's people cannot ask for another body's
        mvc.perform(get("/api/v1/units?body=" + this.commune).with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound());
    }

    static byte[] workbook(List<String> header, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
