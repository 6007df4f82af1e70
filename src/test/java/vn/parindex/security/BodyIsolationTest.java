package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import vn.parindex.organisation.Bodies;
import vn.parindex.support.BodiesTest;
import vn.parindex.system.BodyScope;

/**
 * Two bodies on one deployment: Tân Yên (the seeded plan) and a commune added through the API, with its own Home
 * Affairs, a head of an office whose code is also one of Tân Yên's (TUPHAP), and a leader. The authorization
 * matrix's every page and endpoint, asked by the commune's people and by the province's account working on the
 * commune, gives nothing of Tân Yên's: no figure, name or document, and no write reaches it.
 */
@BodiesTest
class BodyIsolationTest {

    static final String COMMUNE = "XA_THU";
    static final List<String> COMMUNE_PEOPLE = List.of("noivu2", "tuphap2", "lanhdao2");

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    long commune;

    @BeforeEach
    void aCommuneWithItsPeople() throws Exception {
        if (bodies.byCode(COMMUNE).isEmpty()) {
            mvc.perform(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"code\": \"xa_thu\", \"name\": \"Thử Nghiệm\", \"level\": \"commune\"}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.code").value(COMMUNE))
                    .andExpect(jsonPath("$.level").value("COMMUNE"));
        }
        commune = bodies.byCode(COMMUNE).orElseThrow().id();
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'noivu'", String.class);
        BodyScope.run(commune, () -> {
            jdbc.update("insert into unit (code, name, kind) values ('TUPHAP', 'Công chức Tư pháp – Hộ tịch xã', "
                    + "'OFFICE') on conflict (body_id, code) do nothing");
            Long unit = jdbc.queryForObject("select id from unit where code = 'TUPHAP'", Long.class);
            Object[][] people = {{"noivu2", "ADMIN", null}, {"tuphap2", "UNIT_HEAD", unit}, {"lanhdao2", "LEADER", null}};
            for (Object[] p : people) {
                jdbc.update("insert into app_user (username, display_name, password_hash, role, unit_id) "
                        + "values (?, ?, ?, ?, ?) on conflict (username) do nothing", p[0], p[0], hash, p[1], p[2]);
            }
        });
    }

    /** What only Tân Yên's data holds: its offices' and criteria's names, its unit codes' owners. */
    List<String> tanYenMarkers() {
        List<String> markers = new ArrayList<>(jdbc.queryForList(
                "select name from unit where code in ('TUPHAP', 'VHTT', 'NOIVU')", String.class));
        markers.addAll(jdbc.queryForList("select c.name from criterion c join cycle y on y.id = c.cycle_id "
                + "where y.year = 2023 and c.level = 1", String.class));
        markers.add("Tân Yên");
        // what every body's pages print anyway (a role's name: "Phòng Nội vụ – quản trị") is no one's data
        String bundles;
        try (var in = getClass().getResourceAsStream("/messages_vi.properties")) {
            bundles = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        markers.removeIf(bundles::contains);
        assertThat(markers).hasSizeGreaterThan(8).contains("Tân Yên");
        return markers;
    }

    @Test
    void theMatrixAskedByTheCommunesPeopleGivesNothingOfTanYen() throws Exception {
        AuthorizationMatrixTest matrix = new AuthorizationMatrixTest();
        matrix.mvc = mvc;
        matrix.users = users;
        matrix.jdbc = jdbc;
        matrix.someEvidenceExists();
        List<String> markers = tanYenMarkers();
        long history = count("change_history where entity_type <> 'BACKUP'");
        long assessments = count("assessment");
        long evidence = count("evidence");
        long taskUpdates = count("task_update");
        long inputs = count("report_input");
        List<String> wrong = new ArrayList<>();
        List<String> people = new ArrayList<>(COMMUNE_PEOPLE);
        people.add("sonoivu");
        for (AuthorizationMatrixTest.Endpoint endpoint : matrix.endpoints()) {
            for (String person : people) {
                AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().get();
                if (!endpoint.api()) {
                    request.with(csrf());
                }
                if (person.equals("sonoivu")) {
                    request.queryParam("body", COMMUNE); // the province's account, working on the commune
                }
                request.with(endpoint.api() ? httpBasic(person, "demo") : user(matrix.account(person)));
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                if (person.equals("sonoivu") && (endpoint.name().equals("province page")
                        || endpoint.name().equals("api bodies") || endpoint.name().equals("api export a body")) || endpoint.name().startsWith("api description")) {
                    continue; // the province's own list (every body by name, by design), any body's export; the API's description
                }
                String problem = leak(endpoint, response, markers);
                if (problem != null) {
                    wrong.add(endpoint.name() + " as " + person + ": " + response.getStatus() + " " + problem);
                }
            }
        }
        assertThat(wrong).isEmpty();
        // no write of theirs reached Tân Yên
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(count("task_update")).isEqualTo(taskUpdates);
        assertThat(count("report_input")).isEqualTo(inputs);
        assertThat(count("change_history where entity_type <> 'BACKUP'")).isEqualTo(history);
    }

    /** What in the answer would be Tân Yên's: a document or file at all, or a page or JSON naming its data. */
    private static String leak(AuthorizationMatrixTest.Endpoint endpoint, MockHttpServletResponse response,
            List<String> markers) throws Exception {
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            return null;
        }
        String type = response.getContentType() == null ? "" : response.getContentType();
        if (type.startsWith("application/zip")) {
            return zipLeak(response.getContentAsByteArray(), markers);
        }
        if (!type.startsWith("text/") && !type.startsWith("application/json")
                && !type.startsWith("application/problem+json")) {
            return "a " + type + " answered (the commune has no such year or document)";
        }
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String marker : markers) {
            if (text.contains(marker)) {
                return "shows \"" + marker + "\"";
            }
        }
        return null;
    }

    /** A body's backup: its own rows only, so no entry names anything of Tân Yên's. */
    private static String zipLeak(byte[] zip, List<String> markers) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String marker : markers) {
                    if (text.contains(marker)) {
                        return entry.getName() + " holds \"" + marker + "\"";
                    }
                }
            }
        }
        return null;
    }

    @Test
    void idsAndCodesOfTanYenAreNotFoundForTheCommune() throws Exception {
        long evidence = jdbc.queryForObject("select max(id) from evidence", Long.class) == null ? -1
                : jdbc.queryForObject("select max(id) from evidence", Long.class);
        long task = jdbc.queryForObject("select min(id) from task", Long.class);
        long account = jdbc.queryForObject("select id from app_user where username = 'vhtt'", Long.class);
        long unit = jdbc.queryForObject("select id from unit where code = 'VHTT'", Long.class);
        for (String address : List.of("/tasks/" + task, "/admin/users/" + account, "/cycles/2023/criteria/2.2",
                "/api/v1/cycles/2023/criteria", "/api/v1/cycles/2023/tasks")) {
            mvc.perform(get(address).with(address.startsWith("/api/") ? httpBasic("noivu2", "demo")
                    : user(account("noivu2")))).andExpect(status().isNotFound());
        }
        if (evidence > 0) {
            mvc.perform(get("/evidence/" + evidence).with(user(account("noivu2"))))
                    .andExpect(status().isNotFound());
        }
        // a unit's form addressed by Tân Yên's id: 404, and the name stays
        String name = jdbc.queryForObject("select name from unit where id = ?", String.class, unit);
        mvc.perform(post("/admin/units/" + unit).with(csrf()).with(user(account("noivu2")))
                .param("name", "Đổi tên").param("active", "true").param("version", "0"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForObject("select name from unit where id = ?", String.class, unit)).isEqualTo(name);
    }

    @Test
    void aBodysPeopleNamingAnotherBodyGet404() throws Exception {
        mvc.perform(get("/api/v1/cycles").queryParam("body", "TAN_YEN").with(httpBasic("noivu2", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/").queryParam("body", "TAN_YEN").with(user(account("noivu2"))))
                .andExpect(status().isNotFound());
        // their own body named: as without
        mvc.perform(get("/api/v1/cycles").queryParam("body", "xa_thu").with(httpBasic("noivu2", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/cycles").queryParam("body", "TAN_YEN").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2023));
    }

    @Test
    void theSameUnitCodeIsEachBodysOwn() throws Exception {
        long before = count("unit");
        mvc.perform(post("/admin/units").with(csrf()).with(user(account("noivu2")))
                .param("code", "VHTT").param("name", "Công chức Văn hóa – Xã hội").param("kind", "OFFICE"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("unit")).as("Tân Yên's units").isEqualTo(before);
        assertThat(BodyScope.call(commune, () -> jdbc.queryForObject(
                "select name from unit where code = 'VHTT'", String.class))).isEqualTo("Công chức Văn hóa – Xã hội");
        assertThat(jdbc.queryForObject("select name from unit where code = 'VHTT'", String.class))
                .isNotEqualTo("Công chức Văn hóa – Xã hội");
    }

    @Test
    void theBodiesApi() throws Exception {
        mvc.perform(get("/api/v1/bodies").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'TAN_YEN')].level").value("DISTRICT"))
                .andExpect(jsonPath("$[?(@.code == 'XA_THU')].name").value("Thử Nghiệm"));
        mvc.perform(get("/api/v1/bodies").with(httpBasic("noivu2", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value(COMMUNE));
        mvc.perform(get("/api/v1/bodies").with(httpBasic("tuphap", "demo")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].code").value("TAN_YEN"));
        long before = jdbc.queryForObject("select count(*) from body", Long.class);
        // a code in use, whatever its case: 409
        addBody("sonoivu", "{\"code\": \"tan_yen\", \"name\": \"Khác\", \"level\": \"WARD\"}")
                .andExpect(status().isConflict());
        // an unknown level, a code that cannot be, an empty or too long name: 400 naming each field
        addBody("sonoivu", "{\"code\": \"a b\", \"name\": \"\", \"level\": \"PROVINCE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'level')]").exists());
        addBody("sonoivu", "{\"code\": \"DAI\", \"name\": \"" + "x".repeat(201) + "\", \"level\": \"WARD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        addBody("sonoivu", "{\"code\": \"" + "X".repeat(33) + "\", \"name\": \"Dài\", \"level\": \"WARD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        // a body's Home Affairs adds no body
        addBody("noivu", "{\"code\": \"MOI\", \"name\": \"Mới\", \"level\": \"WARD\"}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from body", Long.class)).isEqualTo(before);
        // the kept list of bodies and the kept province page show a body added at the next request
        var province = user(account("sonoivu"));
        mvc.perform(get("/province").with(province)).andExpect(status().isOk());
        mvc.perform(get("/province").with(province)).andExpect(status().isOk());
        String code = "KEPT_" + System.nanoTime() % 100000;
        addBody("sonoivu", "{\"code\": \"" + code + "\", \"name\": \"Thử giữ\", \"level\": \"WARD\"}")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/bodies").with(httpBasic("sonoivu", "demo")))
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].name").value("Thử giữ"));
        assertThat(mvc.perform(get("/province").with(province)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("data-body=\"" + code + "\"");
    }

    private org.springframework.test.web.servlet.ResultActions addBody(String person, String json) throws Exception {
        return mvc.perform(post("/api/v1/bodies").with(httpBasic(person, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void theProvinceChoosesTheBodyItWorksOn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var province = user(account("sonoivu"));
        // several bodies, none chosen: the list of bodies
        mvc.perform(get("/").session(session).with(province)).andExpect(redirectedUrl("/province"));
        String list = mvc.perform(get("/province").session(session).with(province))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("data-body=\"TAN_YEN\"", "data-body=\"XA_THU\"", "id=\"level-COMMUNE\"",
                "id=\"level-DISTRICT\"");
        // Tân Yên's self-assessed index: its plan's published 2022 total before any assessment
        assertThat(list).contains("84,0256");
        // chosen once, remembered for the session's pages
        mvc.perform(get("/").queryParam("body", "TAN_YEN").session(session).with(province))
                .andExpect(status().isOk());
        String todo = mvc.perform(get("/todo").session(session).with(province))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(todo).contains("id=\"working-body\"", "data-body=\"TAN_YEN\"");
        // its page's forms name the body they were rendered for
        String units = mvc.perform(get("/admin/units").session(session).with(province))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(units).contains("action=\"/admin/units?body=TAN_YEN\"");
        // a page write that names no body is refused (it may come from another body's page), one that does goes there
        long before = count("unit");
        mvc.perform(post("/admin/units").session(session).with(province).with(csrf())
                .param("code", "PROVINCE_X").param("name", "Thử").param("kind", "OFFICE"))
                .andExpect(status().isConflict());
        mvc.perform(post("/admin/units").queryParam("body", COMMUNE).session(session).with(province).with(csrf())
                .param("code", "PROVINCE_X").param("name", "Thử").param("kind", "OFFICE"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("unit")).as("nothing written into Tân Yên").isEqualTo(before);
        assertThat(BodyScope.call(commune, () -> count("unit where code = 'PROVINCE_X'"))).isOne();
        // and a write leaves the session's choice as it was
        mvc.perform(get("/todo").session(session).with(province))
                .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse()
                        .getContentAsString()).contains("data-body=\"TAN_YEN\""));
        // the API names the body on each request
        mvc.perform(get("/api/v1/cycles").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cycles").queryParam("body", "TAN_YEN").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].year").value(2023));
        mvc.perform(get("/api/v1/cycles").queryParam("body", "NOPE").with(httpBasic("sonoivu", "demo")))
                .andExpect(status().isNotFound());
        // a body's people have no province page
        mvc.perform(get("/province").with(user(account("noivu")))).andExpect(status().isForbidden());
    }

    @Test
    void workThatForgetsTheBodySeesNothingAndWritesNothing() {
        assertThat(count("criterion")).isPositive();
        try (BodyScope.Entered none = BodyScope.enter(BodyScope.Scope.NONE)) {
            assertThat(count("criterion")).isZero();
            assertThat(count("app_user where body_id is not null")).isZero();
            assertThatThrownBy(() -> jdbc.update("insert into unit (code, name, kind) values ('X1', 'X', 'OFFICE')"))
                    .isInstanceOf(DataAccessException.class);
        }
        BodyScope.run(commune, () -> {
            assertThat(count("criterion")).isZero();
            // a row of another body cannot be written from here
            assertThatThrownBy(() -> jdbc.update(
                    "insert into unit (body_id, code, name, kind) values (1, 'X2', 'X', 'OFFICE')"))
                    .isInstanceOf(DataAccessException.class);
            assertThat(jdbc.update("update unit set name = 'X' where body_id = 1")).isZero();
        });
        assertThat(count("unit where code in ('X1', 'X2')")).isZero();
    }

    @Test
    void aWriteInOneBodyLeavesTheOthersRevisionAsItWas() {
        long tanYen = revision(1L);
        long communes = revision(commune);
        long all = BodyScope.callAll(() -> jdbc.queryForObject("select sum(revision) from data_revision", Long.class));
        BodyScope.run(commune, () -> jdbc.update("update unit set name = name where code = 'TUPHAP'"));
        assertThat(revision(commune)).isGreaterThan(communes);
        assertThat(revision(1L)).as("Tân Yên's kept pages stay current").isEqualTo(tanYen);
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select sum(revision) from data_revision",
                Long.class))).isGreaterThan(all);
        // a write of no body's (the province's, the owner's) is every body's
        long communeBefore = revision(commune);
        BodyScope.callAll(() -> jdbc.update("update body set name = name where code = ?", COMMUNE));
        assertThat(revision(1L)).isGreaterThan(tanYen);
        assertThat(revision(commune)).isGreaterThan(communeBefore);
    }

    @Test
    void theProvincesAccountsAreReadByEveryBodyAndManagedByNone() throws Exception {
        long province = BodyScope.callAll(() -> jdbc.queryForObject(
                "select id from app_user where username = 'sonoivu'", Long.class));
        BodyScope.run(commune, () -> {
            // its name on the commune's records (who uploaded, reviewed…)
            assertThat(jdbc.queryForObject("select display_name from app_user where id = ?", String.class, province))
                    .isNotBlank();
            // but the commune's connection changes nothing of it
            assertThat(jdbc.update("update app_user set display_name = 'Đổi' where id = ?", province)).isZero();
            assertThat(jdbc.update("delete from app_user where id = ?", province)).isZero();
        });
        mvc.perform(get("/admin/users/" + province).with(user(account("noivu2")))).andExpect(status().isNotFound());
        String list = mvc.perform(get("/admin/users").with(user(account("noivu2"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("noivu2").doesNotContain("sonoivu");
        mvc.perform(post("/admin/users/" + province + "/password").with(csrf()).with(user(account("noivu2")))
                .param("password", "một mật khẩu mới đủ dài")).andExpect(status().isNotFound());
        // the commune's backup names the province's accounts without their secrets
        String hash = BodyScope.callAll(() -> jdbc.queryForObject(
                "select password_hash from app_user where id = ?", String.class, province));
        byte[] backup = mvc.perform(get("/api/v1/backup").with(httpBasic("noivu2", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String accounts = null;
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(backup))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().contains("app_user")) {
                    accounts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(accounts).contains("sonoivu", "noivu2");
        List<String> header = List.of(accounts.lines().findFirst().orElseThrow().split(","));
        String[] provinceRow = accounts.lines().filter(l -> l.contains(",sonoivu,")).findFirst().orElseThrow()
                .split(",");
        assertThat(provinceRow[header.indexOf("password_hash")]).isEqualTo("{bcrypt}-").isNotEqualTo(hash);
        assertThat(provinceRow[header.indexOf("enabled")]).isEqualTo("f");
    }

    private long revision(long body) {
        return jdbc.queryForObject("select coalesce(sum(revision), 0) from data_revision where body_id in (0, ?)",
                Long.class, body);
    }

    CurrentUser account(String username) {
        return BodyScope.callAll(() -> CurrentUser.of(users.findByUsernameWithUnit(username).orElseThrow()));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
