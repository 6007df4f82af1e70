package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.WorkflowTest;

/**
 * The reporting calendar through the API: a unit writes and sends its input for a period, Home Affairs returns it
 * with a reason or accepts it, sees who is late, and downloads the district's report as a Word document.
 */
@WorkflowTest
class ReportApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode get(String path, String user) throws Exception {
        return read(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(httpBasic(user, "demo"))).andExpect(status().isOk()));
    }

    MockHttpServletRequestBuilder save(String period, String unit, String user, String body) {
        return put("/api/v1/cycles/2023/reports/" + period + "/units/" + unit).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    MockHttpServletRequestBuilder review(String period, String unit, String action, String user, String body) {
        return post("/api/v1/cycles/2023/reports/" + period + "/units/" + unit + "/" + action)
                .with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long firstTaskOf(String unit, String period) throws Exception {
        // Home Affairs reads every unit's input, drafts too
        return get("/api/v1/cycles/2023/reports/" + period + "/units/" + unit, "noivu").path("tasks").get(0)
                .path("taskId").asLong();
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from report_input) + (select count(*) from "
                + "report_input_task) + (select coalesce(sum(version), 0) from report_input) + (select count(*) from "
                + "change_history) + (select count(*) from cycle_calendar)", Long.class);
    }

    @Test
    void theYearHasEighteenPeriodsWithTheDefaultDeadlines() throws Exception {
        JsonNode periods = get("/api/v1/cycles/2023/reports", "lanhdao");
        List<String> codes = periods.valueStream().map(p -> p.path("period").asString()).toList();
        assertThat(codes).hasSize(18).startsWith("2023-01", "2023-02", "2023-03", "2023-Q1")
                .contains("2023-H1").endsWith("2023-12", "2023-Q4", "2023");
        JsonNode q1 = periods.get(3);
        assertThat(q1.path("name").asString()).isEqualTo("quý I năm 2023");
        assertThat(q1.path("start").asString()).isEqualTo("2023-01-01");
        assertThat(q1.path("end").asString()).isEqualTo("2023-03-31");
        assertThat(q1.path("deadline").asString()).isEqualTo("2023-03-15");
        // the units that lead the plan's tasks owe an input; the deadline passed long ago
        assertThat(q1.path("expected").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(q1.path("late").asInt()).isEqualTo(q1.path("notStarted").asInt() + q1.path("drafts").asInt()
                + q1.path("returned").asInt());
    }

    @Test
    void aUnitSendsItsInputHomeAffairsReturnsItAndAcceptsItOnRecord() throws Exception {
        long task = firstTaskOf("TUPHAP", "2023-Q2");
        // a draft: saved, not sent
        JsonNode draft = read(mvc.perform(save("2023-Q2", "tuphap", "tuphap",
                "{\"tasks\": [{\"taskId\": " + task + ", \"result\": \"Đã rà soát 12 văn bản\"}]}"))
                .andExpect(status().isOk()));
        assertThat(draft.path("unit").path("status").asString()).isEqualTo("DRAFT");
        long version = draft.path("unit").path("version").asLong();
        // sent, with difficulties and proposals
        JsonNode sent = read(mvc.perform(save("2023-Q2", "TUPHAP", "tuphap", "{\"version\": " + version
                + ", \"tasks\": [{\"taskId\": " + task + ", \"result\": \"Đã rà soát 12 văn bản\"}],"
                + " \"difficulties\": \"Thiếu cán bộ\", \"proposals\": \"Bổ sung biên chế\", \"submit\": true}"))
                .andExpect(status().isOk()));
        assertThat(sent.path("unit").path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(sent.path("unit").path("submittedBy").asString()).isNotBlank();
        // 2023's Q2 deadline is long past: sent late
        assertThat(sent.path("unit").path("submittedLate").asBoolean()).isTrue();
        assertThat(sent.path("tasks").get(0).path("result").asString()).isEqualTo("Đã rà soát 12 văn bản");
        // Home Affairs returns it with a reason
        JsonNode returned = read(mvc.perform(review("2023-Q2", "TUPHAP", "return", "noivu",
                "{\"version\": " + sent.path("unit").path("version").asLong() + ", \"reason\": \"Thiếu số liệu\"}"))
                .andExpect(status().isOk()));
        assertThat(returned.path("unit").path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("unit").path("returnReason").asString()).isEqualTo("Thiếu số liệu");
        assertThat(returned.path("unit").path("late").asBoolean()).isTrue();
        // sent again, then accepted
        JsonNode again = read(mvc.perform(save("2023-Q2", "TUPHAP", "tuphap", "{\"version\": "
                + returned.path("unit").path("version").asLong() + ", \"tasks\": [{\"taskId\": " + task
                + ", \"result\": \"Đã rà soát 12 văn bản, bãi bỏ 2\"}], \"submit\": true}"))
                .andExpect(status().isOk()));
        assertThat(again.path("unit").path("status").asString()).isEqualTo("SUBMITTED");
        JsonNode accepted = read(mvc.perform(review("2023-Q2", "TUPHAP", "accept", "noivu",
                "{\"version\": " + again.path("unit").path("version").asLong() + "}")).andExpect(status().isOk()));
        assertThat(accepted.path("unit").path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("unit").path("reviewedBy").asString()).isNotBlank();
        // once accepted, nothing changes it
        long before = written();
        mvc.perform(save("2023-Q2", "TUPHAP", "tuphap", "{\"version\": " + accepted.path("unit").path("version")
                .asLong() + ", \"tasks\": [{\"taskId\": " + task + ", \"result\": \"Sửa\"}]}"))
                .andExpect(status().isConflict());
        assertThat(written()).isEqualTo(before);
        // the period's report shows it
        JsonNode report = get("/api/v1/cycles/2023/reports/2023-Q2", "lanhdao");
        JsonNode justice = report.path("units").valueStream()
                .filter(u -> u.path("unitCode").asString().equals("TUPHAP")).findFirst().orElseThrow();
        assertThat(justice.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(justice.path("late").asBoolean()).isFalse();
        assertThat(report.path("total").path("baseline").decimalValue()).isEqualByComparingTo("84.0256");
        assertThat(report.path("domains").size()).isEqualTo(7);
        assertThat(report.path("tasks").path("total").asInt()).isGreaterThanOrEqualTo(35);
        assertThat(jdbc.queryForList("select coalesce(new_value, '') from change_history where entity_type = "
                + "'REPORT_INPUT' order by id", String.class)).contains("saved", "submitted", "RETURNED", "ACCEPTED");
    }

    @Test
    void theDistrictsReportIsAWordDocumentInTheAdministrativeLayout() throws Exception {
        long task = firstTaskOf("VHTT", "2023-03");
        String result = "Tuyên truyền CCHC trên Cổng thông tin điện tử huyện: 15 tin bài " + System.nanoTime();
        mvc.perform(save("2023-03", "VHTT", "vhtt", "{\"tasks\": [{\"taskId\": " + task + ", \"result\": \""
                + result + "\"}], \"difficulties\": \"Kinh phí hạn chế\", \"proposals\": \"Bổ sung kinh phí\","
                + " \"submit\": true}"))
                .andExpect(status().isOk());
        // a control character in text written before the text rule refused it (never typed in any more)
        jdbc.update("update report_input set proposals = 'Bổ sung' || chr(1) || 'kinh phí' where period = '2023-03'"
                + " and unit_id = (select id from unit where code = 'VHTT')");
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/cycles/2023/reports/2023-03.docx").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(ReportDocuments.DOCX);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("2023-03.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            String text = text(doc);
            assertThat(text).contains("ỦY BAN NHÂN DÂN", "HUYỆN TÂN YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc", "Số:", "/BC-UBND", "Tân Yên, ngày", "BÁO CÁO",
                    "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2023", "Nơi nhận:",
                    "TM. ỦY BAN NHÂN DÂN", "Phụ lục", "(Kèm theo Báo cáo số");
            // the district's figures the Vietnamese way: 2022's total, and no point as decimal mark
            assertThat(text).contains("84,0256").doesNotContain("84.0256");
            assertThat(text).contains(result, "Kinh phí hạn chế", "Phòng Văn hóa");
            // a control character typed into an input is a space in the document (else Word refuses it)
            assertThat(text).contains("Bổ sung kinh phí");
            // A4 portrait (the appendix landscape), margins 20/20/30/15 mm, Times New Roman throughout
            var section = doc.getParagraphs().stream().filter(p -> p.getCTP().isSetPPr()
                    && p.getCTP().getPPr().isSetSectPr()).findFirst().orElseThrow().getCTP().getPPr().getSectPr();
            assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(section.getPgMar().getLeft().toString()).isEqualTo("1701");
            assertThat(section.getPgMar().getRight().toString()).isEqualTo("850");
            assertThat(runs(doc)).isNotEmpty().allMatch(r -> "Times New Roman".equals(r.getFontFamily()));
            assertThat(runs(doc)).filteredOn(r -> r.text().startsWith("Kết quả thực hiện công tác"))
                    .allMatch(r -> r.getFontSizeAsDouble() == 14.0 && r.isBold());
        }
        // a unit's own input, the same way
        var own = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/cycles/2023/reports/2023-03/units/VHTT.docx").with(httpBasic("vhtt", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(own.getHeader("Content-Disposition")).contains("2023-03-vhtt.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(own.getContentAsByteArray()))) {
            assertThat(text(doc)).contains("PHÒNG VĂN HÓA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", result,
                    "Kinh phí hạn chế", "tháng 3 năm 2023");
        }
    }

    static List<XWPFRun> runs(XWPFDocument doc) {
        java.util.ArrayList<XWPFRun> runs = new java.util.ArrayList<>();
        doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
        for (XWPFTable t : doc.getTables()) {
            t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs()
                    .forEach(p -> runs.addAll(p.getRuns()))));
        }
        runs.removeIf(r -> r.text().isEmpty());
        return runs;
    }

    static String text(XWPFDocument doc) {
        StringBuilder text = new StringBuilder();
        doc.getBodyElements().forEach(e -> {
            if (e instanceof XWPFParagraph p) {
                text.append(p.getText()).append('\n');
            } else if (e instanceof XWPFTable t) {
                t.getRows().forEach(r -> text.append(r.getTableCells().stream()
                        .map(c -> c.getText()).collect(Collectors.joining(" | "))).append('\n'));
            }
        });
        return text.toString();
    }

    @Test
    void badInputAndTheWrongPeopleChangeNothing() throws Exception {
        long justice = firstTaskOf("TUPHAP", "2023-Q3");
        long culture = firstTaskOf("VHTT", "2023-Q3");
        String good = "{\"tasks\": [{\"taskId\": " + justice + ", \"result\": \"x\"}], \"submit\": true}";
        long before = written();
        record Bad(String period, String unit, String user, String body, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad("2023-Q5", "TUPHAP", "tuphap", good, 400, "period"),
                new Bad("2023-13", "TUPHAP", "tuphap", good, 400, "period"),
                new Bad("2023-H2", "TUPHAP", "tuphap", good, 400, "period"),
                new Bad("2022-Q1", "TUPHAP", "tuphap", good, 400, "period"),
                new Bad("Q1", "TUPHAP", "tuphap", good, 400, "period"),
                new Bad("2023-Q3", "TU PHAP", "tuphap", good, 400, "unit"),
                new Bad("2023-Q3", "KHONGCO", "noivu", good, 404, null),
                new Bad("2023-Q3", "TUPHAP", "vhtt", good, 403, null),
                new Bad("2023-Q3", "TUPHAP", "lanhdao", good, 403, null),
                new Bad("2023-Q3", "TUPHAP", "tuphap", good.replace(Long.toString(justice), Long.toString(culture)),
                        400, "tasks"),
                new Bad("2023-Q3", "TUPHAP", "tuphap", good.replace("\"x\"", "\"" + "x".repeat(4001) + "\""), 400,
                        "tasks"),
                new Bad("2023-Q3", "TUPHAP", "tuphap", good.replace("\"x\"", "\"  \""), 400, "tasks"),
                new Bad("2023-Q3", "TUPHAP", "tuphap", "{\"submit\": true}", 400, "tasks"),
                new Bad("2023-Q3", "TUPHAP", "tuphap", good.replace("}], ", "}], \"proposals\": \"a\\u0000\", "), 400,
                        "proposals"),
                new Bad("2023-Q3", "TUPHAP", "tuphap", "{\"tasks\": ", 400, null));
        for (Bad b : bad) {
            var result = mvc.perform(save(b.period(), b.unit(), b.user(), b.body())).andExpect(status().is(b.status()));
            if (b.field() != null) {
                result.andExpect(jsonPath("$.errors[0].field").value(b.field()));
            }
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/cycles/2023/reports/2023-Q5").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/cycles/2023/reports/2023-13.docx").with(httpBasic("noivu", "demo")))
                .andExpect(status().isBadRequest());
        // reviews: nothing sent yet, no reason, the wrong person
        mvc.perform(review("2023-Q3", "TUPHAP", "accept", "noivu", "{\"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(review("2023-Q3", "TUPHAP", "return", "noivu", "{\"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(review("2023-Q3", "TUPHAP", "accept", "tuphap", "{\"version\": 0}"))
                .andExpect(status().isForbidden());
        // the calendar: only Home Affairs, days 1–31, a date in the cycle's year
        mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("tuphap", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 20, \"quarterDueDay\": 20, "
                        + "\"halfDueDay\": 20, \"yearDueDay\": 20, \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 32, \"quarterDueDay\": 20, "
                        + "\"halfDueDay\": 20, \"yearDueDay\": 20, \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("monthDueDay"));
        mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 20, \"quarterDueDay\": 20, "
                        + "\"halfDueDay\": 20, \"yearDueDay\": 20, \"selfAssessmentDue\": \"31/10/2024\", "
                        + "\"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("selfAssessmentDue"));
        assertThat(written()).isEqualTo(before);

        // a stale version of an input is refused
        JsonNode draft = read(mvc.perform(save("2023-Q3", "TUPHAP", "tuphap",
                "{\"tasks\": [{\"taskId\": " + justice + ", \"result\": \"x\"}]}")).andExpect(status().isOk()));
        long afterDraft = written();
        mvc.perform(save("2023-Q3", "TUPHAP", "tuphap", "{\"version\": "
                + (draft.path("unit").path("version").asLong() + 3) + ", \"tasks\": []}"))
                .andExpect(status().isConflict());
        mvc.perform(save("2023-Q3", "TUPHAP", "tuphap", "{\"tasks\": []}")).andExpect(status().isConflict());
        // a closed cycle takes no input
        jdbc.update("update cycle set status = 'CLOSED' where year = 2023");
        try {
            mvc.perform(save("2023-Q4", "TUPHAP", "tuphap", good)).andExpect(status().isConflict());
        } finally {
            jdbc.update("update cycle set status = 'ACTIVE' where year = 2023");
        }
        assertThat(written()).isEqualTo(afterDraft);
    }

    @Test
    void aUnitOwesAnInputOnlyForPeriodsItsTasksRunIn() throws Exception {
        // a unit whose only task runs from October: nothing owed before, the October input owed
        mvc.perform(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Khảo sát sự hài lòng\", "
                        + "\"domainCode\": \"7\", \"leadUnits\": [\"XA_MUON\"], \"startDate\": \"01/10/2023\", "
                        + "\"dueDate\": \"31/12/2023\"}"))
                .andExpect(status().isBadRequest()); // no such unit yet
        jdbc.update("insert into unit (code, name, kind) values ('XA_MUON', 'UBND xã Muộn', 'COMMUNE') "
                + "on conflict (body_id, code) do nothing");
        mvc.perform(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Khảo sát sự hài lòng\", "
                        + "\"domainCode\": \"7\", \"leadUnits\": [\"XA_MUON\"], \"startDate\": \"01/10/2023\", "
                        + "\"dueDate\": \"31/12/2023\"}"))
                .andExpect(status().isCreated());
        JsonNode march = get("/api/v1/cycles/2023/reports/2023-03", "lanhdao");
        assertThat(march.path("units").toString()).doesNotContain("XA_MUON");
        JsonNode october = get("/api/v1/cycles/2023/reports/2023-10", "lanhdao");
        assertThat(october.path("units").toString()).contains("XA_MUON");
        JsonNode year = get("/api/v1/cycles/2023/reports/2023", "lanhdao");
        assertThat(year.path("units").toString()).contains("XA_MUON");
    }

    @Test
    void homeAffairsMovesTheDeadlines() throws Exception {
        JsonNode calendar = get("/api/v1/cycles/2023/calendar", "lanhdao");
        JsonNode changed = read(mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 31, \"quarterDueDay\": 10, "
                        + "\"halfDueDay\": 10, \"yearDueDay\": 5, \"selfAssessmentDue\": \"30/09/2023\", "
                        + "\"version\": " + calendar.path("version").asLong() + "}"))
                .andExpect(status().isOk()));
        assertThat(changed.path("selfAssessmentDue").asString()).isEqualTo("2023-09-30");
        try {
            JsonNode periods = get("/api/v1/cycles/2023/reports", "lanhdao");
            // February has no 31st: its last day
            assertThat(periods.get(1).path("deadline").asString()).isEqualTo("2023-02-28");
            assertThat(periods.get(3).path("deadline").asString()).isEqualTo("2023-03-10");
            assertThat(periods.get(17).path("deadline").asString()).isEqualTo("2023-12-05");
            // the old version again: 409
            mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 15, \"quarterDueDay\": 15, "
                            + "\"halfDueDay\": 15, \"yearDueDay\": 15, \"version\": " + calendar.path("version")
                            .asLong() + "}"))
                    .andExpect(status().isConflict());
        } finally {
            mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 15, \"quarterDueDay\": 15, "
                            + "\"halfDueDay\": 15, \"yearDueDay\": 15, \"version\": " + changed.path("version")
                            .asLong() + "}"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aDraftIsReadOnlyByItsUnitAndHomeAffairs() throws Exception {
        long task = firstTaskOf("TUPHAP", "2023-H1");
        String path = "/api/v1/cycles/2023/reports/2023-H1/units/TUPHAP";
        String secret = "Bản nháp chưa gửi " + System.nanoTime();
        JsonNode draft = read(mvc.perform(save("2023-H1", "TUPHAP", "tuphap", "{\"tasks\": [{\"taskId\": " + task
                + ", \"result\": \"" + secret + "\"}], \"difficulties\": \"" + secret + "\"}"))
                .andExpect(status().isOk()));
        assertThat(draft.path("unit").path("status").asString()).isEqualTo("DRAFT");
        for (String reader : new String[] {"tuphap", "noivu"}) {
            assertThat(get(path, reader).path("difficulties").asString()).as(reader).isEqualTo(secret);
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path + ".docx")
                    .with(httpBasic(reader, "demo"))).andExpect(status().isOk());
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/cycles/2023/reports/2023-H1/units/TUPHAP")
                            .with(vn.parindex.support.SignedIn.as(users, reader)))
                    .andExpect(status().isOk());
        }
        // another unit's head and the leaders: 404, as for something that is not there, and nothing of the draft
        for (String other : new String[] {"vhtt", "lanhdao"}) {
            for (String address : new String[] {path, path + ".docx"}) {
                var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get(address).with(httpBasic(other, "demo"))).andReturn().getResponse();
                assertThat(response.getStatus()).as(other + " " + address).isEqualTo(404);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(secret);
            }
            var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/cycles/2023/reports/2023-H1/units/TUPHAP")
                            .with(vn.parindex.support.SignedIn.as(users, other)))
                    .andReturn().getResponse();
            assertThat(page.getStatus()).as(other).isEqualTo(404);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(secret);
        }
        // once sent, it is the district's: everyone reads it
        mvc.perform(save("2023-H1", "TUPHAP", "tuphap", "{\"version\": " + draft.path("unit").path("version")
                        .asLong() + ", \"tasks\": [{\"taskId\": " + task + ", \"result\": \"" + secret
                        + "\"}], \"submit\": true}"))
                .andExpect(status().isOk());
        assertThat(get(path, "vhtt").path("tasks").get(0).path("result").asString()).isEqualTo(secret);
    }

    @Test
    void aDayThatIsNotAWholeNumberIsRefusedNotTruncated() throws Exception {
        JsonNode calendar = get("/api/v1/cycles/2023/calendar", "noivu");
        long before = written();
        for (String day : new String[] {"20.9", "20.0", "1e1"}) {
            mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": " + day
                                    + ", \"quarterDueDay\": 10, \"halfDueDay\": 10, \"yearDueDay\": 5, \"version\": "
                                    + calendar.path("version").asLong() + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("monthDueDay"));
        }
        // a version is a whole number too
        mvc.perform(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"monthDueDay\": 20, \"version\": "
                                + calendar.path("version").asLong() + ".5}"))
                .andExpect(status().isBadRequest());
        // the page's form: the form again with 400, nothing changed
        mvc.perform(vn.parindex.support.SignedIn.form(users, "noivu", "/cycles/2023/calendar")
                        .param("monthDueDay", "20.9").param("quarterDueDay", "10").param("halfDueDay", "10")
                        .param("yearDueDay", "5").param("version", calendar.path("version").asString()))
                .andExpect(status().isBadRequest());
        assertThat(written()).isEqualTo(before);
        assertThat(get("/api/v1/cycles/2023/calendar", "noivu").path("monthDueDay").asInt())
                .isEqualTo(calendar.path("monthDueDay").asInt());
    }
}
