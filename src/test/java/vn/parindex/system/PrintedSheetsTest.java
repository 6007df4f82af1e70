package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** How many lines a wrapped text takes, the rows' heights from it, and the print setup. */
class PrintedSheetsTest {

    @Test
    void shortTextIsOneLineAndLongTextWrapsByWords() {
        assertThat(PrintedSheets.lines("", 100, 12, false)).isEqualTo(1);
        assertThat(PrintedSheets.lines(null, 100, 12, false)).isEqualTo(1);
        assertThat(PrintedSheets.lines("Phòng Tư pháp", 200, 12, false)).isEqualTo(1);
        String name = "Tỷ lệ hồ sơ TTHC do UBND huyện tiếp nhận được giải quyết đúng hạn";
        int narrow = PrintedSheets.lines(name, 100, 12, false);
        int wide = PrintedSheets.lines(name, 300, 12, false);
        assertThat(narrow).isBetween(4, 6);
        assertThat(wide).isEqualTo(2);
        assertThat(PrintedSheets.lines(name, 1000, 12, false)).isEqualTo(1);
        // bigger letters, bold letters, capitals take more room
        assertThat(PrintedSheets.lines(name, 250, 16, false)).isGreaterThan(PrintedSheets.lines(name, 250, 12, false));
        assertThat(PrintedSheets.lines(name, 250, 12, true)).isGreaterThanOrEqualTo(PrintedSheets.lines(name, 250, 12, false));
        assertThat(PrintedSheets.width("MỤC TIÊU")).isGreaterThan(PrintedSheets.width("mục tiêu"));
        assertThat(PrintedSheets.width("Đường")).isEqualTo(PrintedSheets.width("Duong"));
    }

    @Test
    void lineBreaksStartLinesAndAWordWiderThanTheCellIsCut() {
        assertThat(PrintedSheets.lines("một\nhai\nba", 300, 12, false)).isEqualTo(3);
        assertThat(PrintedSheets.lines("một\r\n\r\nba", 300, 12, false)).isEqualTo(3);
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(PrintedSheets.lines(hash, 60, 12, false)).isGreaterThanOrEqualTo(6);
        assertThat(PrintedSheets.lines("x " + hash, 60, 12, false))
                .isEqualTo(PrintedSheets.lines(hash, 60, 12, false) + 1);
    }

    @Test
    void rowsGetTheHeightOfTheirLongestWrappedTextMergedTitlesTheirWholeWidth() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            Font font = book.createFont();
            font.setFontName("Times New Roman");
            font.setFontHeightInPoints((short) 12);
            CellStyle wrapped = book.createCellStyle();
            wrapped.setFont(font);
            wrapped.setWrapText(true);
            CellStyle plain = book.createCellStyle();
            plain.setFont(font);
            sheet.setColumnWidth(0, 20 * 256);
            sheet.setColumnWidth(1, 20 * 256);
            sheet.setColumnWidth(2, 20 * 256);
            String title = "MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN TÂN YÊN NĂM 2023";
            cell(sheet.createRow(0), 0, title, wrapped);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            cell(sheet.createRow(1), 0, title, wrapped);
            Row mixed = sheet.createRow(2);
            cell(mixed, 0, "1.1", wrapped);
            cell(mixed, 1, title, plain);
            cell(mixed, 2, "Kế hoạch CCHC năm của UBND huyện", wrapped);
            cell(sheet.createRow(3), 0, "1.1", wrapped);

            PrintedSheets.fitRowHeights(sheet);

            float one = sheet.getRow(3).getHeightInPoints();
            assertThat(one).isBetween(15f, 20f);
            // across three columns the title takes fewer lines than in one
            assertThat(sheet.getRow(0).getHeightInPoints()).isGreaterThan(one);
            assertThat(sheet.getRow(1).getHeightInPoints()).isGreaterThan(sheet.getRow(0).getHeightInPoints() * 1.5f);
            // a text that does not wrap stays on one line; the wrapped one in the same row sets the height
            assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo((float) PrintedSheets.rowHeight(
                    PrintedSheets.lines("Kế hoạch CCHC năm của UBND huyện",
                            PrintedSheets.usablePoints(20 * 256, PrintedSheets.digitPixels(book.getFontAt(0))), 12, false), 12));
            assertThat(sheet.getRow(2).getHeightInPoints()).isGreaterThan(one);
        }
    }

    @Test
    void columnsAreMeasuredInDigitsOfTheDefaultFont() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            assertThat(PrintedSheets.digitPixels(book.getFontAt(0))).isEqualTo(7);
            double calibri = PrintedSheets.usablePoints(40 * 256, PrintedSheets.digitPixels(book.getFontAt(0)));
            PrintedSheets.useTimesNewRoman(book);
            assertThat(book.getFontAt(0).getFontName()).isEqualTo("Times New Roman");
            assertThat(PrintedSheets.digitPixels(book.getFontAt(0))).isEqualTo(8);
            assertThat(PrintedSheets.usablePoints(40 * 256, 8)).isGreaterThan(calibri);
        }
    }

    @Test
    void theSheetPrintsOnA4OnePageWideWithItsHeaderOnEveryPage() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            sheet.createRow(3).createCell(0).setCellValue("STT");
            PrintedSheets.setUp(sheet, true, 3, 3);
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("4:4");
            assertThat(sheet.getMargin(Sheet.LeftMargin)).isGreaterThan(sheet.getMargin(Sheet.RightMargin));
            PrintedSheets.setUp(sheet, false, 3, 3);
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
        }
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
