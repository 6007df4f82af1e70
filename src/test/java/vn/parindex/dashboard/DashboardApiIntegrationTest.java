package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.WorkflowTest;

/** What a leader sees on the dashboard without clicking is what the API gives. */
@WorkflowTest
class DashboardApiIntegrationTest {

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    String api(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String url) throws Exception {
        CurrentUser leader = users.findByUsernameWithUnit("lanhdao")
                .map(u -> new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(),
                        u.getRole(), null, null, null, u.isEnabled()))
                .orElseThrow();
        return mvc.perform(get(url).with(user(leader))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String vietnamese(Object number) {
        return new BigDecimal(number.toString()).setScale(4, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String titleOf(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" title=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    static String byId(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).trim();
    }

    @Test
    void theHeadlineTheForecastAndTheTopFiveMatchTheApi() throws Exception {
        long cycle = jdbc.queryForObject("select id from cycle where year = 2023", Long.class);
        double[] totals = {90.1, 89.5, 88.2, 87.9, 86.0, 85.5, 84.9, 83.1, 81.0};
        try {
            for (int i = 0; i < totals.length; i++) {
                jdbc.update("insert into peer_district_score (cycle_id, district, total) values (?, ?, ?)", cycle,
                        "Huyện kiểm thử " + i, BigDecimal.valueOf(totals[i]));
            }
            String json = api("/api/v1/cycles/2023/dashboard");
            String html = page("/");
            // each card: 2 decimals shown, the exact figure on hover, both the API's
            for (String[] card : new String[][] {{"total-baseline", "$.baselineScore"},
                    {"total-target", "$.targetScore"}, {"total-projection", "$.projection"}}) {
                Object exact = JsonPath.read(json, card[1]);
                assertThat(titleOf(html, card[0])).as(card[0]).isEqualTo(vietnamese(exact));
                assertThat(byId(html, card[0])).as(card[0]).isEqualTo(new BigDecimal(exact.toString())
                        .setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ','));
            }
            assertThat(vietnamese(JsonPath.read(json, "$.targetScore"))).isEqualTo("92,0000");
            int rank = JsonPath.read(json, "$.forecastRank");
            int districts = JsonPath.read(json, "$.districtCount");
            assertThat(districts).isEqualTo(10);
            // 84,0256 (nothing assessed yet) stands above 83,1 and 81,0 only: 8th of 10, as in 2022
            assertThat(rank).isEqualTo(8);
            assertThat(byId(html, "forecast-rank")).isEqualTo("Dự báo xếp hạng " + rank + "/" + districts);
            // the plan's published rank of the baseline year, and the target rank
            assertThat(byId(html, "baseline-rank")).contains("8/10", "2022");
            assertThat(byId(html, "target-rank")).contains("5/10").doesNotContain("8/10");

            List<String> apiTop = JsonPath.read(json, "$.topRecoverable[0:5].code");
            String table = html.substring(html.indexOf("id=\"top-recoverable\""));
            table = table.substring(0, table.indexOf("</table>"));
            Matcher code = Pattern.compile("<th scope=\"row\"[^>]*>([^<]+)</th>").matcher(table);
            List<String> pageTop = new ArrayList<>();
            while (code.find()) {
                pageTop.add(code.group(1));
            }
            assertThat(pageTop).hasSize(5).isEqualTo(apiTop);
            List<Number> recoverable = JsonPath.read(json, "$.topRecoverable[*].recoverable");
            for (int i = 1; i < recoverable.size(); i++) {
                assertThat(new BigDecimal(recoverable.get(i - 1).toString()))
                        .as("most recoverable first").isGreaterThanOrEqualTo(new BigDecimal(recoverable.get(i).toString()));
            }
        } finally {
            jdbc.update("delete from peer_district_score where district like 'Huyện kiểm thử %'");
        }
    }

    @Test
    void withoutTheOtherDistrictsThereIsNoForecastAndAnUnknownYearIs404() throws Exception {
        String json = api("/api/v1/cycles/2023/dashboard");
        assertThat((Object) JsonPath.read(json, "$.forecastRank")).isNull();
        // no forecast: the leader is told who enters the other districts' totals (no rank, no link)
        assertThat(byId(page("/"), "forecast-rank")).doesNotContain("/10")
                .isEqualTo(messages.getMessage("dashboard.noRanking", new Object[] {messages.getMessage("body.peers.DISTRICT",
                        null, java.util.Locale.forLanguageTag("vi"))}, java.util.Locale.forLanguageTag("vi")));
        String missing = mvc.perform(get("/api/v1/cycles/1999/dashboard").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(missing, "$.detail")).isEqualTo("Không có kỳ đánh giá năm 1999");
        mvc.perform(get("/api/v1/cycles/2023/dashboard")).andExpect(status().isUnauthorized());
    }
}
