package vn.parindex.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFRow;

/** Checks that a workbook the application writes prints: the page setup, and rows as high as their wrapped text. */
public final class PrintedWorkbooks {

    private PrintedWorkbooks() {
    }

    /** A4, landscape, one page wide and as many long as needed, {@code headerRow} repeated on every page. */
    public static void assertPrintsOnA4Landscape(Sheet sheet, int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).as("paper of %s", sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).as("landscape").isTrue();
        assertThat(sheet.getFitToPage()).as("fit to page").isTrue();
        assertThat(print.getFitWidth()).as("pages wide").isEqualTo((short) 1);
        assertThat(print.getFitHeight()).as("pages long: as many as needed").isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).as("repeated rows").isNotNull();
        assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(headerRow);
        assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(headerRow);
        for (short margin : new short[] {Sheet.LeftMargin, Sheet.RightMargin, Sheet.TopMargin, Sheet.BottomMargin}) {
            assertThat(sheet.getMargin(margin)).as("margin %s in inches", margin).isBetween(0.3, 1.2);
        }
    }

    /**
     * Every row from {@code firstRow} has its own height; a row whose wrapped text is longer than its column has room
     * for at least most of the lines it needs (a character of 12 pt text is about one unit of column width), and a
     * row of short texts stays one or two lines high. Answers how many rows need more than one line.
     */
    public static int assertRowsFitTheirText(Sheet sheet, int firstRow) {
        int tall = 0;
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            assertThat(((XSSFRow) row).getCTRow().getCustomHeight()).as("row %d has a height", r + 1).isTrue();
            double lines = 1;
            double points = 0;
            for (Cell cell : row) {
                double size = sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getFontHeightInPoints();
                points = Math.max(points, size);
                if (cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()
                        && !merged(sheet, cell)) {
                    double characters = sheet.getColumnWidth(cell.getColumnIndex()) / 256.0 * 12 / size;
                    lines = Math.max(lines, Math.ceil(0.8 * cell.getStringCellValue().length() / characters));
                }
            }
            assertThat((double) row.getHeightInPoints()).as("row %d (%s…) is high enough for %s lines", r + 1,
                    row.getCell(1), lines).isGreaterThanOrEqualTo(lines * points);
            if (lines == 1) {
                assertThat((double) row.getHeightInPoints()).as("row %d of short texts", r + 1)
                        .isLessThanOrEqualTo(2.8 * points + 4);
            } else {
                tall++;
            }
        }
        return tall;
    }

    private static boolean merged(Sheet sheet, Cell cell) {
        return sheet.getMergedRegions().stream().anyMatch(region -> region.isInRange(cell));
    }
}
