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

    @Test
    void aFormSentAfterTheSessionEndedIsKeptAndShownAgainOnceSignedIn() throws Exception {
        MockHttpSession head = login("vhtt", "10.26.0.3");
        jdbc.update("delete from runtime.spring_session where principal_name = 'vhtt'");
        // the form of a page rendered before, with that session's token
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/units/VHTT/notes?x=1")
                        .session(head).contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .param("_csrf", "the-ended-session-token").param("note", "Đã rà soát 12 văn bản")
                        .param("score", "1,5").param("score", "2"))
                .andExpect(redirectedUrl("/login?expired&kept"));
        assertThat(mvc.perform(loginForm("vhtt", "demo").session(head).with(from("10.26.0.3")))
                .andReturn().getResponse().getRedirectedUrl()).endsWith("/resume");
        String page = mvc.perform(get("/resume").session(head)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.jsoup.nodes.Element form = org.jsoup.Jsoup.parse(page).selectFirst("form#resume");
        assertThat(form).isNotNull();
        assertThat(form.attr("action")).isEqualTo("/units/VHTT/notes?x=1");
        assertThat(form.select("input[name=note]").eachAttr("value")).containsExactly("Đã rà soát 12 văn bản");
        assertThat(form.select("input[name=score]").eachAttr("value")).containsExactly("1,5", "2");
        assertThat(form.select("input[name=x]")).isEmpty();
        // the new session's token, not the old one
        assertThat(form.select("input[name=_csrf]").eachAttr("value")).hasSize(1)
                .doesNotContain("the-ended-session-token");
        // shown once
        assertThat(mvc.perform(get("/resume").session(head)).andReturn().getResponse().getRedirectedUrl())
                .isNotEqualTo("/resume").isNotNull();
    }

    @Test
    void whatCannotBeKeptIsNotAndAForgedFormIsStillRefused() throws Exception {
        MockHttpSession head = login("tuphap", "10.26.0.4");
        // a wrong token in a live session: refused, as ever
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/units/TUPHAP/notes")
                        .session(head).contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .param("_csrf", "forged").param("note", "x"))
                .andExpect(status().isForbidden());
        jdbc.update("delete from runtime.spring_session where principal_name = 'tuphap'");
        // a file upload cannot be kept: sign in again, nothing waits
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/units/TUPHAP/notes")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "a.pdf", "application/pdf",
                                new byte[] {1, 2, 3}))
                        .session(head).param("_csrf", "the-ended-session-token"))
                .andExpect(redirectedUrl("/login?expired"));
        // nor a form larger than what is kept
        head = login("tuphap", "10.26.0.4");
        jdbc.update("delete from runtime.spring_session where principal_name = 'tuphap'");
        var large = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/units/TUPHAP/notes")
                .session(head).contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .param("_csrf", "the-ended-session-token");
        for (int i = 0; i <= KeptForm.MAX_FIELDS; i++) {
            large.param("field" + i, "x");
        }
        var answer = mvc.perform(large).andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).as("status %d", answer.getStatus()).isEqualTo("/login?expired");
        assertThat(mvc.perform(loginForm("tuphap", "demo").session(head).with(from("10.26.0.4")))
                .andReturn().getResponse().getRedirectedUrl()).doesNotEndWith("/resume");
    }
}
