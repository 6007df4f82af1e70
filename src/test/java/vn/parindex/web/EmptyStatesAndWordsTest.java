package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * One word for one thing and empty states that say who acts (issue 22): every score in a table has 4 decimals;
 * only Home Affairs is offered to correct the ranking, the others are told who does (the dossier's document list:
 * {@code dossier.EmptyDossierTest}); the dashboard's missing forecast names who enters the other districts' totals; a discrepancy names its
 * domain; a submission of today is marked as such in the queue; the task form takes units and criteria as
 * checkboxes, several at once, and refuses an unknown criterion or a task without a lead unit, storing nothing.
 * Checked on data (identifiers, links, counts, message keys), not on sentences.
 */
@WorkflowTest
class EmptyStatesAndWordsTest {

    /** A figure with exactly two decimals (not a percentage): what a table must not show next to 4-decimal scores. */
    static final Pattern TWO_DECIMALS = Pattern.compile("(?<![\\d,.])\\d{1,3}(?:\\.\\d{3})*,\\d{2}(?![\\d%,])");

    static final Pattern FOUR_DECIMALS = Pattern.compile("\\d,\\d{4}(?!\\d)");

    static final Locale VI = Locale.forLanguageTag("vi");

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    Document page(String user, String path) throws Exception {
        return SignedIn.page(mvc, users, user, path);
    }

    MockHttpServletRequestBuilder form(String user, String path) {
        return SignedIn.form(users, user, path);
    }

    String vi(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    @Test
    void everyTableWritesItsScoresAndMaximaWithFourDecimals() throws Exception {
        // a submission, so that the queue has a row too
        mvc.perform(multipart("/cycles/2023/criteria/1.2/assessments").param("score", "1,5").param("comment", "Đạt")
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().isFound());
        List<String> twoDecimals = new ArrayList<>();
        int fourDecimals = 0;
        for (String path : List.of("/", "/cycles/2023/appendix?all=true", "/units", "/units/NOIVU",
                "/cycles/2023/criteria/1", "/cycles/2023/criteria/1.1", "/cycles/2023/reconciliation",
                "/cycles/2023/points", "/review", "/assignments/overview")) {
            Document page = page("noivu", path);
            for (Element cell : page.select("table td, table th")) {
                String text = cell.text();
                Matcher m = TWO_DECIMALS.matcher(text);
                while (m.find()) {
                    twoDecimals.add(path + ": " + m.group() + " in «" + text + "»");
                }
                fourDecimals += FOUR_DECIMALS.matcher(text).results().count();
            }
        }
        assertThat(twoDecimals).isEmpty();
        assertThat(fourDecimals).isGreaterThan(100);
        // the maxima too: the appendix's total row is 100 points, written as the scores beside it
        Document appendix = page("lanhdao", "/cycles/2023/appendix?all=true");
        assertThat(appendix.select("#appendix td").eachText()).contains("100,0000");
    }

    @Test
    void onlyHomeAffairsIsOfferedToCorrectTheRankingTheOthersAreToldWhoDoes() throws Exception {
        mvc.perform(form("noivu", "/cycles/2023/ranking").param("district", "Lục Nam").param("total", "80,5"))
                .andExpect(status().isFound());
        try {
            Document admin = page("noivu", "/cycles/2023/ranking");
            assertThat(admin.select("#peers form[action*=/ranking]")).isNotEmpty();
            assertThat(admin.select("#peer-form")).hasSize(1);
            assertThat(admin.select("#ranking-help").text()).contains(vi("ranking.helpAdmin"));
            for (String reader : List.of("lanhdao", "tuphap")) {
                Document page = page(reader, "/cycles/2023/ranking");
                assertThat(page.select("#peers td").eachText()).as(reader).contains("Lục Nam", "80,5000");
                assertThat(page.select("main form")).as(reader).isEmpty();
                assertThat(page.select("main input")).as(reader).isEmpty();
                assertThat(page.select("#ranking-help").text()).as(reader).contains(vi("ranking.helpOthers"))
                        .doesNotContain(vi("ranking.helpAdmin"));
            }
        } finally {
            jdbc.update("delete from peer_district_score");
        }
    }

    @Test
    void withoutTheOtherDistrictsTheDashboardSaysWhoEntersThemAndKeepsThePlansRank() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from peer_district_score", Long.class)).isZero();
        Integer rank = jdbc.queryForObject("select baseline_rank from cycle where year = 2023", Integer.class);
        Integer count = jdbc.queryForObject("select district_count from cycle where year = 2023", Integer.class);
        for (String reader : List.of("lanhdao", "tuphap")) {
            Document page = page(reader, "/");
            assertThat(page.select("#baseline-rank").text()).as(reader).contains(rank + "/" + count, "2022");
            assertThat(page.select("#forecast-rank")).as(reader).hasSize(1);
            assertThat(page.select("#forecast-rank").first().tagName()).as(reader).isEqualTo("div");
            assertThat(page.select("#forecast-rank a")).as(reader).isEmpty();
        }
        Document admin = page("noivu", "/");
        assertThat(admin.select("a#forecast-rank").attr("href")).isEqualTo("/cycles/2023/ranking");
    }

