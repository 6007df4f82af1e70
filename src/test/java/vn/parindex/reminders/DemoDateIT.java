package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.reporting.ReportCalendars;
import vn.parindex.reporting.ReportService;
import vn.parindex.reporting.ReportViews.PeriodSummary;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskView;

/**
 * The demo on a day of the plan's year (parindex.demo.today): every rule of what is due and late counts that day
 * as today, this year's items are listed row by row with the offices folded, and every page says which day it is.
 */
@IntegrationTest
@TestPropertySource(properties = {"parindex.test.database=demodate", "parindex.demo.today=2023-06-08"})
class DemoDateIT {

    static final LocalDate DEMO = LocalDate.of(2023, 6, 8);

    @Autowired
    Clock clock;

    @Autowired
    TaskService tasks;

    @Autowired
    ReportService reports;

    @Autowired
    ReportCalendars calendars;

    @Autowired
    KeptCycles cycles;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    Document page(String user, String path) throws Exception {
        return SignedIn.page(mvc, users, user, path);
    }

    @Test
    void businessRulesCountTheDemoDateAsToday() {
        assertThat(LocalDate.now(clock)).isEqualTo(DEMO);
        assertThat(tasks.today()).isEqualTo(DEMO);
        assertThat(calendars.today()).isEqualTo(DEMO);
        Cycle cycle = cycles.byYear(2023).orElseThrow();
        // the plan's tasks run to 31/12/2023: on the demo date none is overdue
        assertThat(tasks.tasks(cycle, null)).isNotEmpty().noneMatch(TaskView::overdue);
        assertThat(tasks.overdueCount(cycle)).isZero();
        // one due before the demo date is
        long task = jdbc.queryForObject("select min(id) from task where cycle_id = ? and status <> 'DONE'",
                Long.class, cycle.getId());
        jdbc.update("update task set due_date = date '2023-05-31' where id = ?", task);
        try {
            assertThat(tasks.overdueCount(cycle)).isEqualTo(1);
            assertThat(tasks.task(task).overdue()).isTrue();
        } finally {
            jdbc.update("update task set due_date = date '2023-12-31' where id = ?", task);
        }
        // May's inputs (due 15/05) are late, September's are still to come
        assertThat(reports.periods(cycle)).filteredOn(p -> p.period().code().equals("2023-05")).singleElement()
                .extracting(PeriodSummary::late).isNotEqualTo(0);
        assertThat(reports.periods(cycle)).filteredOn(p -> !p.deadline().isBefore(DEMO))
                .isNotEmpty().allSatisfy(p -> assertThat(p.late()).isZero());
    }

    @Test
    void aFreshDemoDatabaseShowsTheProgressOfANormalYear() {
        Cycle cycle = cycles.byYear(2023).orElseThrow();
        // the plan's launch tasks done, the others under way, the "Khắc phục tồn tại" ones still to come
        assertThat(tasks.tasks(cycle, null)).extracting(TaskView::status).map(Enum::name)
                .contains("DONE", "IN_PROGRESS", "NOT_STARTED");
        assertThat(jdbc.queryForObject("select max(at) from task_update", java.time.OffsetDateTime.class)
                .toLocalDate()).isBefore(DEMO);
        // every input of the first quarter sent and accepted, one of them late; May's: one awaiting review,
        // one not sent
        PeriodSummary q1 = reports.periods(cycle).stream().filter(p -> p.period().code().equals("2023-Q1"))
                .findFirst().orElseThrow();
        assertThat(q1.accepted()).isEqualTo(q1.expected()).isPositive();
        assertThat(q1.late()).isZero();
        PeriodSummary may = reports.periods(cycle).stream().filter(p -> p.period().code().equals("2023-05"))
                .findFirst().orElseThrow();
        assertThat(may.submitted()).isEqualTo(1);
        assertThat(may.notStarted()).isEqualTo(1);
        assertThat(may.late()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from report_input where period = '2023-01' "
                + "and first_submitted_at >= timestamptz '2023-01-16 00:00+07'", Long.class)).isEqualTo(1);
        // nothing dated after the demo date
        assertThat(jdbc.queryForObject("select count(*) from report_input where submitted_at >= ? "
                + "or reviewed_at >= ?", Long.class, DEMO.atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .toOffsetDateTime(), DEMO.atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime()))
                .isZero();
    }

    @Test
    void theDistrictsListIsThisYearsRowByRowEachRowNamingHowManyOfficesOwe() throws Exception {
        Document page = page("noivu", "/todo");
        assertThat(page.select("#todo-year-over")).isEmpty();
        // the inputs of past months are late, June's (due 15/06) due soon
        assertThat(page.select("#todo tr[data-kind=REPORT_INPUT].table-danger")).isNotEmpty();
        assertThat(page.select("#todo tr[data-kind=REPORT_INPUT]:not(.table-danger)").text()).contains("tháng 6");
        // May's input awaiting review waits on Home Affairs: not "due soon" though its period's deadline is given
        assertThat(page.select("#todo tr[data-kind=REPORT_REVIEW] .badge").eachText()).containsExactly("Đang chờ xử lý");
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/todo").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.path("yearOver").asBoolean()).isFalse();
        assertThat(api.path("foldedLate").asInt()).isZero();
        // a row owed by several offices says how many, the names folded under it
        int several = 0;
        for (Element row : page.select("#todo tbody tr")) {
            Element folded = row.selectFirst("details.todo-units");
            if (folded == null) {
                continue;
            }
            several++;
            int names = folded.selectFirst("span").text().split(", ").length;
            assertThat(names).isGreaterThan(2);
            assertThat(folded.selectFirst("summary").text()).isEqualTo(names + " đơn vị");
        }
        assertThat(several).isPositive();
        // the badge counts every row, red while some are late
        String count = mvc.perform(get("/todo/count").with(SignedIn.as(users, "noivu"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(count).isEqualTo(page.select("#todo tbody tr").size() + " "
                + page.select("#todo tbody tr.table-danger").size());
    }

    @Test
    void everyPageSaysItIsADemoOnThatDay() throws Exception {
        for (String path : new String[] {"/", "/todo", "/cycles/2023/tasks", "/cycles/2023/reports", "/units/TUPHAP"}) {
            Document page = Jsoup.parse(mvc.perform(get(path).with(SignedIn.as(users, "noivu")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("#demo-date").text()).as(path).contains("08/06/2023");
            // printed too
            assertThat(page.select("#demo-date").attr("class")).doesNotContain("d-print-none");
        }
        Document login = Jsoup.parse(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(login.select("#demo-date").text()).contains("08/06/2023");
    }
}
