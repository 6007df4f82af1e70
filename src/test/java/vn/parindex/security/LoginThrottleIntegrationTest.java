package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import static vn.parindex.support.SignedIn.from;
import static vn.parindex.support.SignedIn.loginForm;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.parindex.support.WorkflowTest;

/** Disabled accounts, password change and account administration, through the pages. */
/** Login throttling through the pages (moved from the account tests). */
@WorkflowTest
class LoginThrottleIntegrationTest {

    @Autowired
    MockMvc mvc;

    MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(loginForm(username, password)
                        .with(from("10.1.1.1")))
                .andExpect(vn.parindex.support.SignedIn.landed()).andReturn().getRequest().getSession();
    }

    @Test
    void repeatedFailuresDelayOnlyThatAccountFromThatAddressAndThePageSaysHowLong(@Autowired LoginThrottle throttle)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(loginForm("thanhtra", "sai-" + i).with(from("10.2.2.2")))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // five more failures, as if made over the last minutes: the next attempt waits 32 s
        for (int i = 0; i < 5; i++) {
            throttle.failed("thanhtra", "10.2.2.2");
        }
        String target = mvc.perform(loginForm("thanhtra", "demo").with(from("10.2.2.2")))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).as("even the right password waits, unchecked").startsWith("/login?wait=");
        assertThat(Long.parseLong(target.substring("/login?wait=".length()))).isBetween(25L, 32L);
        String page = mvc.perform(get("/login").param("wait", "65")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Vui lòng đợi 1 phút 5 giây rồi thử lại").doesNotContain("tài khoản hợp lệ");
        String english = mvc.perform(get("/login").param("wait", "45").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Please wait 45 seconds, then try again");
        assertThat(mvc.perform(get("/login").param("wait", "x<script>")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("id=\"wait\"", "x<script>");
        // the right password from anywhere else gets in, by form and by the API; other accounts from that address too
        login("thanhtra", "demo");
        mvc.perform(get("/api/v1/cycles").with(httpBasic("thanhtra", "demo")).with(from("10.2.2.4")))
                .andExpect(status().isOk());
        mvc.perform(loginForm("tckh", "demo").with(from("10.2.2.2"))).andExpect(vn.parindex.support.SignedIn.landed());
        // a success elsewhere did not clear the guessing client's delay
        assertThat(mvc.perform(loginForm("thanhtra", "demo").with(from("10.2.2.2"))).andReturn().getResponse()
                .getRedirectedUrl()).startsWith("/login?wait=");
    }
}