    @Test
    void aDiscrepancyNamesItsDomain() throws Exception {
        Document page = page("lanhdao", "/");
        List<String> items = page.select("#discrepancies li").eachText();
        assertThat(items).isNotEmpty();
        for (String item : items) {
            String code = item.substring(0, item.indexOf(' ')).replaceAll("\\.$", "");
            List<String> names = jdbc.queryForList("select c.name from criterion c join cycle y on y.id = c.cycle_id"
                    + " where y.year = 2023 and c.code = ?", String.class, code);
            if (!names.isEmpty()) {
                assertThat(item).contains(code + ". " + names.get(0));
            } else {
                assertThat(item).startsWith(vi("table.total"));
            }
        }
    }

    @Test
    void aSubmissionOfTodayIsMarkedSentTodayInTheQueue() throws Exception {
        mvc.perform(multipart("/cycles/2023/criteria/2.1/assessments").param("score", "1").param("comment", "Đạt")
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().isFound());
        Document queue = page("noivu", "/review");
        Element row = queue.select("#queue tbody tr").stream()
                .filter(r -> r.select("th").text().equals("2.1")).findFirst().orElseThrow();
        Element waited = row.selectFirst("td[data-days]");
        assertThat(waited.attr("data-days")).isEqualTo("0");
        assertThat(waited.text()).isEqualTo(vi("queue.today")).isNotEqualTo(vi("queue.days", 0));
    }

    @Test
    void aReportInputsStateAndLatenessReadTheSameOnEveryPageThatShowsIt() throws Exception {
        String input = "/cycles/2023/reports/2023-Q1/units/TUPHAP";
        Element own = page("tuphap", input).selectFirst("#input-status");
        Element row = page("noivu", "/cycles/2023/reports/2023-Q1").selectFirst("#period-units tr[data-unit=TUPHAP]");
        Element mine = page("tuphap", "/cycles/2023/reports").select("#periods tbody tr").stream()
                .filter(r -> r.select("a[href$=/2023-Q1/units/TUPHAP]").size() == 1).findFirst().orElseThrow();
        String state = own.selectFirst(".badge").text();
        // the state as stored, in its one word
        String stored = jdbc.queryForList("select status from report_input ri join unit u on u.id = ri.unit_id"
                + " where u.code = 'TUPHAP' and ri.period = '2023-Q1'", String.class).stream().findFirst()
                .orElse("NOT_STARTED");
        assertThat(state).isEqualTo(vi("reports.status." + stored));
        assertThat(row.select("td").get(1).selectFirst("span").text()).isEqualTo(state);
        assertThat(mine.selectFirst(".badge").text()).isEqualTo(state);
        // lateness: one marker, the same word wherever it shows, beside the state (never instead of it)
        List<String> markers = new ArrayList<>();
        markers.addAll(own.select(".text-danger").eachText());
        markers.addAll(row.select(".badge.bg-danger").eachText());
        markers.addAll(mine.select(".text-danger").eachText());
        assertThat(markers).allMatch(m -> m.equals(vi("reports.lateShort")));
        assertThat(markers.size()).isIn(0, 3);
    }

    long taskCount() {
        return jdbc.queryForObject("select count(*) from task", Long.class);
    }

    long historyCount() {
        return jdbc.queryForObject("select count(*) from change_history", Long.class);
    }

