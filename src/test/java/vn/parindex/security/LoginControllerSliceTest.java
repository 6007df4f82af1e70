package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.support.ControllerSlice;

/**
 * The login page without a database ({@link ControllerSlice}): open to everyone, with the form's token; how long
 * to wait only for a whole number of seconds from 1 to 999 999, anything else in {@code ?wait=} ignored (never an
 * error: the address comes from the application's own redirect, a hand-edited one must not break the page).
 * Checked on ids, the model and the message bundle's words, not on sentences typed here.
 */
@ControllerSlice
class LoginControllerSliceTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andExpect(view().name("security/login"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyoneGetsTheFormWithItsToken() throws Exception {
        Document login = page(get("/login"));
        assertThat(login.select("form input#username[name=username]")).hasSize(1);
        assertThat(login.select("form input#password[name=password][type=password]")).hasSize(1);
        assertThat(login.select("form input[name=_csrf]").val()).isNotBlank();
        assertThat(login.select("#wait")).isEmpty();
        assertThat(login.select("#unavailable")).isEmpty();
        assertThat(login.selectFirst("html").attr("lang")).isEqualTo("vi");
    }

    @Test
    void theWaitIsSaidInMinutesAndSeconds() throws Exception {
        mvc.perform(get("/login").param("wait", "125")).andExpect(status().isOk())
                .andExpect(model().attribute("waitText",
                        messages.getMessage("login.wait.minutesSeconds", new Object[] {2L, 5L}, VI)));
        mvc.perform(get("/login").param("wait", "45")).andExpect(model().attribute("waitText",
                messages.getMessage("login.wait.seconds", new Object[] {45L}, VI)));
        mvc.perform(get("/login").param("wait", "120")).andExpect(model().attribute("waitText",
                messages.getMessage("login.wait.minutes", new Object[] {2L}, VI)));
        assertThat(page(get("/login").param("wait", "45")).select("#wait")).hasSize(1);
    }

    @Test
    void aWaitThatIsNotAWholeNumberOfSecondsIsIgnored() throws Exception {
        for (String wait : List.of("", "0", "-5", "abc", "1e3", "4.5", "1234567", " 45", "45s")) {
            mvc.perform(get("/login").param("wait", wait)).andExpect(status().isOk())
                    .andExpect(model().attributeDoesNotExist("waitText"));
        }
    }

    @Test
    void theWaitIsSaidInTheReadersLanguage() {
        LoginController controller = new LoginController(messages);
        assertThat(controller.waitText(61, Locale.ENGLISH)).isEqualTo(messages.getMessage(
                "login.wait.minutesSeconds", new Object[] {1L, 1L}, Locale.ENGLISH));
        assertThat(controller.waitText(61, Locale.ENGLISH)).isNotEqualTo(controller.waitText(61, VI));
    }

    @Test
    void theDatabasesOutageIsSaid() throws Exception {
        assertThat(page(get("/login").param("unavailable", "")).select("#unavailable")).hasSize(1);
    }
}
