package vn.parindex.index;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.parindex.organisation.ProvinceProperties;
import vn.parindex.reporting.OfficialDocx;
import vn.parindex.system.PrintedSheets;

/**
 * The results of a level's year as the appendix of the decision that publishes them: "Phụ lục — Kết quả Chỉ số
 * CCHC năm … của các …", attached to the province's decision (its number and date left for the office to write),
 * one row per body by rank with its score, maximum, index, rank and band. As Word (Nghị định 30/2020, an appendix in
 * landscape) and as Excel (A4 landscape, the header repeated on every page). Nothing else: no software's name, no
 * date of printing.
 */
@Component
class IndexDocuments {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final List<String> HEADER = List.of("STT", "Đơn vị", "Điểm đạt được", "Điểm tối đa",
            "Chỉ số (%)", "Xếp hạng", "Xếp loại");

    private final MessageSource messages;
    private final ProvinceProperties province;

    IndexDocuments(MessageSource messages, ProvinceProperties province) {
        this.messages = messages;
        this.province = province;
    }

    /** "Kết quả Chỉ số CCHC năm 2031 của các sở, ban, ngành". */
    String title(IndexYear index) {
        return "Kết quả Chỉ số cải cách hành chính năm " + index.getYear() + " của "
                + messages.getMessage("body.peers." + index.getLevel().name(), null, VI);
    }

    /** "(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh …)". */
    String attachedTo() {
        String name = province.name() == null || province.name().isBlank() ? "……" : province.name();
        return "(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm …… của Ủy ban nhân dân tỉnh " + name + ")";
    }

    /** The rows of the table, in rank order, numbers the Vietnamese way (84,0256). */
    static List<List<String>> rows(List<IndexResults.Row> results) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (IndexResults.Row r : results) {
            var f = r.figures();
            rows.add(List.of(String.valueOf(++n), r.name(), vi(f.score()), vi(f.maximum()), vi(f.index()),
                    r.rank() == null ? "" : String.valueOf(r.rank()), r.band() == null ? "" : r.band()));
        }
        return rows;
    }

    static String vi(BigDecimal value) {
        return value == null ? "" : value.setScale(IndexCalculation.SCALE, java.math.RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',');
    }

    void docx(IndexYear index, List<IndexResults.Row> results, OutputStream out) throws IOException {
        try (OfficialDocx doc = OfficialDocx.landscapeOnly()) {
            doc.appendixTitle(title(index), attachedTo());
            doc.table(HEADER, new double[] {0.06, 0.36, 0.12, 0.11, 0.11, 0.09, 0.15},
                    new boolean[] {false, false, true, true, true, false, false}, rows(results), 13);
            doc.write(out);
        }
    }

    void xlsx(IndexYear index, List<IndexResults.Row> results, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            PrintedSheets.useTimesNewRoman(book);
            Sheet sheet = book.createSheet("Kết quả " + index.getYear());
            CellStyle title = PrintedSheets.titleStyle(book);
            CellStyle subtitle = PrintedSheets.subtitleStyle(book);
            CellStyle header = PrintedSheets.headerStyle(book);
            Font plain = PrintedSheets.font(book, false, false, 12);
            CellStyle text = PrintedSheets.bordered(book, plain);
            text.setWrapText(true);
            CellStyle centred = PrintedSheets.bordered(book, plain);
            centred.setAlignment(HorizontalAlignment.CENTER);
            CellStyle score = PrintedSheets.bordered(book, plain);
            score.setDataFormat(book.createDataFormat().getFormat("0.0000"));
            int last = HEADER.size() - 1;
            line(sheet, 0, "PHỤ LỤC", title, last);
            line(sheet, 1, title(index).toUpperCase(VI), title, last);
            line(sheet, 2, attachedTo(), subtitle, last);
            Row head = sheet.createRow(4);
            for (int c = 0; c < HEADER.size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(header);
            }
            int r = 5;
            int n = 0;
            for (IndexResults.Row result : results) {
                Row row = sheet.createRow(r++);
                var f = result.figures();
                cell(row, 0, String.valueOf(++n), centred);
                cell(row, 1, result.name(), text);
                number(row, 2, f.score(), score);
                number(row, 3, f.maximum(), score);
                number(row, 4, f.index(), score);
                if (result.rank() != null) {
                    row.createCell(5).setCellValue(result.rank());
                    row.getCell(5).setCellStyle(centred);
                } else {
                    cell(row, 5, "", centred);
                }
                cell(row, 6, result.band() == null ? "" : result.band(), centred);
            }
            int[] widths = {6, 40, 13, 12, 12, 10, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            PrintedSheets.setUp(sheet, true, 4, 4);
            PrintedSheets.fitRowHeights(sheet);
            book.write(out);
        }
    }

    private static void line(Sheet sheet, int index, String value, CellStyle style, int lastColumn) {
        Row row = sheet.createRow(index);
        var cell = row.createCell(0);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, lastColumn));
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        var cell = row.createCell(column);
        if (value != null) {
            // a double only as Excel keeps numbers: four decimals never lose a digit there
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }
}
