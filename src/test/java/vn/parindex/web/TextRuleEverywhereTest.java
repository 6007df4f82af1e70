package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * The text rule (vn.parindex.system.TextRule) at every door: a NUL, another control character, a bidirectional
 * override or a line break in a one-line field is a 400 naming the field, wherever it comes in (JSON string or
 * property name, form field, query parameter, path variable, an upload's text part), and nothing is written; the
 * database never sees it (before, a NUL was a 500 from PostgreSQL).
 */
@WorkflowTest
class TextRuleEverywhereTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    @Autowired
    ObjectMapper json;

    record Case(String what, Supplier<? extends RequestBuilder> request, String field) {
    }

    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private long written() {
        return jdbc.queryForObject("select (select count(*) from change_history) + (select count(*) from unit)"
                + " + (select count(*) from app_user) + (select count(*) from peer_district_score)"
                + " + (select count(*) from assessment) + (select count(*) from evidence)"
                + " + (select count(*) from task)", Long.class);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body,
            String user) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic(user, "demo"));
    }

    @Test
    void theApiRefusesForbiddenCharactersWithA400NamingTheFieldAndWritesNothing() throws Exception {
        long assessment = jdbc.queryForObject("select coalesce(max(id), 1) from assessment", Long.class);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("NUL in an assessment's comment", () -> json(post(
                "/api/v1/cycles/2023/criteria/2.1/assessments"), "{\"score\": 1.25, \"comment\": \"Đã rà soát\\u0000\"}",
                "tuphap"), "comment"));
        cases.add(new Case("a right-to-left override in a comment", () -> json(post(
                "/api/v1/cycles/2023/criteria/2.1/assessments"), "{\"score\": 1.25, \"comment\": \"abc\\u202Efdp.exe\"}",
                "tuphap"), "comment"));
        cases.add(new Case("an isolate in a comment", () -> json(post(
                "/api/v1/cycles/2023/criteria/2.1/assessments"), "{\"score\": 1.25, \"comment\": \"abc\\u2067x\"}",
                "tuphap"), "comment"));
        cases.add(new Case("an escape character in a comment", () -> json(post(
                "/api/v1/cycles/2023/criteria/2.1/assessments"), "{\"score\": 1.25, \"comment\": \"a\\u001b[31m\"}",
                "tuphap"), "comment"));
        cases.add(new Case("a C1 control character in a comment", () -> json(post(
                "/api/v1/cycles/2023/criteria/2.1/assessments"), "{\"score\": 1.25, \"comment\": \"a\\u0085b\"}",
                "tuphap"), "comment"));
        cases.add(new Case("NUL in an approval's comment", () -> json(post("/api/v1/assessments/" + assessment
                + "/approve"), "{\"comment\": \"Đồng ý\\u0000\", \"version\": 0}", "noivu"), "comment"));
        cases.add(new Case("NUL in a return's reason", () -> json(post("/api/v1/assessments/" + assessment
                + "/return"), "{\"comment\": \"Bổ sung\\u0000\", \"version\": 0}", "noivu"), "comment"));
        cases.add(new Case("NUL in a score correction's comment", () -> json(patch(
                "/api/v1/cycles/2023/criteria/2.1"), "{\"currentScore\": 1, \"comment\": \"Sửa\\u0000\", \"version\": 0}",
                "noivu"), "comment"));
        cases.add(new Case("a line break in a task's title (one line)", () -> json(post("/api/v1/cycles/2023/tasks"),
                "{\"title\": \"Rà soát\\nthủ tục\", \"leadUnits\": [\"TUPHAP\"]}", "noivu"), "title"));
        cases.add(new Case("NUL in a list of unit codes", () -> json(post("/api/v1/cycles/2023/tasks"),
                "{\"title\": \"Rà soát\", \"leadUnits\": [\"TU\\u0000PHAP\"]}", "noivu"), "leadUnits"));
        cases.add(new Case("NUL in a property name (a map's key)", () -> json(post("/api/v1/cycles"),
                "{\"year\": 2031, \"from\": 2023, \"mapping\": {\"1.1\\u0000\": \"1.1\"}}", "noivu"), "1.1\u0000"));
        cases.add(new Case("NUL in a query parameter", () -> get("/api/v1/cycles").param("lang", "vi\u0000")
                .with(httpBasic("tuphap", "demo")), "lang"));
        cases.add(new Case("NUL in an upload's text part", () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                .param("documentNumber", "12/KH\u202E-UBND").with(httpBasic("tuphap", "demo")), "documentNumber"));
        long before = written();
        for (Case c : cases) {
            MockHttpServletResponse response = mvc.perform(c.request().get()).andReturn().getResponse();
            assertThat(response.getStatus()).as(c.what()).isEqualTo(400);
            assertThat(response.getContentType()).as(c.what()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            if (!c.field().contains("\u0000")) {
                assertThat(problem.path("errors").path(0).path("field").asString()).as(c.what()).isEqualTo(c.field());
            }
        }
        assertThat(written()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aPathVariableWithNulIsA400NotA500() throws Exception {
        int status = mvc.perform(get("/api/v1/cycles/2023/reports/2023-03/units/{code}", "TU\u0000PHAP")
                .with(httpBasic("noivu", "demo"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(400);
    }

    @Test
    void pagesRefuseForbiddenCharactersWithThe400PageAndWriteNothing() throws Exception {
        List<Case> cases = List.of(
                new Case("NUL in a unit's name", () -> SignedIn.form(users, "noivu", "/admin/units")
                        .param("code", "XACAOXA").param("name", "Xã Cao Xá\u0000").param("kind", "COMMUNE"), "name"),
                new Case("a line break in a unit's name", () -> SignedIn.form(users, "noivu", "/admin/units")
                        .param("code", "XACAOXA").param("name", "Xã Cao\nXá").param("kind", "COMMUNE"), "name"),
                new Case("NUL in a person's name", () -> SignedIn.form(users, "noivu", "/admin/users")
                        .param("username", "pho.vhtt").param("displayName", "Nguyễn Văn\u0000A")
                        .param("role", "UNIT_HEAD").param("unitCode", "VHTT").param("password", "khoi-tao-2026-vhtt"),
                        "displayName"),
                new Case("a bidirectional override in a person's name", () -> SignedIn.form(users, "noivu",
                        "/admin/users").param("username", "pho.vhtt").param("displayName", "Nguyễn \u202EA")
                        .param("role", "UNIT_HEAD").param("unitCode", "VHTT").param("password", "khoi-tao-2026-vhtt"),
                        "displayName"),
                new Case("NUL in a ranking row", () -> SignedIn.form(users, "noivu", "/cycles/2023/ranking")
                        .param("district", "Lạng\u0000Giang").param("total", "80"), "district"),
                new Case("NUL in an assessment's comment (page)", () -> SignedIn.form(users, "tuphap",
                        "/cycles/2023/criteria/2.1/assessments").param("score", "1").param("comment", "a\u0000"),
                        "comment"),
                new Case("NUL in the comment of an assessment sent with its files (the form again, with the error)",
                        () -> multipart("/cycles/2023/criteria/2.1/assessments")
                                .file(new MockMultipartFile("files", "a.pdf", "application/pdf", PDF))
                                .param("score", "1").param("comment", "Đã rà soát\u0000")
                                .with(SignedIn.as(users, "tuphap"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()), "comment"));
        long before = written();
        for (Case c : cases) {
            MockHttpServletResponse response = mvc.perform(c.request().get()).andReturn().getResponse();
            assertThat(response.getStatus()).as(c.what()).isEqualTo(400);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(c.what())
                    .contains("ký tự không được phép");
        }
        assertThat(written()).as("nothing written").isEqualTo(before);
    }

    @Test
    void lineBreaksAndTabsAreWelcomeInMultiLineFields() throws Exception {
        long task = jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = tu.unit_id "
                + "where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
        mvc.perform(json(post("/api/v1/tasks/" + task + "/updates"),
                        "{\"note\": \"Dòng một\\r\\nDòng hai\\tcột\", \"percent\": 10}", "tuphap"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        assertThat(jdbc.queryForObject("select count(*) from task_update where note = ?", Long.class,
                "Dòng một\r\nDòng hai\tcột")).isEqualTo(1);
    }
}
