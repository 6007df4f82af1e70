package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * The dashboard, the appendix, a domain's rows and the read API answer conditional requests: a copy that is still
 * current gets 304 without anything read but the data revision; any write (through the app or with plain SQL)
 * makes the next answer a full 200 with the new figures.
 */
@WorkflowTest
class ConditionalRequestsTest {

    static final String[] PAGES = {"/", "/cycles/2023/appendix", "/cycles/2023/domains/4/rows"};
    static final String[] API = {"/api/v1/cycles/2023/summary", "/api/v1/cycles/2023/criteria",
        "/api/v1/cycles/2023/dashboard"};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    @Autowired
    ObjectMapper json;

    MockHttpSession login(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("demo"))
                .andReturn().getRequest().getSession();
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** A full answer: 200, a weak tag, and the headers that make clients revalidate. */
    static String fullAnswer(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-cache");
        String etag = response.getHeader("ETag");
        assertThat(etag).startsWith("W/\"").endsWith("\"");
        return etag;
    }

    void renameCriterion41(String name) {
        jdbc.update("update criterion set name = ? where code = '4.1'"
                + " and cycle_id = (select id from cycle where year = 2023)", name);
    }

    @Test
    void aCurrentCopyOfAPageGets304WithoutReadingAnythingButTheRevision() throws Exception {
        MockHttpSession leader = login("lanhdao");
        for (String url : PAGES) {
            String etag = fullAnswer(send(get(url).session(leader)));
            statements.reset();
            MockHttpServletResponse again = send(get(url).session(leader).header("If-None-Match", etag));
            assertThat(again.getStatus()).as(url).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
            assertThat(again.getHeader("ETag")).isEqualTo(etag);
            assertThat(statements.count()).as("only the data revision is read").isLessThanOrEqualTo(1);
            // another tag, another person, another session or language: the full page
            assertThat(send(get(url).session(leader).header("If-None-Match", "W/\"other\"")).getStatus())
                    .isEqualTo(200);
            assertThat(send(get(url).session(login("lanhdao")).header("If-None-Match", etag)).getStatus())
                    .as("a new sign-in has a new form token: the old copy would not log out").isEqualTo(200);
            assertThat(send(get(url).session(login("noivu")).header("If-None-Match", etag)).getStatus())
                    .isEqualTo(200);
            assertThat(send(get(url).session(leader).param("lang", "en").header("If-None-Match", etag))
                    .getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aPageIsAnsweredInFullAfterAWriteWithPlainSql() throws Exception {
        MockHttpSession leader = login("lanhdao");
        String[] etags = new String[PAGES.length];
        for (int i = 0; i < PAGES.length; i++) {
            etags[i] = fullAnswer(send(get(PAGES[i]).session(leader)));
        }
        String name = jdbc.queryForObject("select name from criterion where code = '4.1'"
                + " and cycle_id = (select id from cycle where year = 2023)", String.class);
        try {
            renameCriterion41("Tên đổi bằng SQL");
            for (int i = 0; i < PAGES.length; i++) {
                MockHttpServletResponse changed = send(get(PAGES[i]).session(leader)
                        .header("If-None-Match", etags[i]));
                assertThat(fullAnswer(changed)).isNotEqualTo(etags[i]);
                if (!PAGES[i].equals("/")) { // the dashboard shows only the criteria with most at stake
                    assertThat(body(changed)).as(PAGES[i]).contains("Tên đổi bằng SQL");
                }
            }
        } finally {
            renameCriterion41(name);
        }
    }

    @Test
    void theReadApiGets304UntilAWriteThroughTheAppOrWithPlainSql() throws Exception {
        String[] etags = new String[API.length];
        for (int i = 0; i < API.length; i++) {
            etags[i] = fullAnswer(send(get(API[i]).with(httpBasic("lanhdao", "demo"))));
            statements.reset();
            MockHttpServletResponse again = send(get(API[i]).with(httpBasic("lanhdao", "demo"))
                    .header("If-None-Match", etags[i]));
            assertThat(again.getStatus()).as(API[i]).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
            // the data revision as sign-in sees it (every body's: the kept account) and as the body sees it (the tag),
            // each after its connection is set to that scope: one revision per scope (DataRevision.current)
            assertThat(statements.count()).as(String.valueOf(statements.sql())).isLessThanOrEqualTo(4);
            assertThat(statements.sql()).as("nothing but the revisions and the scopes")
                    .allMatch(sql -> sql.contains("data_revision") || sql.contains("set_config")
                            || sql.equals("createStatement"));
        }
        // the same copy is current for another client: the answer does not depend on who asks
        assertThat(send(get(API[0]).with(httpBasic("tuphap", "demo")).header("If-None-Match", etags[0]))
                .getStatus()).isEqualTo(304);
        String dashboardTag = etags[2];
        long awaiting = json.readTree(body(send(get(API[2]).with(httpBasic("lanhdao", "demo")))))
                .get("awaitingReview").asLong();

        // a write through the application: a submission awaits review
        MockHttpServletResponse created = send(post("/api/v1/cycles/2023/criteria/4.1/assessments")
                .with(httpBasic("noivu", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 2.5, \"comment\": \"Thử thẻ ETag\"}"));
        assertThat(created.getStatus()).as(body(created)).isEqualTo(201);
        long id = json.readTree(body(created)).get("id").asLong();
        try {
            MockHttpServletResponse changed = send(get(API[2]).with(httpBasic("lanhdao", "demo"))
                    .header("If-None-Match", dashboardTag));
            String newTag = fullAnswer(changed);
            assertThat(newTag).isNotEqualTo(dashboardTag);
            assertThat(json.readTree(body(changed)).get("awaitingReview").asLong()).isEqualTo(awaiting + 1);
            assertThat(send(get(API[2]).with(httpBasic("lanhdao", "demo")).header("If-None-Match", newTag))
                    .getStatus()).isEqualTo(304);
        } finally {
            assertThat(send(post("/api/v1/assessments/" + id + "/return").with(httpBasic("noivu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Trả lại\"}")).getStatus())
                    .isEqualTo(200);
        }

        // a write with plain SQL
        String criteriaTag = fullAnswer(send(get(API[1]).with(httpBasic("lanhdao", "demo"))));
        String name = jdbc.queryForObject("select name from criterion where code = '4.1'"
                + " and cycle_id = (select id from cycle where year = 2023)", String.class);
        try {
            renameCriterion41("Tên đổi bằng SQL cho API");
            MockHttpServletResponse changed = send(get(API[1]).with(httpBasic("lanhdao", "demo"))
                    .header("If-None-Match", criteriaTag));
            assertThat(fullAnswer(changed)).isNotEqualTo(criteriaTag);
            assertThat(body(changed)).contains("Tên đổi bằng SQL cho API");
        } finally {
            renameCriterion41(name);
        }
    }

    @Test
    void badOrUnauthorisedConditionalRequestsChangeNothing() throws Exception {
        String etag = fullAnswer(send(get(API[0]).with(httpBasic("lanhdao", "demo"))));
        // without credentials: 401, never 304, whatever the tag
        MockHttpServletResponse anonymous = send(get(API[0]).header("If-None-Match", etag));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(send(get("/").header("If-None-Match", "*")).getStatus()).isEqualTo(302);
        // a malformed or foreign tag: the full answer
        for (String tag : new String[] {"garbage", "\"\"", "W/", "W/\"0-1\""}) {
            assertThat(fullAnswer(send(get(API[0]).with(httpBasic("lanhdao", "demo"))
                    .header("If-None-Match", tag)))).as(tag).isEqualTo(etag);
        }
        // If-None-Match compares weakly: the same tag sent as a strong one still matches
        assertThat(send(get(API[0]).with(httpBasic("lanhdao", "demo")).header("If-None-Match",
                etag.substring(2))).getStatus()).isEqualTo(304);
        // an unknown cycle is still 404 for a client without a copy, and other addresses get no tag
        MockHttpSession leader = login("lanhdao");
        // and the error carries no tag and may not be kept: a client never hears "304, still current" about an error
        for (MockHttpServletResponse missing : List.of(send(get("/cycles/1999/appendix").session(leader)),
                send(get("/cycles/2023/domains/9.9/rows").session(leader)),
                send(get("/cycles/2023/criteria/9.9").session(leader)),
                send(get("/api/v1/cycles/1999/summary").with(httpBasic("lanhdao", "demo"))))) {
            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(missing.getHeader("ETag")).isNull();
            assertThat(missing.getHeader("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(send(get("/cycles/2023/points").session(leader)).getHeader("ETag")).isNull();
        assertThat(send(get("/api/v1/cycles").with(httpBasic("lanhdao", "demo"))).getHeader("ETag")).isNull();
    }
}
