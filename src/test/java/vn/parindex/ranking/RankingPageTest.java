package vn.parindex.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * The ranking page's forms (a new district, a row's correction) bound to form records, its year through the cycle
 * resolver, and the service's own ADMIN check.
 */
@WorkflowTest
class RankingPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    RankingService ranking;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String state() {
        return jdbc.queryForList("select district || '=' || total || '@' || version from peer_district_score"
                + " order by id", String.class) + " " + jdbc.queryForObject("select count(*) from change_history",
                Long.class);
    }

    private long cycle2023() {
        return jdbc.queryForObject("select id from cycle where year = 2023", Long.class);
    }

    @Test
    void aNewDistrictWithBadInputShowsTheMessagesByTheFieldsAndKeepsWhatWasTyped() throws Exception {
        String before = state();
        String page = answer(post("/cycles/2023/ranking").param("district", "").param("total", "tám mươi"), 400);
        assertThat(page).containsPattern("id=\"district-error\" class=\"invalid-feedback\">[^<]+</div>")
                .containsPattern("id=\"total-error\" class=\"invalid-feedback\">Điểm phải là một số")
                .contains("value=\"t&aacute;m mươi\"");
        page = answer(post("/cycles/2023/ranking").param("district", "Lục Nam").param("total", "100,5"), 400);
        assertThat(page).containsPattern("id=\"total-error\" class=\"invalid-feedback\">[^<]+</div>")
                .contains("value=\"Lục Nam\"", "value=\"100,5\"");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aCorrectionWithBadInputIsShownInItsRowAndChangesNothing() throws Exception {
        answer(post("/cycles/2023/ranking").param("district", "Yên Dũng").param("total", "80,5"), 302);
        long id = jdbc.queryForObject("select id from peer_district_score where district = 'Yên Dũng'", Long.class);
        long version = jdbc.queryForObject("select version from peer_district_score where id = ?", Long.class, id);
        String before = state();
        String page = answer(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "abc")
                .param("version", String.valueOf(version)), 400);
        assertThat(page).containsPattern("id=\"total-" + id + "\"[^>]*value=\"abc\"[^>]*is-invalid|id=\"total-" + id
                + "\"[^>]*is-invalid[^>]*value=\"abc\"").contains("Điểm phải là một số");
        answer(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "81"), 400);
        answer(post("/cycles/2023/ranking").param("id", "x").param("total", "81").param("version", "0"), 400);
        answer(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "81")
                .param("version", String.valueOf(version + 1)), 409);
        assertThat(state()).isEqualTo(before);
        answer(post("/cycles/2023/ranking/" + id + "/delete").param("version", String.valueOf(version)), 302);
    }

    @Test
    void theYearComesFromTheAddress() throws Exception {
        String before = state();
        mvc.perform(get("/cycles/2023/ranking").with(SignedIn.as(users, "lanhdao"))).andExpect(status().isOk());
        answer(post("/cycles/1999/ranking").param("district", "Lục Ngạn").param("total", "80"), 404);
        answer(post("/cycles/20x3/ranking").param("district", "Lục Ngạn").param("total", "80"), 400);
        mvc.perform(get("/cycles/1999/ranking").with(SignedIn.as(users, "lanhdao"))).andExpect(status().isNotFound());
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void onlyAdminKeepsTheTableEvenWhenTheServiceIsCalledDirectly() {
        String before = state();
        for (String person : new String[] {"tuphap", "lanhdao"}) {
            CurrentUser caller = SignedIn.onThisThread(users, person);
            assertThatThrownBy(() -> ranking.add(caller, cycle2023(), "Lục Ngạn", "80")).as(person)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ranking.correct(caller, cycle2023(), 1, "80", 0L)).as(person)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> ranking.remove(caller, 1, 0L)).as(person)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(state()).isEqualTo(before);
    }
}
