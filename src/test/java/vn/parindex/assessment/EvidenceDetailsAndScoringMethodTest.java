package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.dossier.DossierIndexColumns;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * Issue 12: the document's number and symbol, date of issue and summary, taken by every upload (the criterion page,
 * a dossier item, a task's progress, the API) and shown wherever documents are listed (the criterion page, the
 * dossier and its index workbook, the task page, the API); each bad value a 400 with its message and nothing
 * stored. And Home Affairs changing how a criterion is scored, on record, refused to others, on a stale version,
 * while a submission awaits review and in a closed cycle (2023 closed for that test only, reopened after it).
 */
@WorkflowTest
class EvidenceDetailsAndScoringMethodTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    @Autowired
    ObjectMapper json;

    Document page(String path, String user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(SignedIn.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long version(String code) {
        return jdbc.queryForObject("select k.version from criterion k join cycle c on c.id = k.cycle_id "
                + "where c.year = 2023 and k.code = ?", Long.class, code);
    }

    static MockMultipartFile pdf(String part, String name) {
        return new MockMultipartFile(part, name, "application/pdf", PDF);
    }

    /** Every bad value of the details: its field and the start of its Vietnamese message. */
    static List<String[]> badDetails(boolean api) {
        String future = LocalDate.now(VIETNAM).plusDays(2).format(api ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        return List.of(
                new String[] {"documentNumber", "x".repeat(101), "Số, ký hiệu văn bản dài quá 100 ký tự"},
                new String[] {"summary", "y".repeat(1001), "Trích yếu dài quá 1.000 ký tự"},
                new String[] {"summary", "Kế hoạch\ncải cách", "Trích yếu không được xuống dòng"},
                new String[] {"issuedOn", api ? "15/03/2023" : "2023-13-45", "Ngày ban hành ghi theo dạng"},
                new String[] {"issuedOn", api ? "2023-02-30" : "30/02/2023", "Ngày ban hành ghi theo dạng"},
                new String[] {"issuedOn", future, "Ngày ban hành không được sau ngày hôm nay"},
                new String[] {"issuedOn", api ? "1999-12-31" : "31/12/1999", "Ngày ban hành không được trước"});
    }

    @Test
    void theCriterionPageAndTheApiTakeTheDetailsAndShowThem() throws Exception {
        vn.parindex.support.NothingPending.on(mvc, jdbc, "2.2");
        long before = count("evidence");
        mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments").file(pdf("files", "ke-hoach.pdf"))
                .param("score", "1").param("comment", "Đã ban hành kế hoạch")
                .param("documentNumber", "  125/KH-UBND ").param("issuedOn", "5/3/2023")
                .param("summary", "Kế hoạch cải cách hành chính năm 2023")
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("evidence")).isEqualTo(before + 1);
        Map<String, Object> stored = jdbc.queryForMap("select document_number, issued_on, summary from evidence "
                + "where id = (select max(id) from evidence)");
        assertThat(stored.get("document_number")).isEqualTo("125/KH-UBND");
        assertThat(stored.get("issued_on").toString()).isEqualTo("2023-03-05");
        assertThat(stored.get("summary")).isEqualTo("Kế hoạch cải cách hành chính năm 2023");

        Document criterion = page("/cycles/2023/criteria/2.2", "lanhdao");
        assertThat(criterion.select("#evidence .evidence-number").eachText()).contains("125/KH-UBND");
        assertThat(criterion.select("#evidence .evidence-issued").eachText()).contains("05/03/2023");
        assertThat(criterion.select("#evidence .evidence-summary").eachText())
                .contains("Kế hoạch cải cách hành chính năm 2023");
        assertThat(criterion.select("#evidence thead").text()).contains("Số, ký hiệu văn bản", "Ngày ban hành",
                "Trích yếu");
        assertThat(criterion.select("#thread").text()).contains("125/KH-UBND", "05/03/2023");

        // the API: ISO dates in and out; an upload without details keeps nulls
        String answer = mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence").file(pdf("file", "qd.pdf"))
                .param("documentNumber", "07/QĐ-UBND").param("issuedOn", "2023-01-10")
                .param("summary", "Quyết định kiện toàn tổ công tác").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode created = json.readTree(answer).get(0);
        assertThat(created.path("documentNumber").asString()).isEqualTo("07/QĐ-UBND");
        assertThat(created.path("issuedOn").asString()).isEqualTo("2023-01-10");
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence").file(pdf("file", "khac.pdf"))
                .with(httpBasic("tuphap", "demo"))).andExpect(status().isCreated());
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/cycles/2023/criteria/2.2/evidence")
                .with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Map<String, JsonNode> byName = new HashMap<>();
        list.forEach(e -> byName.put(e.path("fileName").asString(), e));
        assertThat(byName.get("ke-hoach.pdf").path("documentNumber").asString()).isEqualTo("125/KH-UBND");
        assertThat(byName.get("ke-hoach.pdf").path("issuedOn").asString()).isEqualTo("2023-03-05");
        assertThat(byName.get("ke-hoach.pdf").path("summary").asString())
                .isEqualTo("Kế hoạch cải cách hành chính năm 2023");
        assertThat(byName.get("qd.pdf").path("summary").asString()).isEqualTo("Quyết định kiện toàn tổ công tác");
        assertThat(byName.get("khac.pdf").path("documentNumber").isNull()).isTrue();
        assertThat(byName.get("khac.pdf").path("issuedOn").isNull()).isTrue();
        assertThat(byName.get("khac.pdf").path("summary").isNull()).isTrue();

        // Home Affairs returns the submission: the scoring method test below needs nothing pending on 2.2
        long pending = jdbc.queryForObject("select max(a.id) from assessment a join criterion k on k.id = a.criterion_id "
                + "where k.code = '2.2' and a.status = 'SUBMITTED'", Long.class);
        mvc.perform(post("/api/v1/assessments/" + pending + "/return").contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Bổ sung\"}").with(httpBasic("noivu", "demo"))).andExpect(status().isOk());
    }

    @Test
    void eachBadDetailIsA400WithItsMessageAndNothingIsStored() throws Exception {
        long evidence = count("evidence");
        long assessments = count("assessment");
        long history = count("change_history");
        for (String[] bad : badDetails(true)) {
            MockHttpServletResponse response = mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.3/evidence")
                    .file(pdf("file", "a.pdf")).param(bad[0], bad[1]).with(httpBasic("tuphap", "demo")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(bad[0] + " = " + bad[1]).isEqualTo(400);
            JsonNode errors = json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("errors");
            assertThat(errors.size()).as(bad[1]).isEqualTo(1);
            assertThat(errors.get(0).path("field").asString()).isEqualTo(bad[0]);
            assertThat(errors.get(0).path("message").asString()).startsWith(bad[2]);
        }
        for (String[] bad : badDetails(false)) {
            String html = mvc.perform(multipart("/cycles/2023/criteria/2.3/assessments").file(pdf("files", "a.pdf"))
                    .param("score", "1").param("comment", "x").param(bad[0], bad[1])
                    .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document shown = Jsoup.parse(html);
            assertThat(shown.select("#" + bad[0] + "-error").text()).as(bad[1]).startsWith(bad[2]);
            if (bad[1].chars().noneMatch(Character::isISOControl)) { // what was typed is shown again
                assertThat(shown.select("#" + bad[0]).val()).isEqualTo(bad[1]);
            }
        }
        // a control character is refused by the one text rule before any form sees it: 400 naming the field
        MockHttpServletResponse control = mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.3/evidence")
                .file(pdf("file", "a.pdf")).param("documentNumber", "125/KH\u0007UBND")
                .with(httpBasic("tuphap", "demo"))).andReturn().getResponse();
        assertThat(control.getStatus()).isEqualTo(400);
        assertThat(json.readTree(control.getContentAsString(StandardCharsets.UTF_8)).path("errors").get(0)
                .path("field").asString()).isEqualTo("documentNumber");
        mvc.perform(multipart("/cycles/2023/criteria/2.3/assessments").file(pdf("files", "a.pdf"))
                .param("score", "1").param("comment", "x").param("documentNumber", "125/KH\u0007UBND")
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isBadRequest());
        // a dossier item and a task's progress refuse them too
        mvc.perform(post("/cycles/2023/criteria/2.3/dossier/items").param("name", "Báo cáo kết quả")
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is3xxRedirection());
        long item = jdbc.queryForObject("select max(id) from evidence_item", Long.class);
        history = count("change_history");
        String dossier = mvc.perform(multipart("/cycles/2023/criteria/2.3/dossier/items/" + item + "/files")
                .file(pdf("file", "bao-cao.pdf")).param("documentNumber", "12/BC-UBND").param("issuedOn", "31/02/2023")
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document refused = Jsoup.parse(dossier);
        assertThat(refused.select("#item-" + item + " .upload-errors").text()).startsWith("Ngày ban hành ghi theo dạng");
        assertThat(refused.select("#number-" + item).val()).isEqualTo("12/BC-UBND");
        long taskUpdates = count("task_update");
        mvc.perform(multipart("/tasks/" + justiceTask() + "/updates").file(pdf("files", "bien-ban.pdf"))
                .param("note", "Đã họp").param("summary", "x".repeat(1001))
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/tasks/" + justiceTask() + "/updates/999999/evidence")
                .file(pdf("file", "bien-ban.pdf")).param("issuedOn", "2999-01-01")
                .with(httpBasic("tuphap", "demo"))).andExpect(status().isBadRequest());
        assertThat(count("task_update")).isEqualTo(taskUpdates);
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("change_history")).isEqualTo(history);
    }

    long justiceTask() {
        return jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = tu.unit_id"
                + " where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
    }

    @Test
    void theDossierAndItsIndexAndTheTaskPageShowTheDetails() throws Exception {
        // a document of no listed item (uploaded to the criterion, not to a dossier item), with its details
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.2/evidence").file(pdf("file", "ke-hoach-rieng.pdf"))
                .param("documentNumber", "126/KH-UBND").param("issuedOn", "2023-03-06")
                .with(httpBasic("tuphap", "demo"))).andExpect(status().isCreated());
        String base = "/cycles/2023/criteria/2.1/dossier";
        mvc.perform(post(base + "/items").param("name", "Kế hoạch xây dựng VBQPPL")
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is3xxRedirection());
        long item = jdbc.queryForObject("select max(id) from evidence_item", Long.class);
        MockMultipartHttpServletRequestBuilder attach = multipart(base + "/items/" + item + "/files");
        mvc.perform(attach.file(pdf("file", "ke-hoach-vbqppl.pdf")).param("documentNumber", "45/KH-UBND")
                .param("issuedOn", "20/01/2023").param("summary", "Kế hoạch xây dựng văn bản QPPL năm 2023")
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().is3xxRedirection());
        Document dossier = page(base, "lanhdao");
        assertThat(dossier.select("#item-" + item).text()).contains("ke-hoach-vbqppl.pdf", "45/KH-UBND",
                "20/01/2023", "Kế hoạch xây dựng văn bản QPPL năm 2023");

        byte[] zip = mvc.perform(get("/api/v1/cycles/2023/dossier.zip").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        try (XSSFWorkbook index = new XSSFWorkbook(new ByteArrayInputStream(entries.get("muc-luc.xlsx")))) {
            Row header = index.getSheetAt(0).getRow(DossierIndexColumns.HEADER_ROW);
            assertThat(List.of(header.getCell(DossierIndexColumns.NUMBER).getStringCellValue(),
                    header.getCell(DossierIndexColumns.ISSUED).getStringCellValue(),
                    header.getCell(DossierIndexColumns.SUMMARY).getStringCellValue()))
                    .containsExactly("Số/ký hiệu", "Ngày ban hành", "Trích yếu");
            Row row = StreamSupport.stream(index.getSheetAt(0).spliterator(), false)
                    .filter(r -> r.getCell(4) != null && r.getCell(4).getStringCellValue().endsWith("ke-hoach-vbqppl.pdf"))
                    .findFirst().orElseThrow();
            assertThat(List.of(row.getCell(DossierIndexColumns.NUMBER).getStringCellValue(),
                    row.getCell(DossierIndexColumns.ISSUED).getStringCellValue(),
                    row.getCell(DossierIndexColumns.SUMMARY).getStringCellValue()))
                    .containsExactly("45/KH-UBND", "20/01/2023", "Kế hoạch xây dựng văn bản QPPL năm 2023");
            Row other = StreamSupport.stream(index.getSheetAt(0).spliterator(), false)
                    .filter(r -> r.getCell(4) != null && r.getCell(4).getStringCellValue().endsWith("ke-hoach-rieng.pdf"))
                    .findFirst().orElseThrow(() -> new AssertionError(StreamSupport.stream(index.getSheetAt(0)
                            .spliterator(), false).map(r -> String.valueOf(r.getCell(4))).toList()));
            // a document of no listed item (a submission's) is in the index too, with its details
            assertThat(other.getCell(DossierIndexColumns.NUMBER).getStringCellValue()).isEqualTo("126/KH-UBND");
            assertThat(other.getCell(2).getStringCellValue()).isEqualTo("(không theo danh mục)");
        }

        long task = justiceTask();
        mvc.perform(multipart("/tasks/" + task + "/updates").file(pdf("files", "bien-ban.pdf"))
                .param("note", "Đã tổ chức tập huấn").param("documentNumber", "03/BB-TP").param("issuedOn", "02/06/2023")
                .param("summary", "Biên bản hội nghị tập huấn").with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Document taskPage = page("/tasks/" + task, "lanhdao");
        assertThat(taskPage.select("#task-updates li").first().text()).contains("bien-ban.pdf", "03/BB-TP",
                "02/06/2023", "Biên bản hội nghị tập huấn");
    }

    @Test
    void homeAffairsChangesTheScoringMethodOnRecord() throws Exception {
        String api = "/api/v1/cycles/2023/criteria/2.3/scoring-method";
        long history = count("change_history");
        for (String other : new String[] {"tuphap", "lanhdao"}) {
            mvc.perform(put(api).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"scoringMethod\": \"SURVEY\", \"version\": " + version("2.3") + "}")
                    .with(httpBasic(other, "demo"))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/cycles/2023/criteria/2.3/scoring-method").param("scoringMethod", "SURVEY")
                .param("version", String.valueOf(version("2.3"))).with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(put(api).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"SURVEY\", \"version\": " + (version("2.3") - 1) + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isConflict());
        mvc.perform(put(api).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"PHONG_VAN\", \"version\": " + version("2.3") + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/cycles/2023/criteria/2/scoring-method").contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"SURVEY\", \"version\": " + version("2") + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isBadRequest());
        assertThat(count("change_history")).isEqualTo(history);
        // only Home Affairs sees the form
        assertThat(page("/cycles/2023/criteria/2.3", "tuphap").select("#scoring-method-form")).isEmpty();
        assertThat(page("/cycles/2023/criteria/2.3", "noivu").select("#scoring-method-form select option[selected]")
                .attr("value")).isEqualTo("SELF_ASSESSMENT");

        // a submission awaiting review stands in the way, and is named
        mvc.perform(post("/api/v1/cycles/2023/criteria/2.3/assessments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 1, \"comment\": \"Tự chấm\"}").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isCreated());
        String refused = mvc.perform(put(api).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"SURVEY\", \"version\": " + version("2.3") + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(refused).path("pending").toString()).contains("2.3");
        Document conflict = Jsoup.parse(mvc.perform(post("/cycles/2023/criteria/2.3/scoring-method")
                .param("scoringMethod", "SURVEY").param("version", String.valueOf(version("2.3")))
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().isConflict()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(conflict.select("#conflict").text()).contains("chờ rà soát");
        assertThat(conflict.select("#conflict-pending li").text()).contains("2.3");
        long pending = jdbc.queryForObject("select a.id from assessment a join criterion k on k.id = a.criterion_id "
                + "where k.code = '2.3' and a.status = 'SUBMITTED'", Long.class);
        mvc.perform(post("/api/v1/assessments/" + pending + "/return").contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Tiêu chí chấm theo điều tra\"}").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk());

        // the page's form changes it; the history names both methods
        mvc.perform(post("/cycles/2023/criteria/2.3/scoring-method").param("scoringMethod", "SURVEY")
                .param("reason", "Khung chỉ số chấm theo điều tra XHH")
                .param("version", String.valueOf(version("2.3"))).with(SignedIn.as(users, "noivu")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select k.scoring_method from criterion k join cycle c on c.id = k.cycle_id "
                + "where c.year = 2023 and k.code = '2.3'", String.class)).isEqualTo("SURVEY");
        Document after = page("/cycles/2023/criteria/2.3", "lanhdao");
        String line = after.select("#history tbody tr").stream().map(r -> r.text())
                .filter(t -> t.contains("Cách chấm điểm")).findFirst().orElseThrow();
        assertThat(line).contains("Tự đánh giá", "Điều tra XHH", "Khung chỉ số chấm theo điều tra XHH")
                .doesNotContain("SELF_ASSESSMENT").doesNotContain("SURVEY");
        JsonNode entries = json.readTree(mvc.perform(get("/api/v1/cycles/2023/criteria/2.3/history")
                .with(httpBasic("lanhdao", "demo"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(entries.toString()).contains("\"field\":\"scoringMethod\"", "\"oldValue\":\"SELF_ASSESSMENT\"",
                "\"newValue\":\"SURVEY\"");
        // a survey-scored criterion takes no self-assessment
        mvc.perform(post("/api/v1/cycles/2023/criteria/2.3/assessments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 1, \"comment\": \"x\"}").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isForbidden());
        // and back through the API
        String back = mvc.perform(put(api).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"SELF_ASSESSMENT\", \"version\": " + version("2.3") + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(back).path("scoringMethod").asString()).isEqualTo("SELF_ASSESSMENT");
        assertThat(json.readTree(back).path("version").asLong()).isEqualTo(version("2.3"));
    }

    @Test
    void nothingChangesInAClosedCycle() throws Exception {
        // closed for this test only (closing through the API needs nothing pending in the whole year, and the shared
        // database's year stays open for the other tests); CycleLifeIntegrationTest closes a year through the API
        jdbc.update("update cycle set status = 'CLOSED' where year = 2023");
        try {
            closedCycleRefusesTheScoringMethod();
        } finally {
            jdbc.update("update cycle set status = 'ACTIVE' where year = 2023");
        }
    }

    private void closedCycleRefusesTheScoringMethod() throws Exception {
        long history = count("change_history");
        mvc.perform(put("/api/v1/cycles/2023/criteria/2.2/scoring-method").contentType(MediaType.APPLICATION_JSON)
                .content("{\"scoringMethod\": \"SURVEY\", \"version\": " + version("2.2") + "}")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isConflict());
        mvc.perform(post("/cycles/2023/criteria/2.2/scoring-method").param("scoringMethod", "SURVEY")
                .param("version", String.valueOf(version("2.2"))).with(SignedIn.as(users, "noivu")).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(page("/cycles/2023/criteria/2.2", "noivu").select("#scoring-method-form")).isEmpty();
        assertThat(count("change_history")).isEqualTo(history);
    }
}
