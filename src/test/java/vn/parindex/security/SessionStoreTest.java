package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.parindex.support.SignedIn.from;
import static vn.parindex.support.SignedIn.loginForm;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.support.SessionCookies;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * The HTTP sessions live in PostgreSQL ({@code runtime.spring_session}, V23), so any instance serves a person signed
 * in through another: what is stored, what a page costs in session statements, and a session whose row vanished.
 */
@WorkflowTest
class SessionStoreTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    MockHttpSession login(String username, String address) throws Exception {
        return (MockHttpSession) mvc.perform(loginForm(username, "demo").with(from(address)))
                .andExpect(vn.parindex.support.SignedIn.landed()).andReturn().getRequest().getSession();
    }

    long rowsOf(String username) {
        return jdbc.queryForObject("select count(*) from runtime.spring_session where principal_name = ?", Long.class,
                username);
    }

    @Test
    void aSignInIsARowOfTheDatabaseThatEveryPageReadsAndTouchesCheaply() throws Exception {
        long before = rowsOf("lanhdao");
        MockHttpSession leader = login("lanhdao", "10.26.0.1");
        assertThat(SessionCookies.cookieOf(leader)).isNotBlank();
        assertThat(rowsOf("lanhdao")).isEqualTo(before + 1);
        // the security context is among its attributes, serialized: another instance reads it back
        assertThat(jdbc.queryForList("""
                select a.attribute_name from runtime.spring_session_attributes a
                join runtime.spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = 'lanhdao'""", String.class)).contains("SPRING_SECURITY_CONTEXT");
        long touched = jdbc.queryForObject(
                "select max(last_access_time) from runtime.spring_session where principal_name = 'lanhdao'", Long.class);
        Thread.sleep(5);
        mvc.perform(get("/").session(leader)).andExpect(status().isOk());
        statements.reset();
        mvc.perform(get("/").session(leader)).andExpect(status().isOk());
        // then every page: read it, touch it, and Spring Session's check that the cookie still names it, three
        // statements on the keys (SELECT, UPDATE, SELECT)
        assertThat(statements.sessionCount()).as(statements.sessionSql().toString()).isBetween(1L, 3L);
        assertThat(jdbc.queryForObject(
                "select max(last_access_time) from runtime.spring_session where principal_name = 'lanhdao'",
                Long.class)).isGreaterThan(touched);
        // signing out deletes the row
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                .session(leader).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(rowsOf("lanhdao")).isEqualTo(before);
    }

    @Test
    void aSessionWhoseRowVanishedAsksToSignInAgainAndLeadsBackToThePageAsked() throws Exception {
        MockHttpSession head = login("thanhtra", "10.26.0.2");
        mvc.perform(get("/account/password").session(head)).andExpect(status().isOk());
        // another instance, an administrator or the clean-up deleted it
        jdbc.update("delete from runtime.spring_session where principal_name = 'thanhtra'");
        mvc.perform(get("/account/password").session(head)).andExpect(redirectedUrl("/login?expired"));
        // signing in again in the same browser leads back to the page asked for
        assertThat(mvc.perform(loginForm("thanhtra", "demo").session(head).with(from("10.26.0.2")))
                .andReturn().getResponse().getRedirectedUrl()).endsWith("/account/password?continue");
        // a browser that never signed in is not told its session ended
        mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
    }
}
