package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.YearLifeTest;

/**
 * A cycle's life through the API: the province's appraisal with its reconciliation, closing the year (refused while
 * work is pending; afterwards nothing in it changes, not even by SQL) and starting the next year with a criterion
 * renumbered. Every bad request is refused with nothing written.
 */
@YearLifeTest
class CycleLifeIntegrationTest {

    /**
     * A year's life, as one test: each step starts where the one before left the year (appraised, then closed,
     * then the next year started from it), so the test calls them in order rather than the test engine ordering them.
     */
    @Test
    void aYearIsAppraisedClosedAndTheNextStartsFromIt() throws Exception {
        theProvincesAppraisalBecomesTheOfficialResultAndDeductionsAreReconciled();
        aCycleClosesOnlyWhenNothingIsPendingAndThenNothingInItChanges();
        theNextYearStartsFromTheOfficialResultsWithARenumberedCriterion();
        thePagesShowTheCyclesTheReconciliationAndTakeAppraisals();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CriteriaCatalog catalog;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    org.jsoup.nodes.Document page(String path, String user) throws Exception {
        String html = mvc.perform(get(path).with(vn.parindex.support.SignedIn.as(users, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return org.jsoup.Jsoup.parse(html);
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String user, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode criterion(int year, String code) throws Exception {
        JsonNode all = body(mvc.perform(get("/api/v1/cycles/" + year + "/criteria?size=500")
                .with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()));
        return all.valueStream().filter(c -> c.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from change_history) + (select count(*) from cycle) "
                + "+ (select count(*) from criterion) + (select coalesce(sum(version), 0) from criterion) "
                + "+ (select count(*) from criterion_lineage) + (select coalesce(sum(version), 0) from cycle)",
                Long.class);
    }

    String appraisal(String score, String reason, long version) {
        return "{\"appraisedScore\": " + score + ", \"reason\": " + (reason == null ? "null" : "\"" + reason + "\"")
                + ", \"version\": " + version + "}";
    }

    private void theProvincesAppraisalBecomesTheOfficialResultAndDeductionsAreReconciled() throws Exception {
        long v = criterion(2023, "1.1").path("version").asLong();
        send(patch("/api/v1/cycles/2023/criteria/1.1"), "noivu",
                "{\"currentScore\": 3.0, \"comment\": \"tự đánh giá\", \"version\": " + v + "}")
                .andExpect(status().isOk());
        v = criterion(2023, "1.1").path("version").asLong();
        long before = written();
        // bad appraisals, each refused with nothing written
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("2.5", null, v))
                .andExpect(status().isBadRequest()); // below the self-assessment without a reason
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("3.5", "x", v))
                .andExpect(status().isBadRequest()); // above the maximum of 3
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("2.12345", "x", v))
                .andExpect(status().isBadRequest());
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("\"hai\"", "x", v))
                .andExpect(status().isBadRequest());
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("null", "x", v))
                .andExpect(status().isBadRequest());
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("2.5", "x".repeat(2001), v))
                .andExpect(status().isBadRequest());
        send(put("/api/v1/cycles/2023/criteria/1/appraisal"), "noivu",
                appraisal("9", "x", criterion(2023, "1").path("version").asLong()))
                .andExpect(status().isBadRequest()); // a domain is the sum of its criteria
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu", appraisal("2.5", "x", v + 7))
                .andExpect(status().isConflict());
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "tuphap", appraisal("2.5", "x", v))
                .andExpect(status().isForbidden());
        send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "lanhdao", appraisal("2.5", "x", v))
                .andExpect(status().isForbidden());
        send(put("/api/v1/cycles/2023/criteria/9.9/appraisal"), "noivu", appraisal("2.5", "x", v))
                .andExpect(status().isNotFound());
        assertThat(written()).isEqualTo(before);

        JsonNode saved = body(send(put("/api/v1/cycles/2023/criteria/1.1/appraisal"), "noivu",
                appraisal("2.5", "Kế hoạch ban hành chậm", v)).andExpect(status().isOk()));
        assertThat(saved.path("officialScore").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(saved.path("deduction").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode api = criterion(2023, "1.1");
        assertThat(api.path("appraisedScore").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(api.path("officialScore").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(api.path("appraisalReason").asString()).isEqualTo("Kế hoạch ban hành chậm");
        // 1.2 appraised at its maximum without a self-assessment: no reason needed, nothing deducted
        send(put("/api/v1/cycles/2023/criteria/1.2/appraisal"), "noivu",
                appraisal("2", null, criterion(2023, "1.2").path("version").asLong())).andExpect(status().isOk());

        JsonNode reconciliation = body(mvc.perform(get("/api/v1/cycles/2023/reconciliation")
                .with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()));
        assertThat(reconciliation.path("appraisedCount").asInt()).isEqualTo(2);
        assertThat(reconciliation.path("rows")).hasSize(1);
        JsonNode row = reconciliation.path("rows").get(0);
        assertThat(row.path("code").asString()).isEqualTo("1.1");
        assertThat(row.path("deduction").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(row.path("reason").asString()).isEqualTo("Kế hoạch ban hành chậm");
        assertThat(row.path("leadUnits").get(0).asString()).isEqualTo("Phòng Nội vụ");
        assertThat(jdbc.queryForObject("select count(*) from change_history where field = 'appraisedScore'",
                Long.class)).isEqualTo(2);
    }

    private void aCycleClosesOnlyWhenNothingIsPendingAndThenNothingInItChanges() throws Exception {
        JsonNode submitted = body(send(post("/api/v1/cycles/2023/criteria/2.1/assessments"), "tuphap",
                "{\"score\": 4, \"comment\": \"Đã ban hành đủ VBQPPL\"}").andExpect(status().isCreated()));
        long before = written();
        JsonNode refused = body(send(post("/api/v1/cycles/2023/close"), "noivu", "{}")
                .andExpect(status().isConflict()));
        assertThat(refused.path("pending")).hasSize(1);
        assertThat(refused.path("pending").get(0).asString()).contains("2.1").contains("Phòng Tư pháp");
        send(post("/api/v1/cycles/2023/close"), "tuphap", "{}").andExpect(status().isForbidden());
        send(post("/api/v1/cycles/2031/close"), "noivu", "{}").andExpect(status().isNotFound());
        assertThat(written()).isEqualTo(before);

        send(post("/api/v1/assessments/" + submitted.path("id").asLong() + "/approve"), "noivu",
                "{\"comment\": \"đồng ý\", \"version\": " + submitted.path("version").asLong() + "}")
                .andExpect(status().isOk());
        JsonNode closed = body(send(post("/api/v1/cycles/2023/close"), "noivu", "{}").andExpect(status().isOk()));
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select closed_at is not null from cycle where year = 2023", Boolean.class))
                .isTrue();

        before = written();
        send(post("/api/v1/cycles/2023/close"), "noivu", "{}").andExpect(status().isConflict());
        long v = criterion(2023, "1.3").path("version").asLong();
        send(put("/api/v1/cycles/2023/criteria/1.3/appraisal"), "noivu", appraisal("2", null, v))
                .andExpect(status().isConflict());
        send(patch("/api/v1/cycles/2023/criteria/1.3"), "noivu",
                "{\"targetScore\": 2.5, \"comment\": \"x\", \"version\": " + v + "}").andExpect(status().isConflict());
        aClosedYearRefusesItsWritersWith409AndOthersStill403();
        assertThat(written()).isEqualTo(before);
        // the database itself refuses: a closed cycle's criteria are never changed, a new submission never waits
        assertThatThrownBy(() -> jdbc.update("update criterion set target_score = 1 where code = '1.3' and "
                + "cycle_id = (select id from cycle where year = 2023)")).hasMessageContaining("closed");
        assertThatThrownBy(() -> jdbc.update("""
                insert into assessment (criterion_id, score, explanation, status, submitted_by, submitted_at)
                select k.id, 1, 'x', 'SUBMITTED', (select id from app_user where username = 'tuphap'), now()
                from criterion k join cycle c on c.id = k.cycle_id where c.year = 2023 and k.code = '2.2'"""))
                .hasMessageContaining("closed");
    }

    /**
     * Those who could write in an open year (the head of the office that leads 2.2, Home Affairs) are told the year
     * is closed (409, {@code conflict.cycleClosed}): a submission and an upload through the API and the page, a
     * task's progress, a unit's report input. Whoever could not write even in an open year (a leader, another
     * office's head) is still refused with 403, told nothing more. Nothing is written.
     */
    private void aClosedYearRefusesItsWritersWith409AndOthersStill403() throws Exception {
        long evidence = jdbc.queryForObject("select count(*) from evidence", Long.class);
        long updates = jdbc.queryForObject("select count(*) from task_update", Long.class);
        long inputs = jdbc.queryForObject("select count(*) from report_input", Long.class);
        String closed = messages.getMessage("conflict.cycleClosed", null, java.util.Locale.forLanguageTag("vi"));

        JsonNode submit = body(send(post("/api/v1/cycles/2023/criteria/2.2/assessments"), "tuphap",
                "{\"score\": 3, \"comment\": \"x\"}").andExpect(status().isConflict()));
        assertThat(submit.path("status").asInt()).isEqualTo(409);
        assertThat(submit.path("detail").asString()).isEqualTo(closed);
        assertThat(submit.path("currentVersion").isNumber()).isTrue();
        send(post("/api/v1/cycles/2023/criteria/2.2/assessments"), "vhtt",
                "{\"score\": 3, \"comment\": \"x\"}").andExpect(status().isForbidden());
        send(post("/api/v1/cycles/2023/criteria/2.2/assessments"), "lanhdao",
                "{\"score\": 3, \"comment\": \"x\"}").andExpect(status().isForbidden());

        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        for (String user : List.of("tuphap", "noivu")) {
            JsonNode upload = body(mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                    .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
                    .with(httpBasic(user, "demo"))).andExpect(status().isConflict()));
            assertThat(upload.path("detail").asString()).isEqualTo(closed);
        }
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
                .with(httpBasic("vhtt", "demo"))).andExpect(status().isForbidden());

        // the page: the error page with the closed year's message, not "no permission"
        String page = mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments")
                .param("score", "3").param("comment", "x")
                .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#conflict-message").attr("data-message-key"))
                .isEqualTo("conflict.cycleClosed");
        mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments").param("score", "3").param("comment", "x")
                .with(vn.parindex.support.SignedIn.as(users, "vhtt"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());

        // a task the office leads: its progress, through the API and the page
        Long task = jdbc.query("""
                select t.id from task t join cycle c on c.id = t.cycle_id join task_unit tu on tu.task_id = t.id
                join unit u on u.id = tu.unit_id where c.year = 2023 and tu.role = 'LEAD' and u.code = 'TUPHAP'
                order by t.id limit 1""", rs -> rs.next() ? rs.getLong(1) : null);
        assertThat(task).isNotNull();
        {
            JsonNode progress = body(send(post("/api/v1/tasks/" + task + "/updates"), "tuphap",
                    "{\"note\": \"Đã làm\"}").andExpect(status().isConflict()));
            assertThat(progress.path("detail").asString()).isEqualTo(closed);
            send(post("/api/v1/tasks/" + task + "/updates"), "vhtt", "{\"note\": \"Đã làm\"}")
                    .andExpect(status().isForbidden());
            String taskPage = mvc.perform(multipart("/tasks/" + task + "/updates").param("note", "Đã làm")
                    .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isConflict()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(taskPage).isNotEmpty();
        }

        // a unit's report input: its head is told the year is closed, another office's head is refused
        JsonNode input = body(send(put("/api/v1/cycles/2023/reports/2023-Q2/units/TUPHAP"), "tuphap",
                "{\"difficulties\": \"x\"}").andExpect(status().isConflict()));
        assertThat(input.path("detail").asString()).isEqualTo(closed);
        send(put("/api/v1/cycles/2023/reports/2023-Q2/units/TUPHAP"), "vhtt", "{\"difficulties\": \"x\"}")
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select count(*) from evidence", Long.class)).isEqualTo(evidence);
        assertThat(jdbc.queryForObject("select count(*) from task_update", Long.class)).isEqualTo(updates);
        assertThat(jdbc.queryForObject("select count(*) from report_input", Long.class)).isEqualTo(inputs);
    }

    private void theNextYearStartsFromTheOfficialResultsWithARenumberedCriterion() throws Exception {
        long before = written();
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2023, \"from\": 2023}").andExpect(status().isConflict());
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2024, \"from\": 2019}").andExpect(status().isBadRequest());
        send(post("/api/v1/cycles"), "noivu", "{\"from\": 2023}").andExpect(status().isBadRequest());
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2022, \"from\": 2023}")
                .andExpect(status().isBadRequest());
        JsonNode unknown = body(send(post("/api/v1/cycles"), "noivu",
                "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"9.9\": \"1.7\"}}").andExpect(status().isBadRequest()));
        assertThat(unknown.path("errors").get(0).path("message").asString()).contains("9.9");
        JsonNode orphan = body(send(post("/api/v1/cycles"), "noivu",
                "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"1.5\": \"8.1\"}}").andExpect(status().isBadRequest()));
        assertThat(orphan.path("errors").get(0).path("message").asString()).contains("8.1").contains("8");
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"1.5\": \"1.6\"}}")
                .andExpect(status().isBadRequest()); // collides with 1.6, which is not moved
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"1.5\": \"1..\"}}")
                .andExpect(status().isBadRequest());
        send(post("/api/v1/cycles"), "tuphap", "{\"year\": 2024, \"from\": 2023}").andExpect(status().isForbidden());
        assertThat(written()).isEqualTo(before);

        JsonNode started = body(send(post("/api/v1/cycles"), "noivu",
                "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"1.5\": \"1.7\"}}").andExpect(status().isCreated()));
        assertThat(started.path("status").asString()).isEqualTo("PLANNING");
        assertThat(started.path("baselineYear").asInt()).isEqualTo(2023);
        assertThat(started.path("mapped").get(0).path("code").asString()).isEqualTo("1.7");
        int count2023 = catalog.cycle(2023).orElseThrow().criteria().size();
        CycleView next = catalog.cycle(2024).orElseThrow();
        assertThat(next.criteria()).hasSize(count2023);
        assertThat(next.criteria()).extracting(CriterionView::code).contains("1.7").doesNotContain("1.5");

        CycleView last = catalog.cycle(2023).orElseThrow();
        for (CriterionView old : last.criteria()) {
            String code = old.code().equals("1.5") ? "1.7" : old.code();
            CriterionView now = next.criteria().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
            assertThat(now.name()).isEqualTo(old.name());
            assertThat(now.maxScore()).isEqualByComparingTo(old.maxScore());
            assertThat(now.targetScore()).isNull();
            BigDecimal official = old.officialScore();
            if (official == null) {
                assertThat(now.baselineScore()).as(code).isNull();
            } else {
                assertThat(now.baselineScore()).as(code).isEqualByComparingTo(official);
            }
            assertThat(now.leadUnits()).extracting(UnitRef::code)
                    .containsExactlyElementsOf(old.leadUnits().stream().map(UnitRef::code).toList());
        }
        CriterionView appraised = next.criteria().stream().filter(c -> c.code().equals("1.1")).findFirst().orElseThrow();
        assertThat(appraised.baselineScore()).isEqualByComparingTo("2.5");
        assertThat(appraised.weakness()).isEqualTo("Kế hoạch ban hành chậm");
        CriterionView full = next.criteria().stream().filter(c -> c.code().equals("2.1")).findFirst().orElseThrow();
        assertThat(full.baselineScore()).isEqualByComparingTo("4");

        CriterionView renumbered = next.criteria().stream().filter(c -> c.code().equals("1.7")).findFirst()
                .orElseThrow();
        List<CriterionTrendPoint> trend = catalog.trend(renumbered.id(), renumbered.code());
        assertThat(trend).extracting(CriterionTrendPoint::year).containsExactly(2023, 2024);
        send(post("/api/v1/cycles"), "noivu", "{\"year\": 2024, \"from\": 2023}").andExpect(status().isConflict());
    }

    private void thePagesShowTheCyclesTheReconciliationAndTakeAppraisals() throws Exception {
        var cycles = page("/admin/cycles", "noivu");
        assertThat(cycles.select("#cycle-2023").text()).contains("Đã kết thúc");
        assertThat(cycles.select("#cycle-2024").text()).contains("Đang lập kế hoạch");
        assertThat(cycles.select("#close-2023")).isEmpty();
        assertThat(cycles.select("#close-2024")).hasSize(1);
        mvc.perform(get("/admin/cycles").with(vn.parindex.support.SignedIn.as(users, "tuphap")))
                .andExpect(status().isForbidden());

        var closed = page("/cycles/2023/reconciliation", "noivu");
        assertThat(closed.select("#deduction-1\\.1").text()).contains("2,5000").contains("Kế hoạch ban hành chậm")
                .contains("Phòng Nội vụ");
        assertThat(closed.select("#appraisal-entry")).isEmpty(); // closed: nothing to enter
        var open = page("/cycles/2024/reconciliation", "noivu");
        assertThat(open.select("#appraisal-entry form")).isNotEmpty();
        assertThat(page("/cycles/2024/reconciliation", "tuphap").select("#appraisal-entry")).isEmpty();

        long before = written();
        long v = criterion(2024, "1.2").path("version").asLong();
        String bad = mvc.perform(post("/cycles/2024/appraisal").with(vn.parindex.support.SignedIn.as(users, "noivu"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("code", "1.2").param("appraisedScore", "2,5").param("version", String.valueOf(v)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(bad).select("#appraise-1\\.2 .invalid-feedback").text())
                .contains("vượt quá điểm tối đa");
        mvc.perform(post("/cycles/2024/appraisal").with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("code", "1.2").param("appraisedScore", "2").param("version", String.valueOf(v)))
                .andExpect(status().isForbidden());
        String badStart = mvc.perform(post("/admin/cycles").with(vn.parindex.support.SignedIn.as(users, "noivu"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("year", "2025").param("from", "2024").param("mapping", "1.5 → 9.1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(badStart).select("#start-form").text()).contains("9.1");
        assertThat(written()).isEqualTo(before);

        mvc.perform(post("/cycles/2024/appraisal").with(vn.parindex.support.SignedIn.as(users, "noivu"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("code", "1.2").param("appraisedScore", "1,75").param("reason", "").param("version",
                        String.valueOf(v)))
                .andExpect(status().is3xxRedirection());
        assertThat(criterion(2024, "1.2").path("appraisedScore").decimalValue()).isEqualByComparingTo("1.75");

        // the new year's pages render with no targets yet, and the renumbered criterion's trend spans both years
        var dashboard = page("/?year=2024", "lanhdao");
        assertThat(dashboard.select("#row-1").text()).contains("Công tác chỉ đạo");
        assertThat(page("/cycles/2024/appendix", "noivu").select("#row-1\\.1").text()).contains("2,5000");
        var renumbered = page("/cycles/2024/criteria/1.7", "noivu");
        assertThat(renumbered.text()).contains("2023").contains("2024");
        assertThat(page("/cycles/2023/criteria/1.1", "noivu").select("#appraised").text()).isEqualTo("2,5000");
        assertThat(page("/cycles/2023/criteria/1.1", "noivu").select("#appraisal-difference").text())
                .isEqualTo("\u22120,5000");
    }
}
