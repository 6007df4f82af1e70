package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.PrintedWorkbooks;
import vn.parindex.support.PublishedPlan;
import vn.parindex.support.SignedIn;
import vn.parindex.security.AppUserRepository;

/** The appendix as Excel and CSV: row for row the plan's, with numbers as numbers. */
@IntegrationTest
class AppendixExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    MockHttpServletResponse download(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse();
    }

    static BigDecimal number(Cell cell) {
        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        return new BigDecimal(((XSSFCell) cell).getRawValue());
    }

    @Test
    void theWorkbookIsThePlansAppendixRowForRowWithNumericCells() throws Exception {
        MockHttpServletResponse response = download("/api/v1/cycles/2023/appendix.xlsx");
        assertThat(response.getContentType()).isEqualTo(AppendixFiles.XLSX);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains("phu-luc-2023.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("PHỤ LỤC");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("MỤC TIÊU PHẤN ĐẤU").contains("HUYỆN TÂN YÊN NĂM 2023");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).matches("\\(Kèm theo Kế hoạch nâng cao "
                    + "Chỉ số CCHC huyện Tân Yên năm 2023; số liệu đến ngày \\d\\d/\\d\\d/\\d{4}\\)");
            Row header = sheet.getRow(AppendixFiles.HEADER_ROW);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa",
                    "Điểm năm 2022", "Mục tiêu năm 2023", "Tăng/ giảm so với năm 2022", "Cơ quan chủ trì",
                    "Điểm hiện tại", "Còn thiếu so với mục tiêu", "Trạng thái");

            List<PublishedPlan.Row> plan = PublishedPlan.rows();
            assertThat(sheet.getLastRowNum()).isEqualTo(AppendixFiles.HEADER_ROW + plan.size());
            for (int i = 0; i < plan.size(); i++) {
                PublishedPlan.Row printed = plan.get(i);
                Row row = sheet.getRow(AppendixFiles.HEADER_ROW + 1 + i);
                boolean total = printed.code().equals("TOTAL");
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(total ? "" : printed.code());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(printed.name());
                assertThat(number(row.getCell(2))).isEqualByComparingTo(printed.max());
                assertThat(number(row.getCell(3))).isEqualByComparingTo(printed.baseline());
                assertThat(number(row.getCell(4))).isEqualByComparingTo(printed.target());
                String change = printed.printedChange() == 0 ? "0" : "+ " + printed.printedChange();
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(change);
                if (printed.lead().equals(AppendixSheet.SURVEY)) {
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo(AppendixSheet.SURVEY);
                }
                boolean bold = book.getFontAt(row.getCell(1).getCellStyle().getFontIndex()).getBold();
                assertThat(bold).as("row %s bold", printed.code()).isEqualTo(printed.isDomain() || total);
                assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Chưa có điểm");
            }
            for (int r = AppendixFiles.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(2).getCellStyle().getDataFormatString()).as("maximum of row %d", r + 1)
                        .isEqualTo("0.00");
                for (int c : new int[] {3, 4, 7, 8}) {
                    assertThat(row.getCell(c).getCellStyle().getDataFormatString()).as("score %d of row %d", c, r + 1)
                            .isEqualTo("0.0000");
                }
            }
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) (AppendixFiles.HEADER_ROW + 1));
            PrintedWorkbooks.assertPrintsOnA4Landscape(sheet, AppendixFiles.HEADER_ROW);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("4:4");
            PrintedWorkbooks.assertRowsFitTheirText(sheet, 0);
            // a name longer than its column is printed on more lines than a short one
            int longest = AppendixFiles.HEADER_ROW + 1;
            int shortest = longest;
            for (int r = AppendixFiles.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                int length = sheet.getRow(r).getCell(1).getStringCellValue().length();
                longest = length > sheet.getRow(longest).getCell(1).getStringCellValue().length() ? r : longest;
                shortest = length < sheet.getRow(shortest).getCell(1).getStringCellValue().length() ? r : shortest;
            }
            assertThat(sheet.getRow(longest).getCell(1).getStringCellValue().length())
                    .isGreaterThan(sheet.getColumnWidth(1) / 256);
            assertThat(sheet.getRow(longest).getHeightInPoints())
                    .isGreaterThanOrEqualTo(1.8f * sheet.getRow(shortest).getHeightInPoints());
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(40 * 256);
        }
    }

    @Test
    void theCsvHasTheSameRowsWithAByteOrderMark() throws Exception {
        MockHttpServletResponse response = download("/api/v1/cycles/2023/appendix.csv");
        byte[] body = response.getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("STT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,Điểm tối đa,Điểm năm 2022");
        assertThat(lines).hasSize(PublishedPlan.rows().size() + 1);
        assertThat(lines.get(1)).startsWith("1,\"Công tác chỉ đạo, điều hành CCHC\",\"14,00\",\"9,6419\",\"12,2500\",+ 3,");
        assertThat(lines.get(lines.size() - 1)).startsWith(",Tổng điểm,\"100,00\",\"84,0256\",\"92,0000\",+ 8,");
    }

    @Test
    void aUnitExportsTheCriteriaItLeadsUnderTheirDomains() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/cycles/2023/units/tuphap/criteria.xlsx")
                .with(SignedIn.as(users, "tuphap"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("phu-luc-2023-tuphap.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("PHÒNG TƯ PHÁP");
            List<String> codes = new ArrayList<>();
            for (int r = AppendixFiles.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            // domain 2 is led by Phòng Tư pháp: the domain and all its criteria, then the total of the domain
            assertThat(codes).startsWith("2", "2.1", "2.2", "2.3", "2.4").endsWith("");
            Row total = sheet.getRow(sheet.getLastRowNum());
            BigDecimal domainMax = number(sheet.getRow(AppendixFiles.HEADER_ROW + 1).getCell(2));
            assertThat(number(total.getCell(2))).isGreaterThanOrEqualTo(domainMax);
        }
        mvc.perform(get("/api/v1/cycles/2023/units/NOPE/criteria.csv").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cycles/2031/appendix.xlsx").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound());
    }
}