    @Test
    void theTaskFormTakesSeveralUnitsAndCriteriaAsCheckboxesAndRefusesBadOnesStoringNothing() throws Exception {
        Document blank = page("noivu", "/cycles/2023/tasks/new");
        assertThat(blank.select("#task-form select[multiple]")).isEmpty();
        long units = jdbc.queryForObject("select count(*) from unit where active", Long.class);
        assertThat(blank.select("#lead-choices input[type=checkbox][name=leadUnits]")).hasSize((int) units);
        assertThat(blank.select("#coordinating-choices input[type=checkbox][name=coordinatingUnits]"))
                .hasSize((int) units);
        List<String> criteria = jdbc.queryForList("select c.code from criterion c join cycle y on y.id = c.cycle_id"
                + " where y.year = 2023 and c.level > 1", String.class);
        assertThat(blank.select("#criteria-choices input[type=checkbox][name=criterionCodes]").eachAttr("value"))
                .containsExactlyInAnyOrderElementsOf(criteria);
        // grouped by domain: every box sits in its domain's group
        for (Element group : blank.select("#criteria-choices details[data-domain]")) {
            String domain = group.attr("data-domain");
            assertThat(group.select("input").eachAttr("value")).allMatch(c -> c.startsWith(domain + "."));
        }

        long tasks = taskCount();
        long history = historyCount();
        // an unknown criterion: 400, what was ticked ticked again, nothing stored
        String bad = mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Rà soát bổ nhiệm")
                .param("domainCode", "5").param("criterionCodes", "5.1", "9.9").param("leadUnits", "NOIVU")
                .param("startDate", "01/04/2023").param("dueDate", "30/06/2023").param("status", "NOT_STARTED"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document refused = Jsoup.parse(bad);
        assertThat(refused.select("#lead-choices input[checked]").eachAttr("value")).containsExactly("NOIVU");
        assertThat(refused.select("#criteria-choices input[checked]").eachAttr("value")).containsExactly("5.1");
        assertThat(refused.select("#criteria-choices details[data-domain=5][open]")).hasSize(1);
        // no lead unit; a criterion of another domain
        mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Rà soát bổ nhiệm").param("domainCode", "5")
                .param("criterionCodes", "5.1").param("coordinatingUnits", "VANPHONG").param("startDate", "01/04/2023")
                .param("dueDate", "30/06/2023").param("status", "NOT_STARTED")).andExpect(status().isBadRequest());
        mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Rà soát bổ nhiệm").param("domainCode", "5")
                .param("criterionCodes", "5.1", "1.1").param("leadUnits", "NOIVU").param("startDate", "01/04/2023")
                .param("dueDate", "30/06/2023").param("status", "NOT_STARTED")).andExpect(status().isBadRequest());
        assertThat(taskCount()).isEqualTo(tasks);
        assertThat(historyCount()).isEqualTo(history);

        // several units and criteria ticked at once
        String created = mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Rà soát bổ nhiệm")
                .param("domainCode", "5").param("criterionCodes", "5.1", "5.2").param("leadUnits", "NOIVU", "TUPHAP")
                .param("coordinatingUnits", "VANPHONG").param("startDate", "01/04/2023").param("dueDate", "30/06/2023")
                .param("status", "NOT_STARTED")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        assertThat(jdbc.queryForList("select u.code || ':' || tu.role from task_unit tu join unit u on u.id = tu.unit_id"
                + " where tu.task_id = ?", String.class, id))
                .containsExactlyInAnyOrder("NOIVU:LEAD", "TUPHAP:LEAD", "VANPHONG:COORDINATING");
        assertThat(jdbc.queryForList("select c.code from task_criterion tc join criterion c on c.id = tc.criterion_id"
                + " where tc.task_id = ?", String.class, id)).containsExactlyInAnyOrder("5.1", "5.2");
        Document edit = page("noivu", created + "/edit");
        assertThat(edit.select("#lead-choices input[checked]").eachAttr("value")).containsExactlyInAnyOrder("NOIVU",
                "TUPHAP");
        assertThat(edit.select("#coordinating-choices input[checked]").eachAttr("value")).containsExactly("VANPHONG");
        assertThat(edit.select("#criteria-choices input[checked]").eachAttr("value")).containsExactlyInAnyOrder("5.1",
                "5.2");
        // unticking a criterion through the edit form
        String version = edit.select("#task-form input[name=version]").val();
        mvc.perform(form("noivu", created).param("title", "Rà soát bổ nhiệm").param("domainCode", "5")
                .param("criterionCodes", "5.2").param("leadUnits", "NOIVU").param("startDate", "01/04/2023")
                .param("dueDate", "30/06/2023").param("status", "NOT_STARTED").param("version", version))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select c.code from task_criterion tc join criterion c on c.id = tc.criterion_id"
                + " where tc.task_id = ?", String.class, id)).containsExactly("5.2");
    }
}
