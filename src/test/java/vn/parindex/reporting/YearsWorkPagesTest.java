package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * The pages of the year's work: the task list and a task (progress recorded through its form), a unit's report
 * input (saved, sent, returned, sent again, accepted through the forms), the period's page and the to-do lists.
 */
@WorkflowTest
class YearsWorkPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    Document page(String user, String path) throws Exception {
        return SignedIn.page(mvc, users, user, path);
    }

    MockHttpServletRequestBuilder form(String user, String path) {
        return SignedIn.form(users, user, path);
    }

    long justiceTask() {
        return jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = tu.unit_id"
                + " where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
    }

    @Test
    void theTaskListShowsTheUnitsTasksWithCountsAndATaskTakesProgressThroughItsForm() throws Exception {
        // the menu's "Nhiệm vụ": a unit head lands on the unit's own tasks
        String target = mvc.perform(get("/tasks").with(SignedIn.as(users, "tuphap"))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).isEqualTo("/cycles/2023/tasks?unit=TUPHAP");
        Document list = page("tuphap", target);
        assertThat(list.select("table.tasks tbody tr[data-task]")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("Phòng Tư pháp"));
        assertThat(list.select("#task-counts").text()).contains("Hoàn thành:", "Đang thực hiện:", "Quá hạn:");
        assertThat(list.select("a[href=/cycles/2023/tasks/new]")).isEmpty();
        assertThat(page("noivu", "/cycles/2023/tasks").select("a[href=/cycles/2023/tasks/new]")).hasSize(1);
        // the overdue filter lists only overdue tasks (2023 is over: every task not done)
        Document overdue = page("lanhdao", "/cycles/2023/tasks?status=OVERDUE");
        assertThat(overdue.select("table.tasks tbody tr[data-task]")).allSatisfy(row ->
                assertThat(row.hasClass("table-danger")).isTrue());

        long task = justiceTask();
        Document taskPage = page("tuphap", "/tasks/" + task);
        assertThat(taskPage.select("#progress-form")).hasSize(1);
        assertThat(page("vhtt", "/tasks/" + task).select("#progress-form")).isEmpty();
        // a bad percent: 400, the form again with the note kept, nothing written
        long updates = jdbc.queryForObject("select count(*) from task_update", Long.class);
        String again = mvc.perform(form("tuphap", "/tasks/" + task + "/updates").param("note", "Đã làm")
                .param("percent", "150").param("status", "IN_PROGRESS")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(again).select("#percent.is-invalid")).hasSize(1);
        assertThat(Jsoup.parse(again).select("#note").text()).isEqualTo("Đã làm");
        mvc.perform(form("tuphap", "/tasks/" + task + "/updates").param("note", "Đã làm")
                .param("percent", "một nửa").param("status", "IN_PROGRESS")).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from task_update", Long.class)).isEqualTo(updates);
        mvc.perform(form("tuphap", "/tasks/" + task + "/updates").param("note", "Đã tổ chức hội nghị")
                .param("percent", "60").param("status", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
        Document after = page("tuphap", "/tasks/" + task);
        assertThat(after.select("#task-updates li").first().text()).contains("Đã tổ chức hội nghị", "60%",
                "Đang thực hiện");
        assertThat(after.select("#task-status").attr("data-status")).isEqualTo("IN_PROGRESS");
        // the list (kept per data revision and day) shows it at once
        assertThat(page("tuphap", target).select("tr[data-task=" + task + "]").text()).contains("Đang thực hiện", "60%");
        // another unit's head is refused
        mvc.perform(form("vhtt", "/tasks/" + task + "/updates").param("note", "x")).andExpect(status().isForbidden());

        // progress with an evidence document; a page renamed .pdf is refused with the note kept, nothing written
        long files = jdbc.queryForObject("select count(*) from evidence", Long.class);
        long before = jdbc.queryForObject("select count(*) from task_update", Long.class);
        String refused = mvc.perform(multipart("/tasks/" + task + "/updates")
                        .file(new MockMultipartFile("files", "bien-ban.pdf", "application/pdf", "<html>".getBytes()))
                        .param("note", "Biên bản kiểm tra").param("status", "IN_PROGRESS")
                        .with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(refused).select("#progress-form .alert-danger").text()).contains("PDF");
        assertThat(Jsoup.parse(refused).select("#note").text()).isEqualTo("Biên bản kiểm tra");
        mvc.perform(multipart("/tasks/" + task + "/updates")
                        .file(new MockMultipartFile("files", "bien-ban.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .param("note", "Biên bản kiểm tra").param("status", "IN_PROGRESS")
                        .with(SignedIn.as(users, "vhtt")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from evidence", Long.class)).isEqualTo(files);
        assertThat(jdbc.queryForObject("select count(*) from task_update", Long.class)).isEqualTo(before);
        mvc.perform(multipart("/tasks/" + task + "/updates")
                        .file(new MockMultipartFile("files", "bien-ban.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
                        .param("note", "Biên bản kiểm tra").param("status", "IN_PROGRESS")
                        .with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document withFile = page("lanhdao", "/tasks/" + task);
        String href = withFile.select("#task-updates li").first().select("a[href^=/evidence/]").attr("href");
        assertThat(withFile.select("#task-updates li").first().text()).contains("Biên bản kiểm tra", "bien-ban.pdf");
        assertThat(mvc.perform(get(href).with(SignedIn.as(users, "lanhdao"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).startsWith("%PDF");
    }

    @Test
    void criterionDomainAndUnitPagesShowTheirTasksAndTheDashboardCountsTheOverdue() throws Exception {
        // domain 1's tasks; criterion 1.4's task is Văn hóa – Thông tin's
        Document domain = page("lanhdao", "/cycles/2023/criteria/1");
        assertThat(domain.select("#criterion-tasks tbody tr")).hasSizeGreaterThanOrEqualTo(7);
        Document criterion = page("lanhdao", "/cycles/2023/criteria/1.4");
        assertThat(criterion.select("#criterion-tasks tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("Phòng Văn hóa"));
        Document unit = page("lanhdao", "/units/THANHTRA");
        long led = jdbc.queryForObject("select count(*) from task_unit tu join unit u on u.id = tu.unit_id"
                + " where u.code = 'THANHTRA' and tu.role = 'LEAD'", Long.class);
        assertThat(unit.select("#unit-tasks").text()).contains("Nhiệm vụ chủ trì: " + led, "Quá hạn:");
        String overdue = mvc.perform(get("/cycles/2023/tasks/overdue-count").with(SignedIn.as(users, "lanhdao")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Long.parseLong(overdue)).isEqualTo(jdbc.queryForObject("select count(*) from task t join cycle c"
                + " on c.id = t.cycle_id where c.year = 2023 and t.status <> 'DONE' and t.due_date < current_date",
                Long.class)).isPositive();
        assertThat(page("lanhdao", "/").select("#overdue-warning[data-count-url]")).hasSize(1);
    }

    @Test
    void homeAffairsCreatesATaskThroughTheFormWithVietnameseDates() throws Exception {
        Document blank = page("noivu", "/cycles/2023/tasks/new");
        assertThat(blank.select("#startDate").val()).isEqualTo("01/01/2023");
        String bad = mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Kiểm tra công vụ")
                .param("domainCode", "5").param("leadUnits", "NOIVU").param("startDate", "01/04/2023")
                .param("dueDate", "31/03/2023").param("status", "NOT_STARTED"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(bad).select("#dueDate.is-invalid")).hasSize(1);
        assertThat(Jsoup.parse(bad).select("#title").val()).isEqualTo("Kiểm tra công vụ");
        String created = mvc.perform(form("noivu", "/cycles/2023/tasks").param("title", "Kiểm tra công vụ")
                .param("domainCode", "5").param("criterionCodes", "5.1").param("leadUnits", "NOIVU")
                .param("coordinatingUnits", "VANPHONG").param("startDate", "1/4/2023").param("dueDate", "30/06/2023")
                .param("status", "NOT_STARTED")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        Document task = page("lanhdao", created);
        assertThat(task.select("#task-facts").text()).contains("01/04/2023", "30/06/2023", "Phòng Nội vụ", "5.1");
        Document edit = page("noivu", created + "/edit");
        assertThat(edit.select("#dueDate").val()).isEqualTo("30/06/2023");
        assertThat(edit.select("#lead-choices input[checked]").eachAttr("value")).containsExactly("NOIVU");
    }

    @Test
    void aUnitWritesAndSendsItsReportHomeAffairsReturnsAndAcceptsIt() throws Exception {
        long task = justiceTask();
        String input = "/cycles/2023/reports/2023-05/units/TUPHAP";
        Document blank = page("tuphap", input);
        assertThat(blank.select("#input-form textarea[name=results[" + task + "]]")).hasSize(1);
        assertThat(blank.select("#input-status").attr("data-status")).isEqualTo("NOT_STARTED");
        // sending nothing: 400 with the message, nothing written
        long before = jdbc.queryForObject("select count(*) from report_input", Long.class);
        String empty = mvc.perform(form("tuphap", input).param("send", "true")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(empty).select(".alert-danger").text()).isEqualTo(messages.getMessage(
                "report.input.empty", null, java.util.Locale.forLanguageTag("vi")));
        assertThat(jdbc.queryForObject("select count(*) from report_input", Long.class)).isEqualTo(before);
        // sent
        mvc.perform(form("tuphap", input).param("results[" + task + "]", "Đã phổ biến 3 luật mới")
                .param("difficulties", "Thiếu kinh phí").param("send", "true"))
                .andExpect(status().is3xxRedirection());
        Document sent = page("noivu", input);
        assertThat(sent.select("#input-status").attr("data-status")).isEqualTo("SUBMITTED");
        assertThat(sent.select("#review #accept-input")).hasSize(1);
        String version = sent.select("#return-form input[name=version]").val();
        // returned with a reason
        mvc.perform(form("noivu", input + "/return").param("version", version).param("reason", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(form("noivu", input + "/return").param("version", version).param("reason", "Bổ sung số liệu"))
                .andExpect(status().is3xxRedirection());
        Document returned = page("tuphap", input);
        assertThat(returned.select("#returned-because").text()).contains("Bổ sung số liệu");
        assertThat(returned.select("textarea[name=results[" + task + "]]").text()).isEqualTo("Đã phổ biến 3 luật mới");
        // sent again and accepted
        mvc.perform(form("tuphap", input).param("version", returned.select("#input-form input[name=version]").val())
                .param("results[" + task + "]", "Đã phổ biến 3 luật mới cho 1.200 lượt người").param("send", "true"))
                .andExpect(status().is3xxRedirection());
        Document again = page("noivu", input);
        mvc.perform(form("noivu", input + "/accept").param("version",
                again.select("#return-form input[name=version]").val())).andExpect(status().is3xxRedirection());
        Document accepted = page("tuphap", input);
        assertThat(accepted.select("#input-status").attr("data-status")).isEqualTo("ACCEPTED");
        assertThat(accepted.select("#input-form")).isEmpty();
        assertThat(accepted.text()).contains("1.200 lượt người");
        // the period's page
        Document period = page("noivu", "/cycles/2023/reports/2023-05");
        assertThat(period.select("#period-units tr[data-unit=TUPHAP]").attr("data-status")).isEqualTo("ACCEPTED");
        assertThat(period.select("#download-report").attr("href")).isEqualTo("/cycles/2023/reports/2023-05.docx");
        var docx = mvc.perform(get("/cycles/2023/reports/2023-05.docx").with(SignedIn.as(users, "noivu")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(docx.getContentType()).isEqualTo(ReportDocuments.DOCX);
        // a unit code that cannot be one, like an unknown period, is a page saying so
        mvc.perform(get("/cycles/2023/reports/2023-05/units/a-b").with(SignedIn.as(users, "noivu")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/2023/tasks?unit=a-b").with(SignedIn.as(users, "noivu")))
                .andExpect(status().isNotFound());
        mvc.perform(form("noivu", "/cycles/2023/reports/2023-05/units/a-b").param("send", "true"))
                .andExpect(status().isNotFound());
        // an unknown period is a page saying so
        mvc.perform(get("/cycles/2023/reports/2023-13").with(SignedIn.as(users, "noivu")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theToDoListsNameWhatIsLateForTheUnitAndForHomeAffairs() throws Exception {
        // the tests run on the real date: 2023 is over, so its late items are one line, each row one click away
        Document folded = page("tuphap", "/todo");
        assertThat(folded.select("h1").text()).isEqualTo("Việc cần làm");
        assertThat(folded.select("#todo-year-over").text()).contains("2023");
        assertThat(folded.select("#todo tr.table-danger")).isEmpty();
        Document unit = page("tuphap", "/todo?all=true");
        // 2023 is over: the unit's tasks not done are overdue, its reports not sent are late
        assertThat(unit.select("#todo tr[data-kind=TASK].table-danger")).isNotEmpty();
        assertThat(unit.select("#todo tr[data-kind=REPORT_INPUT]").text()).contains("Gửi báo cáo");
        assertThat(unit.select("#todo tbody tr")).allSatisfy(row -> assertThat(row.text()).contains("Phòng Tư pháp"));
        Document district = page("noivu", "/todo?all=true");
        assertThat(district.select("h1").text()).isEqualTo("Việc cần đôn đốc");
        assertThat(district.select("#todo tr[data-kind=REPORT_INPUT]").text()).contains("đơn vị chưa gửi báo cáo");
        // the badge's count: the rows the page shows plus the folded line, then how many of those rows are late
        String count = mvc.perform(get("/todo/count").with(SignedIn.as(users, "tuphap"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(count).matches("\\d+ \\d+");
        assertThat(Integer.parseInt(count.split(" ")[0])).isEqualTo(folded.select("#todo tbody tr").size() + 1);
        assertThat(Integer.parseInt(count.split(" ")[1])).isZero();
        // the API gives the whole list, and says what pages fold
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/todo").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(api.path("district").asBoolean()).isFalse();
        assertThat(api.path("items").size()).isEqualTo(unit.select("#todo tbody tr").size());
        assertThat(api.path("items").get(0).path("late").asBoolean()).isTrue();
        assertThat(api.path("yearOver").asBoolean()).isTrue();
        assertThat(api.path("foldedLate").asInt()).isEqualTo(unit.select("#todo tr.table-danger").size());
    }

    /**
     * A form that cannot be bound is shown again (400) with the message at its field and what was typed, before any
     * service is called: a letter in a day box, a day out of 1–31 (bean validation with the service's own message),
     * a version that is no number.
     */
    @Test
    void aValueThatCannotBeReadIsAFieldErrorOnThePageNeverANullInAService() throws Exception {
        Document periods = page("noivu", "/cycles/2023/reports");
        String monthDay = periods.select("#calendar-form #monthDueDay").val();
        String version = periods.select("#calendar-form input[name=version]").val();
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi-VN");
        for (String typed : new String[] {"abc", "20.9"}) {
            Document again = Jsoup.parse(mvc.perform(form("noivu", "/cycles/2023/calendar").param("monthDueDay", typed)
                            .param("quarterDueDay", "10").param("halfDueDay", "10").param("yearDueDay", "10")
                            .param("selfAssessmentDue", "").param("version", version))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(again.select("#monthDueDay-error").text())
                    .isEqualTo(messages.getMessage("typeMismatch", null, vi));
            assertThat(again.select("#calendar-form #monthDueDay").val()).isEqualTo(typed);
            assertThat(again.select("#quarterDueDay-error")).isEmpty();
        }
        Document outOfRange = Jsoup.parse(mvc.perform(form("noivu", "/cycles/2023/calendar").param("monthDueDay", "32")
                        .param("quarterDueDay", "0").param("halfDueDay", "10").param("yearDueDay", "")
                        .param("selfAssessmentDue", "").param("version", version))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String dayMessage = messages.getMessage("report.calendar.day", null, vi);
        assertThat(outOfRange.select("#monthDueDay-error").text()).isEqualTo(dayMessage);
        assertThat(outOfRange.select("#quarterDueDay-error").text()).isEqualTo(dayMessage);
        assertThat(outOfRange.select("#yearDueDay-error").text()).isEqualTo(dayMessage);
        assertThat(outOfRange.select("#halfDueDay-error")).isEmpty();
        assertThat(outOfRange.select("#calendar-form #monthDueDay").val()).isEqualTo("32");
        // nothing was saved
        assertThat(page("noivu", "/cycles/2023/reports").select("#calendar-form #monthDueDay").val())
                .isEqualTo(monthDay);

        long task = justiceTask();
        String title = page("noivu", "/tasks/" + task + "/edit").select("#task-form #title").val();
        Document taskAgain = Jsoup.parse(mvc.perform(form("noivu", "/tasks/" + task).param("title", "Đổi tên")
                        .param("domainCode", "1").param("startDate", "01/01/2023").param("dueDate", "31/12/2023")
                        .param("status", "IN_PROGRESS").param("leadUnits", "TUPHAP").param("version", "abc"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(taskAgain.select("#task-form #title").val()).isEqualTo("Đổi tên");
        assertThat(page("noivu", "/tasks/" + task + "/edit").select("#task-form #title").val()).isEqualTo(title);
    }
}
