package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.criteria.CycleRepository;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.support.WorkflowTest;
import vn.parindex.web.VietnameseNumbers;

/**
 * The Word documents as an office sends them (Nghị định 30/2020/NĐ-CP), each opened with POI: the district's report
 * and its appendix, an office's own input, the self-assessment report. And a unit's input moving its tasks' status
 * when sent, so the report's results and the tasks' statuses agree.
 */
@WorkflowTest
class OfficialDocumentsTest {

    static final String PERIOD = "2023-07";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoreboardService scoreboards;

    @Autowired
    CycleRepository cycles;

    @Autowired
    VietnameseNumbers fmt;

    @Autowired
    vn.parindex.dossier.DossierService dossiers;

    @Autowired
    vn.parindex.tasks.TaskUpdates taskUpdates;

    JsonNode getJson(String path, String user) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    XWPFDocument docx(String path, String user, String keepAs) throws Exception {
        byte[] bytes = mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        // kept for a look in LibreOffice (target/official-documents)
        Path dir = Path.of("target", "official-documents");
        Files.createDirectories(dir);
        Files.write(dir.resolve(keepAs), bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    long taskCount() {
        return jdbc.queryForObject("select (select count(*) from task_update) + (select count(*) from change_history)"
                + " + (select count(*) from report_input_task)", Long.class);
    }

    @Test
    void aUnitsInputMovesItsTasksAndEveryDocumentIsLaidOutAsTheDecreeAsks() throws Exception {
        JsonNode tasks = getJson("/api/v1/cycles/2023/reports/" + PERIOD + "/units/TUPHAP", "noivu").path("tasks");
        assertThat(tasks.size()).isGreaterThanOrEqualTo(2);
        long done = tasks.get(0).path("taskId").asLong();
        long started = tasks.get(1).path("taskId").asLong();
        String doneTitle = tasks.get(0).path("title").asString();
        String startedTitle = tasks.get(1).path("title").asString();
        String before0 = jdbc.queryForObject("select status from task where id = ?", String.class, done);
        String before1 = jdbc.queryForObject("select status from task where id = ?", String.class, started);
        String name = jdbc.queryForObject("select display_name from app_user where username = 'tuphap'", String.class);
        try {
            jdbc.update("update task set status = 'NOT_STARTED' where id in (?, ?)", done, started);
            // bad statuses: refused, nothing written
            long nothing = taskCount();
            mvc.perform(save("tuphap", "{\"tasks\": [{\"taskId\": " + done + ", \"result\": \"Đã xong\", "
                    + "\"status\": \"NOT_STARTED\"}], \"submit\": true}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tasks"));
            mvc.perform(save("tuphap", "{\"tasks\": [{\"taskId\": " + done + ", \"result\": \"Đã xong\", "
                    + "\"status\": \"FINISHED\"}], \"submit\": true}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tasks"));
            assertThat(taskCount()).isEqualTo(nothing);
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, done))
                    .isEqualTo("NOT_STARTED");

            // a draft gives the statuses but does not apply them
            jdbc.update("update app_user set display_name = 'Nguyễn Văn An' where username = 'tuphap'");
            String result = "Đã rà soát 12 văn bản, công bố danh mục hết hiệu lực";
            JsonNode draft = json.readTree(mvc.perform(save("tuphap", "{\"tasks\": [{\"taskId\": " + done
                    + ", \"result\": \"" + result + "\", \"status\": \"DONE\"}, {\"taskId\": " + started
                    + ", \"result\": \"Đang kiểm tra 3 văn bản\"}]}")).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, done))
                    .isEqualTo("NOT_STARTED");
            assertThat(draft.path("tasks").get(0).path("reportedStatus").asString()).isEqualTo("DONE");
            // a task not started with a result is in progress
            assertThat(draft.path("tasks").get(1).path("reportedStatus").asString()).isEqualTo("IN_PROGRESS");
            // the office's own draft already prints the status its input gives
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/" + PERIOD + "/units/TUPHAP.docx", "tuphap",
                    "input-draft.docx")) {
                assertThat(text(doc)).contains(doneTitle + " (hoàn thành): " + result);
            }
            // sent: each status is applied to its task, on its history, by the person who sent it
            mvc.perform(save("tuphap", "{\"version\": " + draft.path("unit").path("version").asLong()
                    + ", \"tasks\": [{\"taskId\": " + done + ", \"result\": \"" + result + "\", \"status\": \"DONE\"}, "
                    + "{\"taskId\": " + started + ", \"result\": \"Đang kiểm tra 3 văn bản\"}], "
                    + "\"difficulties\": \"Thiếu cán bộ\", \"submit\": true}")).andExpect(status().isOk());
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, done))
                    .isEqualTo("DONE");
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, started))
                    .isEqualTo("IN_PROGRESS");
            assertThat(jdbc.queryForList("select u.note from task_update u join app_user a on a.id = u.author_id "
                    + "where u.task_id = ? and a.username = 'tuphap' and u.status = 'DONE'", String.class, done))
                    .anyMatch(n -> n.contains(result) && n.contains("tháng 7 năm 2023"));
            assertThat(jdbc.queryForObject("select count(*) from change_history where entity_type = 'TASK' and "
                    + "entity_id = ? and field = 'status' and new_value = 'DONE'", Long.class, done)).isPositive();

            // the district's report
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/" + PERIOD + ".docx", "noivu",
                    "district.docx")) {
                String text = text(doc);
                layout(doc, null, List.of("ỦY BAN NHÂN DÂN", "HUYỆN TÂN YÊN"), "/BC-UBND",
                        List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
                        OfficialDocx.NAME_TO_FILL);
                // the result next to the task's status now, which the input moved
                assertThat(text).contains("- " + doneTitle + " (hoàn thành): " + result)
                        .contains("- " + startedTitle + " (đang thực hiện");
                assertThat(text).doesNotContain("(chưa bắt đầu").contains("Thiếu cán bộ");
                // nothing internal: who sent their input when, late or not, stays on Home Affairs' pages
                assertThat(text).doesNotContain("TÌNH HÌNH GỬI BÁO CÁO", "Gửi lúc", "Chậm (", "Gửi chậm",
                        "Chưa thực hiện", "Đã tiếp nhận");
                // shortfalls without a sign, scores with 4 decimals
                assertThat(Pattern.compile("[+\u2212]\\s?\\d").matcher(text).find())
                        .as("a signed figure in %s", text).isFalse();
                // the appendix: landscape, says which report it goes with, totals as the dashboard computes
                var last = doc.getDocument().getBody().getSectPr();
                assertThat(last.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
                assertThat(last.getPgSz().getW()).isEqualTo(BigInteger.valueOf(16838));
                XWPFParagraph breakPara = doc.getParagraphs().stream()
                        .filter(p -> p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()).findFirst()
                        .orElseThrow();
                assertThat(breakPara.getCTP().getPPr().getSectPr().getPgSz().getW())
                        .isEqualTo(BigInteger.valueOf(11906));
                List<IBodyElement> body = doc.getBodyElements();
                List<IBodyElement> appendix = body.subList(body.indexOf(breakPara) + 1, body.size());
                XWPFParagraph with = appendix.stream().filter(e -> e instanceof XWPFParagraph)
                        .map(e -> (XWPFParagraph) e).filter(p -> p.getText().startsWith("(Kèm theo Báo cáo số"))
                        .findFirst().orElseThrow();
                assertThat(with.getText()).contains("/BC-UBND ngày").contains("của UBND huyện Tân Yên)");
                assertThat(with.getRuns()).allMatch(XWPFRun::isItalic);
                assertThat(appendix.stream().filter(e -> e instanceof XWPFParagraph)
                        .anyMatch(e -> OfficialDocx.isRule((XWPFParagraph) e))).isTrue();
                XWPFTable scores = (XWPFTable) appendix.stream().filter(e -> e instanceof XWPFTable).findFirst()
                        .orElseThrow();
                var board = scoreboards.forCycle(cycles.findByYear(2023).orElseThrow());
                List<String> totalRow = scores.getRows().get(scores.getRows().size() - 1).getTableCells().stream()
                        .map(XWPFTableCell::getText).toList();
                assertThat(totalRow.get(1)).isEqualTo("Tổng điểm");
                assertThat(scores.getRow(0).getCell(5).getText()).isEqualTo("Điểm tự đánh giá");
                assertThat(scores.getRow(0).getCell(6).getText()).isEqualTo("Điểm dự kiến");
                assertThat(totalRow.get(6)).isEqualTo(fmt.score(board.total().projection())).matches("\\d+,\\d{4}");
                assertThat(totalRow.get(3)).isEqualTo("84,0256");
                // a partial sum of the few criteria scored so far is no total
                if (board.assessedLeafCount() < board.leafCount()) {
                    assertThat(totalRow.get(5)).isEmpty();
                    assertThat(text).contains("đã chấm " + board.assessedLeafCount() + "/" + board.leafCount());
                }
            }

            // the office's own input, sent: its abbreviation, its head's title and name
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/" + PERIOD + "/units/TUPHAP.docx", "tuphap",
                    "input-tuphap.docx")) {
                layout(doc, "UBND HUYỆN TÂN YÊN", List.of("PHÒNG TƯ PHÁP"), "/BC-TP", List.of("TRƯỞNG PHÒNG"),
                        "Nguyễn Văn An");
                assertThat(text(doc)).doesNotContain("THỦ TRƯỞNG CƠ QUAN")
                        .contains(doneTitle + " (hoàn thành): " + result);
            }
            // other offices: their own abbreviation and head's title; an account named after the post is no name
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/" + PERIOD + "/units/VANPHONG.docx", "noivu",
                    "input-vanphong.docx")) {
                layout(doc, "UBND HUYỆN TÂN YÊN", List.of("VĂN PHÒNG HĐND VÀ UBND"), "/BC-VP",
                        List.of("CHÁNH VĂN PHÒNG"), OfficialDocx.NAME_TO_FILL);
            }
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/" + PERIOD + "/units/THANHTRA.docx", "noivu",
                    "input-thanhtra.docx")) {
                layout(doc, "UBND HUYỆN TÂN YÊN", List.of("THANH TRA HUYỆN"), "/BC-TTr",
                        List.of("CHÁNH THANH TRA"), OfficialDocx.NAME_TO_FILL);
            }

            // the self-assessment report: criteria without an explanation named once, not one line each
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/self-assessment.docx", "noivu",
                    "self-assessment.docx")) {
                layout(doc, null, List.of("ỦY BAN NHÂN DÂN", "HUYỆN TÂN YÊN"), "/BC-UBND",
                        List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), OfficialDocx.NAME_TO_FILL);
                String text = text(doc).toLowerCase(Locale.ROOT);
                Matcher m = Pattern.compile("chưa có giải trình").matcher(text);
                int count = 0;
                while (m.find()) {
                    count++;
                }
                assertThat(count).isLessThanOrEqualTo(1);
                boolean someUnexplained = dossiers.overview(2023).criteria().stream()
                        .anyMatch(d -> !d.complete() && d.explanation() == null);
                assertThat(count).isEqualTo(someUnexplained ? 1 : 0);
            }
        } finally {
            jdbc.update("update app_user set display_name = ? where username = 'tuphap'", name);
            jdbc.update("update task set status = ? where id = ?", before0, done);
            jdbc.update("update task set status = ? where id = ?", before1, started);
        }
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder save(String user, String body) {
        return put("/api/v1/cycles/2023/reports/" + PERIOD + "/units/TUPHAP").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /**
     * What every document shows as Nghị định 30 asks: the body above regular and the issuing body bold, a rule
     * (paragraph border) under each and one as long as the motto under it, the number with the abbreviation, the
     * title with its rule, "Nơi nhận:", the signature block with room to sign and the name line, no "─" anywhere.
     */
    static void layout(XWPFDocument doc, String superior, List<String> body, String abbreviation,
            List<String> authority, String signer) {
        assertThat(doc.getDocument().xmlText()).doesNotContain("\u2500");
        XWPFTable heading = (XWPFTable) doc.getBodyElements().get(0);
        XWPFTableCell left = heading.getRow(0).getCell(0);
        List<XWPFParagraph> lines = left.getParagraphs().stream().filter(p -> !p.getText().isEmpty()).toList();
        List<String> expected = new ArrayList<>();
        if (superior != null) {
            expected.add(superior);
            assertThat(lines.get(0).getRuns()).noneMatch(XWPFRun::isBold);
        }
        expected.addAll(body);
        assertThat(lines).extracting(XWPFParagraph::getText).containsExactlyElementsOf(expected);
        lines.subList(superior == null ? 0 : 1, lines.size())
                .forEach(p -> assertThat(p.getRuns()).isNotEmpty().allMatch(XWPFRun::isBold));
        assertThat(left.getParagraphs()).filteredOn(OfficialDocx::isRule).hasSize(1);
        XWPFTableCell right = heading.getRow(0).getCell(1);
        assertThat(right.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", OfficialDocx.MOTTO);
        XWPFParagraph mottoRule = right.getParagraphs().stream().filter(OfficialDocx::isRule).findFirst().orElseThrow();
        int cell = Integer.parseInt(right.getCTTc().getTcPr().getTcW().getW().toString());
        int indents = mottoRule.getIndentationLeft() + mottoRule.getIndentationRight();
        assertThat(cell - 2 * 108 - indents).isBetween(OfficialDocx.MOTTO_WIDTH - 2, OfficialDocx.MOTTO_WIDTH + 2);
        assertThat(heading.getRow(1).getCell(0).getText()).startsWith("Số:").endsWith(abbreviation);
        assertThat(heading.getRow(1).getCell(1).getText()).contains("Tân Yên, ngày");
        // the title, bold, with its rule
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        int title = paragraphs.indexOf(paragraphs.stream().filter(p -> p.getText().equals("BÁO CÁO")).findFirst()
                .orElseThrow());
        assertThat(paragraphs.get(title + 1).getRuns()).allMatch(XWPFRun::isBold);
        assertThat(OfficialDocx.isRule(paragraphs.get(title + 2))).isTrue();
        // the closing: "Nơi nhận:" and the signature, room to sign, the name
        XWPFTable closing = doc.getTables().stream().filter(t -> t.getText().contains("Nơi nhận:")).findFirst()
                .orElseThrow();
        List<XWPFParagraph> sign = closing.getRow(0).getCell(1).getParagraphs();
        assertThat(sign.subList(0, authority.size())).extracting(XWPFParagraph::getText)
                .containsExactlyElementsOf(authority);
        assertThat(sign.subList(authority.size(), sign.size() - 1)).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(p -> p.getText().isEmpty());
        XWPFParagraph name = sign.get(sign.size() - 1);
        assertThat(name.getText()).isEqualTo(signer);
        assertThat(name.getRuns()).allMatch(XWPFRun::isBold);
        assertThat(ReportApiIntegrationTest.text(doc)).doesNotContain("\u2500");
    }

    static String text(XWPFDocument doc) {
        return ReportApiIntegrationTest.text(doc);
    }

    @Autowired
    vn.parindex.security.AppUserRepository users;

    @Test
    void theInputsPageOffersEachTasksStatusAndSendingAppliesIt() throws Exception {
        String page = "/cycles/2023/reports/2023-08/units/TUPHAP";
        long task = getJson("/api/v1/cycles/2023/reports/2023-08/units/TUPHAP", "noivu").path("tasks").get(0)
                .path("taskId").asLong();
        String before = jdbc.queryForObject("select status from task where id = ?", String.class, task);
        try {
            jdbc.update("update task set status = 'NOT_STARTED' where id = ?", task);
            var form = org.jsoup.Jsoup.parse(mvc.perform(get(page).with(vn.parindex.support.SignedIn.as(users,
                    "tuphap"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            var select = form.select("#input-form select[name=statuses[" + task + "]]");
            assertThat(select.select("option").eachAttr("value")).containsExactly("IN_PROGRESS", "DONE");
            // a result with "not started" from a hand-made request: refused, the task untouched
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page)
                    .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .csrf())
                    .param("results[" + task + "]", "Đã xong").param("statuses[" + task + "]", "NOT_STARTED")
                    .param("send", "true")).andExpect(status().isBadRequest());
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, task))
                    .isEqualTo("NOT_STARTED");
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page)
                    .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .csrf())
                    .param("results[" + task + "]", "Đã ban hành kế hoạch").param("statuses[" + task + "]", "DONE")
                    .param("send", "true")).andExpect(status().is3xxRedirection());
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, task))
                    .isEqualTo("DONE");
            // Home Affairs reads the sent input with the task's status now
            var sent = org.jsoup.Jsoup.parse(mvc.perform(get(page).with(vn.parindex.support.SignedIn.as(users,
                    "noivu"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(sent.text()).contains("Đã ban hành kế hoạch", "Hoàn thành");
        } finally {
            jdbc.update("update task set status = ? where id = ?", before, task);
        }
    }

    /**
     * A report moves a task forward only: an input that says "in progress" for a task done since (a draft saved
     * earlier, another lead unit) leaves the task done, and the documents print the status reported with the result,
     * so the two agree. A form field that cannot be read is a 400 with nothing saved.
     */
    @Test
    void aReportNeverMovesATaskBackAndItsDocumentsPrintTheStatusReportedWithEachResult() throws Exception {
        String api = "/api/v1/cycles/2023/reports/2023-09/units/TUPHAP";
        JsonNode tasks = getJson(api, "noivu").path("tasks");
        long task = tasks.get(0).path("taskId").asLong();
        String title = tasks.get(0).path("title").asString();
        String before = jdbc.queryForObject("select status from task where id = ?", String.class, task);
        try {
            jdbc.update("update task set status = 'DONE' where id = ?", task);
            String result = "Tiếp tục rà soát văn bản quý III";
            mvc.perform(put(api).with(httpBasic("tuphap", "demo")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"tasks\": [{\"taskId\": " + task + ", \"result\": \"" + result
                            + "\", \"status\": \"IN_PROGRESS\"}], \"submit\": true}"))
                    .andExpect(status().isOk());
            assertThat(jdbc.queryForObject("select status from task where id = ?", String.class, task))
                    .as("a report does not reopen a task").isEqualTo("DONE");
            // the rule holds under the task's lock: a move back is no move, and nothing is recorded
            long updates = jdbc.queryForObject("select count(*) from task_update where task_id = ?", Long.class, task);
            assertThat(taskUpdates.advance(vn.parindex.support.SignedIn.load(users, "tuphap"), task, "Lùi lại",
                    vn.parindex.tasks.TaskStatus.IN_PROGRESS)).isFalse();
            assertThat(jdbc.queryForObject("select count(*) from task_update where task_id = ?", Long.class, task))
                    .isEqualTo(updates);
            try (XWPFDocument doc = docx(api + ".docx", "tuphap", "input-reported-status.docx")) {
                assertThat(text(doc)).contains(title + " (đang thực hiện").contains(result);
            }
            try (XWPFDocument doc = docx("/api/v1/cycles/2023/reports/2023-09.docx", "noivu",
                    "district-reported-status.docx")) {
                assertThat(text(doc)).contains("- " + title + " (đang thực hiện").doesNotContain(
                        title + " (hoàn thành): " + result);
            }

            // an unreadable field on the page (a task number that is no number): 400, nothing saved
            String page = "/cycles/2023/reports/2023-10/units/TUPHAP";
            long rows = taskCount();
            long inputs = jdbc.queryForObject("select count(*) from report_input", Long.class);
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(page)
                    .with(vn.parindex.support.SignedIn.as(users, "tuphap"))
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .csrf())
                    .param("results[abc]", "Đã xong").param("results[" + task + "]", "Đã xong"))
                    .andExpect(status().isBadRequest());
            assertThat(taskCount()).isEqualTo(rows);
            assertThat(jdbc.queryForObject("select count(*) from report_input", Long.class)).isEqualTo(inputs);
        } finally {
            jdbc.update("update task set status = ? where id = ?", before, task);
        }
    }

    @Test
    void anOfficesAbbreviationAndTitleComeFromItsName() {
        assertThat(Issuer.abbreviation("Phòng Tư pháp")).isEqualTo("TP");
        assertThat(Issuer.abbreviation("Phòng Nội vụ")).isEqualTo("NV");
        assertThat(Issuer.abbreviation("Phòng Văn hóa – Thông tin")).isEqualTo("VHTT");
        assertThat(Issuer.abbreviation("Phòng Tài chính – Kế hoạch")).isEqualTo("TCKH");
        assertThat(Issuer.abbreviation("Phòng Giáo dục và Đào tạo")).isEqualTo("GDĐT");
        assertThat(Issuer.abbreviation("Văn phòng HĐND và UBND")).isEqualTo("VP");
        assertThat(Issuer.abbreviation("Thanh tra huyện")).isEqualTo("TTr");
        assertThat(Issuer.headTitle("Phòng Tư pháp")).isEqualTo("TRƯỞNG PHÒNG");
        assertThat(Issuer.headTitle("Văn phòng HĐND và UBND")).isEqualTo("CHÁNH VĂN PHÒNG");
        assertThat(Issuer.headTitle("Thanh tra huyện")).isEqualTo("CHÁNH THANH TRA");
        assertThat(Issuer.personName("Trưởng phòng Tư pháp")).isNull();
        assertThat(Issuer.personName("Chánh Thanh tra huyện")).isNull();
        assertThat(Issuer.personName("  ")).isNull();
        assertThat(Issuer.personName("Nguyễn Thị Bình")).isEqualTo("Nguyễn Thị Bình");
        Issuer commune = Issuer.unit("Tân Yên", "UBND xã Cao Xá", true, null, null);
        assertThat(commune.superior()).isNull();
        assertThat(commune.body()).containsExactly("ỦY BAN NHÂN DÂN", "XÃ CAO XÁ");
        assertThat(commune.number("BC")).endsWith("/BC-UBND");
        assertThat(commune.authority()).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        // a stored abbreviation wins over the derived one
        assertThat(Issuer.unit("Tân Yên", "Phòng Nông nghiệp và Phát triển nông thôn", false, "NNPTNT", null)
                .number("BC")).endsWith("/BC-NNPTNT");
    }
}
