package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.WorkflowTest;

/**
 * Tables in through {@code POST /api/v1/imports} on real PostgreSQL: the exported appendix re-imports with no change,
 * a changed figure is previewed then written, an 8-domain framework becomes a new cycle with the right totals, the
 * province's appraisal comes in from a workbook, and every malformed file gets its precise problem with nothing
 * written.
 */
@WorkflowTest
class ImportIntegrationTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    ResultActions upload(byte[] content, String name, int year, String kind, boolean dryRun, String user)
            throws Exception {
        return mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", name, name.endsWith(".csv") ? "text/csv" : XLSX, content))
                .param("year", String.valueOf(year)).param("kind", kind).param("dryRun", String.valueOf(dryRun))
                .with(httpBasic(user, "demo")));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("noivu", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from change_history) + (select count(*) from cycle) "
                + "+ (select count(*) from criterion) + (select coalesce(sum(version), 0) from criterion)", Long.class);
    }

    JsonNode criterion(int year, String code) throws Exception {
        JsonNode all = body(mvc.perform(get("/api/v1/cycles/" + year + "/criteria?size=500")
                .with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()));
        return all.valueStream().filter(c -> c.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    /** The problems of a refused import, as "row|column|message" lines, with nothing written. */
    JsonNode refused(byte[] content, String name, int year, String kind) throws Exception {
        long before = written();
        JsonNode problem = body(upload(content, name, year, kind, false, "noivu")
                .andExpect(status().isUnprocessableContent()));
        assertThat(written()).as("nothing written for %s", name).isEqualTo(before);
        assertThat(problem.path("problems")).isNotEmpty();
        return problem.path("problems");
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] workbook(String[][] rows, boolean formula) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Bảng");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    String v = rows[r][c];
                    if (formula && v.startsWith("=")) {
                        row.createCell(c).setCellFormula(v.substring(1));
                    } else if (r > 0 && v.matches("[0-9]+(\\.[0-9]+)?") && c > 0) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theExportedAppendixReimportsWithNoChangeAndAChangedFigureIsPreviewedThenWritten() throws Exception {
        byte[] xlsx = download("/api/v1/cycles/2023/appendix.xlsx");
        long before = written();
        JsonNode same = body(upload(xlsx, "phu-luc-2023.xlsx", 2023, "scores", true, "noivu")
                .andExpect(status().isOk()));
        assertThat(same.path("changes")).isEmpty();
        assertThat(same.path("dryRun").asBoolean()).isTrue();
        JsonNode sameCsv = body(upload(download("/api/v1/cycles/2023/appendix.csv"), "phu-luc-2023.csv", 2023,
                "scores", true, "noivu").andExpect(status().isOk()));
        assertThat(sameCsv.path("changes")).isEmpty();
        assertThat(written()).isEqualTo(before);

        // the target of 1.4 raised from 1,25 to 1,5 in the workbook
        byte[] changed;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(0) != null && "1.4".equals(row.getCell(0).toString())) {
                    row.getCell(4).setCellValue(1.5);
                }
            }
            book.write(out);
            changed = out.toByteArray();
        }
        JsonNode preview = body(upload(changed, "phu-luc.xlsx", 2023, "scores", true, "noivu")
                .andExpect(status().isOk()));
        assertThat(preview.path("changes")).hasSize(1);
        JsonNode change = preview.path("changes").get(0);
        assertThat(change.path("code").asString()).isEqualTo("1.4");
        assertThat(change.path("field").asString()).isEqualTo("targetScore");
        assertThat(change.path("oldValue").asString()).isEqualTo("1.2500");
        assertThat(change.path("newValue").asString()).isEqualTo("1.5000");
        assertThat(written()).as("a dry run writes nothing").isEqualTo(before);
        upload(changed, "phu-luc.xlsx", 2023, "tuphap".isEmpty() ? "" : "scores", false, "tuphap")
                .andExpect(status().isForbidden());

        upload(changed, "phu-luc.xlsx", 2023, "scores", false, "noivu").andExpect(status().isOk());
        assertThat(criterion(2023, "1.4").path("targetScore").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(jdbc.queryForObject("select count(*) from change_history where field = 'targetScore' and "
                + "comment like 'Nhập từ tệp phu-luc.xlsx%'", Long.class)).isEqualTo(1);
        // and back again, so that other tests here see the plan's figures
        upload(xlsx, "phu-luc-2023.xlsx", 2023, "scores", false, "noivu").andExpect(status().isOk());
        assertThat(criterion(2023, "1.4").path("targetScore").decimalValue()).isEqualByComparingTo("1.25");
    }

    @Test
    void anEightDomainFrameworkImportsAsANewCycleWithCorrectTotals() throws Exception {
        StringBuilder table = new StringBuilder("STT,Lĩnh vực/Tiêu chí,Điểm tối đa,Điểm năm 2029,Cơ quan chủ trì\n");
        String[] maxima = {"12", "12", "14", "14", "12", "12", "12", "12"};
        for (int d = 1; d <= 8; d++) {
            table.append(d).append(",Lĩnh vực ").append(d).append(",\"").append(maxima[d - 1]).append("\",,Phòng Nội vụ\n");
            table.append(d).append(".1,Tiêu chí ").append(d).append(".1,\"").append(Integer.parseInt(maxima[d - 1]) - 2)
                    .append("\",\"5,5\",\n");
            table.append(d).append(".2,Tiêu chí ").append(d).append(".2,2,1,Điểm điều tra XHH\n");
        }
        JsonNode preview = body(upload(csv(table.toString()), "khung.csv", 2030, "framework", true, "noivu")
                .andExpect(status().isOk()));
        assertThat(preview.path("created").asInt()).isEqualTo(24);
        assertThat(jdbc.queryForObject("select count(*) from cycle where year = 2030", Long.class)).isZero();

        JsonNode done = body(upload(csv(table.toString()), "khung.csv", 2030, "framework", false, "noivu")
                .andExpect(status().isOk()));
        assertThat(done.path("created").asInt()).isEqualTo(24);
        JsonNode summary = body(mvc.perform(get("/api/v1/cycles/2030/summary").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk()));
        assertThat(summary.path("maxScore").decimalValue()).isEqualByComparingTo("100");
        assertThat(summary.path("baselineScore").decimalValue()).isEqualByComparingTo("52"); // 8 × (5,5 + 1)
        assertThat(summary.path("domains")).hasSize(8);
        assertThat(criterion(2030, "3.2").path("scoringMethod").asString()).isEqualTo("SURVEY");
        // a target on one criterion only, then the exported appendix (parents print the sums of their parts) back in
        upload(csv("STT,Mục tiêu năm 2030\n1.1,\"9,5\"\n"), "muc-tieu.csv", 2030, "scores", false, "noivu")
                .andExpect(status().isOk());
        JsonNode again2030 = body(upload(download("/api/v1/cycles/2030/appendix.xlsx"), "phu-luc-2030.xlsx", 2030,
                "scores", true, "noivu").andExpect(status().isOk()));
        assertThat(again2030.path("changes")).as("re-importing the export changes nothing").isEmpty();
        // the same again: the year exists
        JsonNode again = refused(csv(table.toString()), "khung.csv", 2030, "framework");
        assertThat(again.get(0).path("message").asString()).contains("2030");
        // a closed cycle takes no import
        mvc.perform(post("/api/v1/cycles/2030/close").with(httpBasic("noivu", "demo"))).andExpect(status().isOk());
        JsonNode closed = refused(csv("STT,Mục tiêu năm 2030\n1.1,5\n"), "muc-tieu.csv", 2030, "scores");
        assertThat(closed.get(0).path("message").asString()).contains("đã kết thúc");
    }

    @Test
    void theProvincesAppraisalComesInFromAWorkbook() throws Exception {
        byte[] sheet = workbook(new String[][] {
                {"STT", "Tên tiêu chí", "Điểm thẩm định", "Lý do trừ điểm"},
                {"1.1", "Kế hoạch CCHC năm", "2.75", "Ban hành kế hoạch chậm"},
                {"1.2", "Thực hiện chế độ báo cáo", "2", ""}}, false);
        JsonNode preview = body(upload(sheet, "tham-dinh.xlsx", 2023, "appraisal", true, "noivu")
                .andExpect(status().isOk()));
        assertThat(preview.path("changes").valueStream().map(c -> c.path("code").asString() + " "
                + c.path("field").asString())).contains("1.1 appraisedScore", "1.1 appraisalReason",
                "1.2 appraisedScore");
        assertThat(criterion(2023, "1.1").path("appraisedScore").isNull()).isTrue();
        upload(sheet, "tham-dinh.xlsx", 2023, "appraisal", false, "noivu").andExpect(status().isOk());
        assertThat(criterion(2023, "1.1").path("appraisedScore").decimalValue()).isEqualByComparingTo("2.75");
        assertThat(criterion(2023, "1.1").path("appraisalReason").asString()).isEqualTo("Ban hành kế hoạch chậm");
        JsonNode above = refused(workbook(new String[][] {{"STT", "Tên", "Điểm thẩm định"}, {"1.2", "x", "2.5"}},
                false), "tham-dinh.xlsx", 2023, "appraisal");
        assertThat(above.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(above.get(0).path("message").asString()).contains("vượt điểm tối đa");
    }

    @Test
    void everyMalformedFileGetsItsPreciseProblemAndNothingIsWritten() throws Exception {
        String header = "stt,ten,diem_toi_da,diem_2030,muc_tieu_2030,co_quan_chu_tri\n";
        assertProblem(refused(csv("stt,ten,diem_toi_da,ghi_chu_la\n1,A,\"10\",x\n"), "a.csv", 2031, "framework"),
                1, "ghi_chu_la", "không phải là cột");
        assertProblem(refused(csv("stt,ten\n1,A\n"), "a.csv", 2031, "framework"), 1, "diem_toi_da", "thiếu cột");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,A,mười\n"), "a.csv", 2031, "framework"), 2,
                "diem_toi_da", "không phải là số điểm");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,A,\"1.234,5\"\n"), "a.csv", 2031, "framework"), 2,
                "diem_toi_da", "không phải là số điểm");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,A,10\n1,B,10\n"), "a.csv", 2031, "framework"), 3,
                "stt", "trùng");
        assertProblem(refused(csv("STT,Mục tiêu năm 2023\n1.1,5\n"), "a.csv", 2023, "scores"), 2,
                "muc_tieu_2023", "vượt điểm tối đa");
        assertProblem(refused(csv("STT,Mục tiêu năm 2023\n9.9,1\n"), "a.csv", 2023, "scores"), 2, "STT",
                "không có trong kỳ");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,A,10\n2.1,B,5\n"), "a.csv", 2031, "framework"), 3,
                "stt", "không có mục cha");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,A,10\n1.1,B,6\n1.2,C,6\n"), "a.csv", 2031,
                "framework"), 2, "diem_toi_da", "vượt điểm tối đa");
        assertProblem(refused(new byte[0], "a.xlsx", 2031, "framework"), 1, "-", "rỗng");
        assertProblem(refused("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "a.xlsx", 2031,
                "framework"), 1, "-", "không phải là bảng tính");
        assertProblem(refused(workbook(new String[][] {{"STT", "Tên", "Điểm tối đa"}, {"1", "A", "=5+5"}}, true),
                "a.xlsx", 2031, "framework"), 2, "C", "công thức");
        assertProblem(refused(new byte[50 * 1024 * 1024], "lon.xlsx", 2031, "framework"), 1, "-", "lớn hơn 5 MB");
        assertProblem(refused(csv(header + "1,A,10,,,\n"), "a.csv", 2031, "framework"), 1, "Mục tiêu năm 2030",
                "không khớp");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n\"1,A,10\n"), "a.csv", 2031, "framework"), 1, "-",
                "không đọc được");
        assertProblem(refused(new byte[] {(byte) 0xC3, 0x28, ',', 'a', '\n'}, "a.csv", 2031, "framework"), 1, "-",
                "UTF-8");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,\"" + "x".repeat(1001) + "\",10\n"), "a.csv", 2031,
                "framework"), 2, "ten", "dài quá");
        // the text rule's characters in a cell: NUL, a bidirectional override (a line break is fine in a cell)
        assertProblem(refused(csv("stt,ten,diem_toi_da\n1,\"Cải cách\u0000\",10\n"), "a.csv", 2031, "framework"), 2,
                "ten", "không được phép");
        assertProblem(refused(csv("stt,ten,diem_toi_da,co_quan_chu_tri\n1,A,10,TU\u202EPHAP\n"), "a.csv", 2031,
                "framework"), 2, "co_quan_chu_tri", "không được phép");
        assertProblem(refused(csv("stt,ten,diem_toi_da\n" + "1,A,1\n".repeat(10_001)), "a.csv", 2031, "framework"),
                1, "-", "dòng");
        assertProblem(refused(csv("stt,ten,diem_toi_da,diem_1999\n1,A,10,5\n"), "a.csv", 2031, "framework"), 1,
                "diem_1999", "từ 2000");

        long before = written();
        upload(csv("stt,ten,diem_toi_da\n1,A,10\n"), "a.csv", 2031, "nothing", false, "noivu")
                .andExpect(status().isBadRequest());
        upload(csv("stt,ten,diem_toi_da\n1,A,10\n"), "a.csv", 12, "framework", false, "noivu")
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/imports").param("year", "2031").param("kind", "framework")
                .with(httpBasic("noivu", "demo"))).andExpect(status().isBadRequest());
        upload(csv("stt,ten,diem_toi_da\n1,A,10\n"), "a.csv", 2031, "framework", false, "lanhdao")
                .andExpect(status().isForbidden());
        assertThat(written()).isEqualTo(before);
    }

    static void assertProblem(JsonNode problems, int row, String column, String message) {
        assertThat(problems.valueStream().anyMatch(p -> p.path("row").asInt() == row
                && p.path("column").asString().equals(column) && p.path("message").asString().contains(message)))
                .as("%s has row %d, column %s, \"%s\"", problems, row, column, message).isTrue();
    }

    @Test
    void thePagePreviewsThenWritesWhatWasPreviewedOnlyWhenConfirmed() throws Exception {
        var session = new org.springframework.mock.web.MockHttpSession();
        var noivu = vn.parindex.support.SignedIn.as(users, "noivu");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(get("/admin/imports").with(noivu)).andExpect(status().isOk());
        mvc.perform(get("/admin/imports").with(vn.parindex.support.SignedIn.as(users, "tuphap")))
                .andExpect(status().isForbidden());
        byte[] table = csv("STT,Tên,Mục tiêu năm 2023\n1.5,Sáng kiến,\"1,5\"\n");
        long before = written();
        String bad = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        csv("STT,Tên,Mục tiêu năm 2023\n1.5,Sáng kiến,\"2,5\"\n"))).param("year", "2023")
                        .param("kind", "scores").with(noivu).with(csrf).session(session))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(bad).select("#import-problems").text()).contains("vượt điểm tối đa");
        String preview = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "a.csv",
                        "text/csv", table)).param("year", "2023").param("kind", "scores").with(noivu).with(csrf)
                        .session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var page = org.jsoup.Jsoup.parse(preview);
        assertThat(page.select("#import-changes").text()).contains("1.5").contains("1,0000").contains("1,5000");
        assertThat(written()).as("the preview writes nothing").isEqualTo(before);
        // the figure changed since the preview: the new preview, nothing written
        upload(csv("STT,Mục tiêu năm 2023\n1.5,\"1,25\"\n"), "a.csv", 2023, "scores", false, "noivu")
                .andExpect(status().isOk());
        String changed = mvc.perform(post("/admin/imports/confirm").with(noivu).with(csrf).session(session))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(changed).select("#import-changes").text()).contains("1,2500");
        assertThat(criterion(2023, "1.5").path("targetScore").decimalValue()).isEqualByComparingTo("1.25");
        mvc.perform(post("/admin/imports/confirm").with(noivu).with(csrf).session(session))
                .andExpect(status().is3xxRedirection());
        assertThat(criterion(2023, "1.5").path("targetScore").decimalValue()).isEqualByComparingTo("1.5");
        // confirmed once: nothing is left to confirm
        mvc.perform(post("/admin/imports/confirm").with(noivu).with(csrf).session(session))
                .andExpect(status().isConflict());
        upload(csv("STT,Mục tiêu năm 2023\n1.5,1\n"), "a.csv", 2023, "scores", false, "noivu")
                .andExpect(status().isOk());
    }
}
