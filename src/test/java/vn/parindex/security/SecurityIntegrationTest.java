package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.parindex.support.SignedIn.from;
import static vn.parindex.support.SignedIn.loginForm;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/** Throttling through the API, passwords, sessions, cross-site writes, HTTPS headers, problem bodies and logs. */
@WorkflowTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityIntegrationTest {

    @Autowired
    StatementCounter statements;

    /** 100 characters, far beyond BCrypt's 72 bytes. */
    static final String PASSPHRASE = ("Cây đa bến nước sân đình, mùa thu Hà Nội lá vàng rơi trên phố cổ; gió heo "
            + "may se lạnh, người đi qua cầu Thê Húc nhớ mãi").substring(0, 100);
    static final String OTHER_PASSPHRASE = ("Trống đồng Đông Sơn ngân vang giữa trời xanh; lúa chín vàng đồng, "
            + "cánh cò trắng bay lả bay la qua lũy tre làng quê").substring(0, 100);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    ObjectMapper json;

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("application/problem+json");
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private MockHttpSession login(String username, String password, String address) throws Exception {
        return (MockHttpSession) mvc.perform(loginForm(username, password).with(from(address)))
                .andExpect(vn.parindex.support.SignedIn.landed()).andReturn().getRequest().getSession();
    }

    @Test
    void theApiAnswersADelayedClient429WithRetryAfterButNotTheRightPasswordFromElsewhere() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/cycles").with(httpBasic("lanhdao", "sai-" + i)).with(from("10.5.5.5")))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(throttle.failures("lanhdao", "10.5.5.5")).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            throttle.failed("lanhdao", "10.5.5.5"); // as if over the last minutes: the next attempt waits 16 s
        }
        MockHttpServletResponse delayed = mvc.perform(get("/api/v1/cycles").with(httpBasic("lanhdao", "demo"))
                .with(from("10.5.5.5"))).andReturn().getResponse();
        assertThat(delayed.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(delayed.getHeader("Retry-After"))).isBetween(10L, 16L);
        JsonNode problem = body(delayed);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Quá nhiều lần đăng nhập sai");
        assertThat(problem.get("detail").asString()).contains(delayed.getHeader("Retry-After") + " giây");
        assertThat(throttle.failures("lanhdao", "10.5.5.5")).as("refused unchecked, not counted").isEqualTo(9);
        MockHttpServletResponse english = mvc.perform(get("/api/v1/cycles").with(httpBasic("lanhdao", "demo"))
                .with(from("10.5.5.5")).header("Accept-Language", "en-GB,en;q=0.9")).andReturn().getResponse();
        assertThat(body(english).get("title").asString()).isEqualTo("Too many failed logins");
        mvc.perform(get("/api/v1/cycles").with(httpBasic("lanhdao", "demo")).with(from("10.5.5.6")))
                .andExpect(status().isOk());
    }

    @Test
    void eachRoleLandsOnItsFirstScreenUnlessItAskedForAnotherPage() throws Exception {
        // Home Affairs: what needs action; a head of office: the unit's page; leaders: the dashboard
        mvc.perform(loginForm("noivu", "demo").with(from("10.5.7.1"))).andExpect(redirectedUrl("/todo"));
        mvc.perform(loginForm("tuphap", "demo").with(from("10.5.7.2"))).andExpect(redirectedUrl("/units/TUPHAP"));
        mvc.perform(loginForm("lanhdao", "demo").with(from("10.5.7.3"))).andExpect(redirectedUrl("/"));
        // a page asked for before signing in wins…
        MockHttpSession asked = (MockHttpSession) mvc.perform(get("/tasks").with(from("10.5.7.4")))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        String target = mvc.perform(loginForm("tuphap", "demo").session(asked).with(from("10.5.7.4")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).contains("/tasks");
        // …but the bare first page, which everyone opens, leads to the role's own first screen
        MockHttpSession first = (MockHttpSession) mvc.perform(get("/").with(from("10.5.7.5")))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        mvc.perform(loginForm("tuphap", "demo").session(first).with(from("10.5.7.5")))
                .andExpect(redirectedUrl("/units/TUPHAP"));
    }

    @Test
    void absurdlyLongPasswordsAreRefusedAndCounted() throws Exception {
        String huge = "mật khẩu ".repeat(500);
        mvc.perform(get("/api/v1/cycles").with(httpBasic("tuphap", huge)).with(from("10.5.6.1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(loginForm("tuphap", huge).with(from("10.5.6.1"))).andExpect(redirectedUrl("/login?error"));
        assertThat(throttle.failures("tuphap", "10.5.6.1")).isEqualTo(2);
    }

    @Test
    void aSignInNameWithNulOrAnotherForbiddenCharacterIsAnOrdinaryFailedSignInCountedByTheThrottle()
            throws Exception {
        // (the form's name is trimmed first, as ever: a NUL or a line break at its end is only whitespace there)
        for (String name : new String[] {"tu\u0000phap", "tu\u202Ephap", "tu\nphap"}) {
            mvc.perform(loginForm(name, "demo").with(from("10.5.7.1"))).andExpect(redirectedUrl("/login?error"));
            mvc.perform(get("/api/v1/cycles").with(httpBasic(name, "demo")).with(from("10.5.7.1")))
                    .andExpect(status().isUnauthorized());
            assertThat(throttle.failures(name, "10.5.7.1")).as(name).isEqualTo(2);
        }
    }

    @Test
    void aLongVietnamesePassphraseWorksForFormBasicAndChange(CapturedOutput output) throws Exception {
        assertThat(PASSPHRASE).hasSize(100);
        assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        MockHttpSession admin = login("noivu", "demo", "10.5.7.1");
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "cau.tho")
                        .param("displayName", "Người yêu thơ").param("role", "LEADER").param("password", PASSPHRASE))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = 'cau.tho'",
                String.class)).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        MockHttpSession session = login("cau.tho", PASSPHRASE, "10.5.7.2");
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/cycles").with(httpBasic("cau.tho", PASSPHRASE)).with(from("10.5.7.3")))
                    .andExpect(status().isOk());
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("Login: user=cau.tho ")))
                .as("the form's real check is logged; the API requests came from memory").hasSize(1);
        // typed with combining marks (Unikey's "Unicode tổ hợp"), it is the same password
        String decomposed = Normalizer.normalize(PASSPHRASE, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(PASSPHRASE);
        mvc.perform(get("/api/v1/cycles").with(httpBasic("cau.tho", decomposed)).with(from("10.5.7.3")))
                .andExpect(status().isOk());

        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", PASSPHRASE)
                        .param("newPassword", OTHER_PASSPHRASE).param("confirmPassword", OTHER_PASSPHRASE))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/cycles").with(httpBasic("cau.tho", OTHER_PASSPHRASE)).with(from("10.5.7.3")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/cycles").with(httpBasic("cau.tho", PASSPHRASE)).with(from("10.5.7.4")))
                .andExpect(status().isUnauthorized());
        login("cau.tho", OTHER_PASSPHRASE, "10.5.7.5");
    }

    /** Repeated API requests with the same password read the account once while nothing changes. */
    @Test
    void theAccountBehindAnApiPasswordIsReadOncePerDataRevision() throws Exception {
        mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.2")))
                .andExpect(status().isOk());
        statements.reset();
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.2")))
                    .andExpect(status().isOk());
        }
        assertThat(statements.sql()).as("no account read while the revision stays")
                .noneMatch(sql -> sql.contains("from app_user"));
        // a write to any account (even one that shows nowhere: the creation date) changes the revision
        jdbc.update("update app_user set created_at = created_at where username = 'noivu'");
        statements.reset();
        mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.2")))
                .andExpect(status().isOk());
        assertThat(statements.sql()).filteredOn(sql -> sql.contains("from app_user")).hasSize(1);
        // the same name written otherwise is the same account, kept once
        statements.reset();
        mvc.perform(get("/api/v1/cycles").with(httpBasic(" VHTT", "demo")).with(from("10.5.9.2")))
                .andExpect(status().isOk());
        assertThat(statements.sql()).noneMatch(sql -> sql.contains("from app_user"));
        // a name that matches no account is never kept: each attempt reads again
        for (int i = 0; i < 2; i++) {
            statements.reset();
            mvc.perform(get("/api/v1/cycles").with(httpBasic("khong-co-ai", "demo")).with(from("10.5.9.2")))
                    .andExpect(status().isUnauthorized());
            assertThat(statements.sql()).filteredOn(sql -> sql.contains("from app_user")).hasSize(1);
        }
    }

    /**
     * The account behind an API password is kept per data revision, and every write to an account changes the
     * revision (a trigger): changes made anywhere, even with plain SQL, show on the next request (the tests trust a
     * revision reading for 0 s; the application for 1 s).
     */
    @Test
    void aRecentlyVerifiedApiPasswordSeesAccountChangesMadeWithPlainSqlOnTheNextRequest() throws Exception {
        long id = jdbc.queryForObject("select id from app_user where username = 'vhtt'", Long.class);
        String hash = jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, id);
        try {
            mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.1")))
                    .andExpect(status().isOk());
            jdbc.update("update app_user set enabled = false where id = ?", id);
            mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.1")))
                    .andExpect(status().isUnauthorized());
            jdbc.update("update app_user set enabled = true where id = ?", id);
            // enabled again; the name is matched ignoring case and surrounding spaces
            mvc.perform(get("/api/v1/cycles").with(httpBasic("VHTT ", "demo")).with(from("10.5.9.1")))
                    .andExpect(status().isOk());
            jdbc.update("update app_user set password_hash = ? where id = ?", passwordEncoder.encode("khac"), id);
            mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.5.9.1")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "khac")).with(from("10.5.9.1")))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/cycles").with(httpBasic("khong-co-ai", "demo")).with(from("10.5.9.1")))
                    .andExpect(status().isUnauthorized());
        } finally {
            jdbc.update("update app_user set password_hash = ?, enabled = true where id = ?", hash, id);
        }
    }

    @Test
    void aBcryptHashStillMatchesAndIsUpgradedAtTheNextLoginOnRecord() throws Exception {
        String bcrypt = new BCryptPasswordEncoder().encode("mat-khau-cu-bcrypt");
        assertThat(bcrypt).startsWith("$2");
        jdbc.update("update app_user set password_hash = ? where username = 'thanhtra'", bcrypt);
        long id = jdbc.queryForObject("select id from app_user where username = 'thanhtra'", Long.class);
        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
        try {
            mvc.perform(get("/api/v1/cycles").with(httpBasic("thanhtra", "sai-mat-khau")).with(from("10.5.8.1")))
                    .andExpect(status().isUnauthorized());
            assertThat(jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, id))
                    .as("a wrong password upgrades nothing").isEqualTo(bcrypt);
            for (int i = 0; i < 3; i++) {
                mvc.perform(get("/api/v1/cycles").with(httpBasic("thanhtra", "mat-khau-cu-bcrypt"))
                        .with(from("10.5.8.2"))).andExpect(status().isOk());
            }
            String upgraded = jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, id);
            assertThat(upgraded).startsWith("{pbkdf2@SpringSecurity_v5_8}");
            assertThat(passwordEncoder.matches("mat-khau-cu-bcrypt", upgraded)).isTrue();
            assertThat(jdbc.queryForObject("select version from app_user where id = ?", Long.class, id))
                    .isEqualTo(version + 1);
            assertThat(jdbc.queryForList("select new_value from change_history where entity_type = 'USER' "
                    + "and entity_id = ? and field = 'password'", String.class, id)).containsExactly("(PBKDF2)");
            login("thanhtra", "mat-khau-cu-bcrypt", "10.5.8.3");
            mvc.perform(get("/api/v1/cycles").with(httpBasic("thanhtra", "mat-khau-cu-bcrypt"))
                    .with(from("10.5.8.2"))).andExpect(status().isOk());
        } finally {
            jdbc.update("update app_user set password_hash = ? where id = ?", passwordEncoder.encode("demo"), id);
        }
    }

    @Test
    void changingOnesOwnPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
        MockHttpSession here = login("vanphong", "demo", "10.5.9.1");
        MockHttpSession elsewhere = login("vanphong", "demo", "10.5.9.2");
        MockHttpSession someoneElse = login("tckh", "demo", "10.5.9.3");
        try {
            mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", "demo")
                            .param("newPassword", "mot-cau-rat-dai-de-nho").param("confirmPassword",
                                    "mot-cau-rat-dai-de-nho"))
                    .andExpect(redirectedUrl("/account/password"));
            mvc.perform(get("/").session(here)).andExpect(status().isOk());
            mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
            mvc.perform(get("/").session(someoneElse)).andExpect(status().isOk());
        } finally {
            jdbc.update("update app_user set password_hash = ? where username = 'vanphong'",
                    passwordEncoder.encode("demo"));
        }
    }

    private MockHttpServletRequestBuilder submission() {
        return post("/api/v1/cycles/2023/criteria/2.2/assessments").contentType(MediaType.APPLICATION_JSON)
                .content("{}");
    }

    @Test
    void anotherSiteCannotMakeABrowserWriteThroughTheApi() throws Exception {
        long assessments = count("assessment");
        long evidence = count("evidence");
        MockHttpServletResponse refused = mvc.perform(submission().with(httpBasic("tuphap", "demo"))
                .header("Origin", "https://evil.example")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(body(refused).get("title").asString()).isEqualTo("Yêu cầu từ trang web khác");
        for (String site : new String[] {"cross-site", "same-site"}) {
            mvc.perform(submission().with(httpBasic("tuphap", "demo")).header("Sec-Fetch-Site", site)
                    .header("Origin", "http://localhost")).andExpect(status().isForbidden());
        }
        mvc.perform(submission().with(httpBasic("tuphap", "demo")).header("Origin", "null"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                        .with(httpBasic("tuphap", "demo")).header("Origin", "https://evil.example")
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("evidence")).isEqualTo(evidence);
        // scripts and curl (no Origin), the API's own origin, and reads are not affected
        mvc.perform(submission().with(httpBasic("tuphap", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(submission().with(httpBasic("tuphap", "demo")).header("Origin", "http://localhost"))
                .andExpect(status().isBadRequest());
        mvc.perform(submission().with(httpBasic("tuphap", "demo")).header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/cycles").with(httpBasic("tuphap", "demo")).header("Origin", "https://evil.example"))
                .andExpect(status().isOk());
    }

    @Test
    void browsersGetNoBasicChallengeSoTheyNeverRememberApiCredentials() throws Exception {
        MockHttpServletResponse script = mvc.perform(get("/api/v1/cycles")).andReturn().getResponse();
        assertThat(script.getStatus()).isEqualTo(401);
        assertThat(script.getHeader("WWW-Authenticate")).startsWith("Basic realm=");
        MockHttpServletResponse navigation = mvc.perform(get("/api/v1/cycles")
                .accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn().getResponse();
        assertThat(navigation.getStatus()).isEqualTo(401);
        assertThat(navigation.getHeader("WWW-Authenticate")).isNull();
        MockHttpServletResponse fetch = mvc.perform(get("/api/v1/cycles").header("Sec-Fetch-Mode", "cors")
                .with(httpBasic("tuphap", "sai"))).andReturn().getResponse();
        assertThat(fetch.getStatus()).isEqualTo(401);
        assertThat(fetch.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void refusalsAreProblemDocumentsInTheCallersLanguage() throws Exception {
        JsonNode vietnamese = body(mvc.perform(get("/api/v1/cycles")).andReturn().getResponse());
        assertThat(vietnamese.get("title").asString()).isEqualTo("Chưa xác thực");
        assertThat(vietnamese.get("status").asInt()).isEqualTo(401);
        assertThat(vietnamese.get("instance").asString()).isEqualTo("/api/v1/cycles");
        String[][] cases = {{"en", "Unauthorized"}, {"fr-FR, en;q=0.5", "Unauthorized"}, {"vi", "Chưa xác thực"},
                {"de", "Chưa xác thực"}, {"en;q=0, vi", "Chưa xác thực"}, {"!!;q=x", "Chưa xác thực"}};
        for (String[] language : cases) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/cycles")
                    .header("Accept-Language", language[0])).andReturn().getResponse();
            assertThat(body(response).get("title").asString()).as(language[0]).isEqualTo(language[1]);
        }
        MockHttpServletResponse forbidden = mvc.perform(post("/api/v1/assessments/999999/approve")
                .contentType(MediaType.APPLICATION_JSON).content("{}").with(httpBasic("lanhdao", "demo"))
                .header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(body(forbidden).get("detail").asString()).isEqualTo("This account may not do this.");
        JsonNode vi = body(mvc.perform(post("/api/v1/assessments/999999/approve").contentType(MediaType.APPLICATION_JSON)
                .content("{}").with(httpBasic("lanhdao", "demo"))).andReturn().getResponse());
        assertThat(vi.get("title").asString()).isEqualTo("Không có quyền");
    }

    @Test
    void overHttpsPagesAndApiSendHstsAndOverHttpTheyDoNot() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/cycles"}) {
            assertThat(mvc.perform(get(path).secure(true)).andReturn().getResponse()
                    .getHeader("Strict-Transport-Security")).as(path).startsWith("max-age=");
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                    .as(path).isNull();
        }
    }

    @Test
    void userSuppliedValuesCannotForgeLogLines(CapturedOutput output) throws Exception {
        mvc.perform(loginForm("x\r\n2026-11-24 INFO Login: user=noivu", "sai").with(from("10.5.10.1")))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(output.getAll()).contains("Failed login: user=x\\r\\n2026-11-24 INFO Login: user=noivu");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("2026-11-24 INFO"));
    }
}
