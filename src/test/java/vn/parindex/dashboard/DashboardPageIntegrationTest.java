package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.PublishedPlan;

/** The first page, reached through the real login form. */
@IntegrationTest
class DashboardPageIntegrationTest {

    @Autowired
    MockMvc mvc;

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(vn.parindex.support.SignedIn.landed())
                .andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String url) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsAreSentToTheVietnameseLoginForm() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        String login = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("Đăng nhập", "Tên đăng nhập", "Mật khẩu", "name=\"_csrf\"");
    }

    @Test
    void wrongPasswordOrMissingCsrfTokenDoNotLogIn() throws Exception {
        mvc.perform(formLogin("/login").user("lanhdao").password("sai"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", "lanhdao").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void afterLoginTheAppendixIsShownTheVietnameseWay() throws Exception {
        MockHttpSession session = login("lanhdao", "demo");
        String html = page(session, "/");
        assertThat(html).contains("Chỉ số cải cách hành chính năm 2023", "84,0256", "92,0000", "100,00",
                "+ 8", "0/41 tiêu chí");
        // headline cards: 2 decimals as the plan's prose writes them, the exact figure on hover; progress as a count
        assertThat(html).contains("id=\"total-baseline\" title=\"84,0256\">84,03<",
                "id=\"total-target\" title=\"92,0000\">92,00<", "Tính theo điểm năm nay của các tiêu chí đã có điểm")
                .doesNotContain("id=\"total-current\"");
        String appendix = page(session, "/cycles/2023/appendix");
        for (PublishedPlan.Row row : PublishedPlan.rows()) {
            if (row.code().equals("TOTAL")) {
                continue;
            }
            assertThat(appendix).as(row.code()).contains(escape(row.name()));
            if (row.code().contains(".")) {
                // a domain opened on the dashboard shows its criteria
                String domain = row.code().substring(0, row.code().indexOf('.'));
                assertThat(page(session, "/cycles/2023/domains/" + domain + "/rows")).as(row.code())
                        .contains("id=\"row-" + row.code() + "\"", escape(row.name()));
            } else {
                assertThat(html).as(row.code()).contains(escape(row.name()));
            }
        }
        mvc.perform(get("/cycles/2023/domains/1.1/rows").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/cycles/2023/domains/99/rows").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/cycles/1999/domains/1/rows").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/cycles/1999/appendix").session(session)).andExpect(status().isNotFound());
        // domain 1: 14,00 max, 9,6419 baseline (68,87%), target 12,2500 (87,50%), planned change + 3
        assertThat(html).contains("9,6419", "68,87%", "12,2500", "87,50%", "+ 3", "Phòng Văn hóa – Thông tin");
        // the published domain-3 figure disagrees with its criteria: kept, and shown as a warning
        assertThat(html).contains("26,3604", "26,4038", "Số liệu công bố không khớp");
        assertThat(appendix).contains("Điểm điều tra XHH");
    }

    @Test
    void thePointsPageListsEveryCriterionWithItsPointsUnitsAndStatus() throws Exception {
        MockHttpSession session = login("tuphap", "demo");
        String html = page(session, "/cycles/2023/points");
        var doc = org.jsoup.Jsoup.parse(html);
        var rows = doc.select("#by-recoverable tbody tr");
        assertThat(rows).isNotEmpty();
        for (var row : rows) {
            var cells = row.select("th, td");
            assertThat(cells).hasSize(5);
            assertThat(cells.get(2).text()).as("points the Vietnamese way").matches("\\d+,\\d{4}");
            assertThat(cells.get(3).text()).as("lead units or the survey badge").isNotBlank();
            assertThat(cells.get(4).text()).isEqualTo("Chưa gửi");
            assertThat(cells.get(1).selectFirst("a").attr("href"))
                    .isEqualTo("/cycles/2023/criteria/" + cells.get(0).text());
        }
        assertThat(doc.select("#by-gap tbody tr")).isNotEmpty();
        assertThat(html).contains("Điểm điều tra XHH", "Phòng Tư pháp").doesNotContain("; </span>");
        assertThat(page(session, "/cycles/2023/points?lang=en")).contains("Not submitted");
        mvc.perform(get("/cycles/1999/points").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void everyRoleSeesThePageAndCanSwitchToEnglish() throws Exception {
        for (String user : new String[] {"noivu", "tuphap", "lanhdao"}) {
            MockHttpSession session = login(user, "demo");
            assertThat(page(session, "/")).contains("84,0256");
            var response = mvc.perform(get("/").param("lang", "en").session(session))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Public Administration Reform Index 2023", "84,0256", "Total");
            jakarta.servlet.http.Cookie language = response.getCookie("PARINDEX_LANG");
            assertThat(language).as("the choice is remembered in a cookie").isNotNull();
            assertThat(mvc.perform(get("/").session(session).cookie(language)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("Sign out");
            assertThat(language(page(session, "/?lang=fr"))).as("unsupported languages fall back to Vietnamese")
                    .isEqualTo("vi");
        }
    }

    @Test
    void pagesCarrySecurityHeadersAndUnknownCycleIs404() throws Exception {
        MockHttpSession session = login("noivu", "demo");
        mvc.perform(get("/").session(session))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/").param("year", "1999").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        MockHttpSession session = login("tuphap", "demo");
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(session)).andExpect(status().isFound());
    }

    @Test
    void aKeptDashboardIsPersonalCarriesItsOwnRequestsFormTokenAndThatTokenLogsOut() throws Exception {
        MockHttpSession admin = login("noivu", "demo");
        MockHttpSession leader = login("lanhdao", "demo");
        String first = page(admin, "/");
        String second = page(admin, "/");
        String leaders = page(leader, "/");
        assertThat(first).contains("Phòng Nội vụ – quản trị").doesNotContain("id=\"user-role\">Lãnh đạo</span>");
        assertThat(leaders).contains("id=\"user-role\">Lãnh đạo</span>").doesNotContain("Phòng Nội vụ – quản trị");
        String token = csrfToken(second);
        assertThat(token).isNotEqualTo(csrfToken(first));
        // the page is otherwise the same: served again, with this request's token in place of the first one's
        assertThat(second.replace(token, "T")).isEqualTo(first.replace(csrfToken(first), "T"));
        mvc.perform(post("/logout").param("_csrf", "forged").session(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").param("_csrf", token).session(admin)).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(admin)).andExpect(redirectedUrl("/login"));
        // switching the language is never answered from what was kept
        var english = mvc.perform(get("/").param("lang", "en").session(leader)).andReturn().getResponse();
        assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("Sign out");
        assertThat(mvc.perform(get("/").session(leader).cookie(english.getCookie("PARINDEX_LANG"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Sign out");
        assertThat(language(page(leader, "/"))).as("without the cookie: Vietnamese").isEqualTo("vi");
        // another year is another page
        assertThat(language(page(leader, "/?year=2023"))).isEqualTo("vi");
        mvc.perform(get("/").param("year", "1999").session(leader)).andExpect(status().isNotFound());
    }

    @Test
    void unitPagesShowWhatEachUnitLeadsAndHowFarItHasGot() throws Exception {
        MockHttpSession session = login("lanhdao", "demo");
        String table = page(session, "/units");
        assertThat(table).contains("id=\"unit-TUPHAP\"", "Phòng Tư pháp", "id=\"unit-NOIVU\"", "Thanh tra huyện",
                "0/");
        String unit = page(session, "/units/TUPHAP");
        assertThat(unit).contains("Phòng Tư pháp: tiến độ năm 2023", "Tiêu chí đơn vị chủ trì",
                "/cycles/2023/criteria/2.2\"", "Đã đánh giá 0/");
        mvc.perform(get("/units/KHONGCO").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/units").param("year", "1999").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void aDomainPageListsItsCriteriaWithAllFiguresAndEveryCriterionShowsItsTrend() throws Exception {
        MockHttpSession session = login("vhtt", "demo");
        String domain = page(session, "/cycles/2023/criteria/1");
        assertThat(domain).contains("id=\"parts\"", "Các tiêu chí thuộc mục này");
        for (PublishedPlan.Row row : PublishedPlan.rows()) {
            if (row.code().startsWith("1.")) {
                assertThat(domain).as(row.code()).contains(escape(row.name()));
            }
        }
        assertThat(domain).contains("Phòng Văn hóa – Thông tin", "Qua các kỳ đánh giá", "2022: 9,6419");
        String criterion = page(session, "/cycles/2023/criteria/1.1");
        assertThat(criterion).doesNotContain("id=\"parts\"").contains("id=\"trend\"", "Mới có một kỳ đánh giá");
    }

    private static String csrfToken(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a form token in the page").isTrue();
        return m.group(1);
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The language a page says it is written in ({@code <html lang>}). */
    static String language(String html) {
        return org.jsoup.Jsoup.parse(html).selectFirst("html").attr("lang");
    }
}
