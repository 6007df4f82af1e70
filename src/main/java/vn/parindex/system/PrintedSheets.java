package vn.parindex.system;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What every workbook the application writes needs to print: A4, landscape when wide, one page wide and as many pages
 * long as needed, the header row repeated on every page, margins and page numbers; and row heights for wrapped text.
 * Excel sizes a wrapped row when it opens the file, LibreOffice does not (a row POI writes keeps its default height
 * and long names print over the next row), so the height is estimated here from the text's width in Times New
 * Roman (its published character widths, a margin for a wider fallback font) against the column's width, the
 * workbook's default font being Times New Roman too ({@link #useTimesNewRoman}).
 */
public final class PrintedSheets {

    /** Widths of the printable ASCII characters (32–126) in Times New Roman, thousandths of an em. */
    private static final int[] TIMES = {
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 : ; < = > ?
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A-O
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [ \ ] ^ _
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a-o
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541      // p-z { | } ~
    };

    /** Text measured this much wider than Times New Roman: a bold face, another font in its place. */
    private static final double SAFETY = 1.12;
    /** Bold Times New Roman is some 5 % wider. */
    private static final double BOLD = 1.05;
    /** A line of wrapped text takes this many times the font's size (Excel: 15.75 pt for 12 pt). */
    private static final double LINE = 1.32;
    /** Space above and below a cell's text, in points. */
    private static final double PADDING = 3;
    /** The font of the application's workbooks, the font of Vietnamese official documents. */
    public static final String FONT = "Times New Roman";
    /** Pixels of a column's width that text cannot use (the cell's inner margins). */
    private static final double CELL_MARGIN_PIXELS = 7;

    private PrintedSheets() {
    }

    /**
     * Makes 12 pt Times New Roman the workbook's default font. A column's width counts characters of the default
     * font's digit, so the columns measure the same wherever the file is opened (Times New Roman, or Liberation Serif
     * with the same widths) rather than depending on Calibri being installed. Call it before the first style.
     */
    public static void useTimesNewRoman(Workbook book) {
        Font font = book.getFontAt(0);
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) 12);
    }

    /** A font of the printed workbooks: {@link #FONT} at the size given. */
    public static Font font(Workbook book, boolean bold, boolean italic, int points) {
        Font f = book.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        f.setItalic(italic);
        return f;
    }

    /** A title row's style (merged across the table): bold 13, centred, wrapped. */
    public static CellStyle titleStyle(Workbook book) {
        CellStyle s = book.createCellStyle();
        s.setFont(font(book, true, false, 13));
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        return s;
    }

    /** The line under the title ("(Kèm theo …)", the date of the figures): italic 12, centred, wrapped. */
    public static CellStyle subtitleStyle(Workbook book) {
        CellStyle s = book.createCellStyle();
        s.setFont(font(book, false, true, 12));
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        return s;
    }

    /** The table's header cells: bordered, bold, centred, on light grey. */
    public static CellStyle headerStyle(Workbook book) {
        CellStyle s = bordered(book, font(book, true, false, 12));
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    /** A table cell's style: thin borders all round, centred vertically, text wrapped. */
    public static CellStyle bordered(Workbook book, Font font) {
        CellStyle s = book.createCellStyle();
        s.setFont(font);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        return s;
    }

    /**
     * A4, landscape or portrait, scaled to one page wide and as many long as needed, rows {@code firstHeaderRow} to
     * {@code lastHeaderRow} repeated at the top of every page, centred, margins of 1.5 cm (2 cm on the binding side),
     * page numbers in the footer ("Trang 1/3").
     */
    public static void setUp(Sheet sheet, boolean landscape, int firstHeaderRow, int lastHeaderRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(firstHeaderRow, lastHeaderRow, -1, -1));
        double cm = 1 / 2.54;
        sheet.setMargin(Sheet.LeftMargin, 2 * cm);
        sheet.setMargin(Sheet.RightMargin, 1.5 * cm);
        sheet.setMargin(Sheet.TopMargin, 1.5 * cm);
        sheet.setMargin(Sheet.BottomMargin, 1.5 * cm);
        sheet.setMargin(Sheet.HeaderMargin, 0.8 * cm);
        sheet.setMargin(Sheet.FooterMargin, 0.8 * cm);
        sheet.getFooter().setCenter("Trang &P/&N");
    }

    /**
     * Sets the height of every row from its cells' text: as many lines as the widest-wrapping cell needs (a cell
     * merged across columns measured against their sum), never lower than one line of its largest font. Call it once
     * the columns have their widths.
     */
    public static void fitRowHeights(Sheet sheet) {
        List<CellRangeAddress> regions = sheet.getMergedRegions();
        Map<Long, CellRangeAddress> merged = new HashMap<>();
        for (CellRangeAddress region : regions) {
            merged.put(key(region.getFirstRow(), region.getFirstColumn()), region);
        }
        Workbook book = sheet.getWorkbook();
        double digit = digitPixels(book.getFontAt(0));
        // a workbook has a handful of styles and columns: each is read from POI's XML once, not once per cell
        // (reading them per cell was half of a 48-row appendix's row fitting)
        Map<Integer, TextStyle> styles = new HashMap<>();
        Map<Integer, Integer> widths = new HashMap<>();
        for (Row row : sheet) {
            double height = 0;
            for (Cell cell : row) {
                CellRangeAddress region = merged.get(key(row.getRowNum(), cell.getColumnIndex()));
                if (region == null && inside(regions, cell)) {
                    continue;
                }
                if (region != null && region.getFirstRow() != region.getLastRow()) {
                    continue;
                }
                CellStyle cellStyle = cell.getCellStyle();
                TextStyle style = styles.computeIfAbsent((int) cellStyle.getIndex(), i -> TextStyle.of(book, cellStyle));
                int lines = 1;
                if (style.wrap() && cell.getCellType() == CellType.STRING) {
                    int first = region == null ? cell.getColumnIndex() : region.getFirstColumn();
                    int last = region == null ? cell.getColumnIndex() : region.getLastColumn();
                    double width = 0;
                    for (int c = first; c <= last; c++) {
                        width += widths.computeIfAbsent(c, sheet::getColumnWidth);
                    }
                    lines = lines(cell.getStringCellValue(), usablePoints(width, digit), style.points(), style.bold());
                }
                height = Math.max(height, rowHeight(lines, style.points()));
            }
            if (height > 0) {
                row.setHeightInPoints((float) Math.min(409, height));
            }
        }
    }

    /** What row fitting needs of a cell style: its font's size and weight, and whether its text wraps. */
    private record TextStyle(double points, boolean bold, boolean wrap) {
        static TextStyle of(Workbook book, CellStyle style) {
            Font font = book.getFontAt(style.getFontIndex());
            return new TextStyle(font.getFontHeightInPoints(), font.getBold(), style.getWrapText());
        }
    }

    /**
     * Lets a workbook or document made in memory go, once written, without saving it a second time: POI's
     * {@code close()} of a package made in memory saves the whole package again to nowhere (a tenth of the appendix
     * workbook's CPU); {@code revert()} only lets it go.
     */
    public static void discard(org.apache.poi.ooxml.POIXMLDocument document) {
        document.getPackage().revert();
    }

    /** The height in points of {@code lines} lines of text of {@code points} size. */
    public static double rowHeight(int lines, double points) {
        return Math.ceil((lines * points * LINE + PADDING) * 4) / 4;
    }

    /**
     * The points of a column {@code width} wide (in 1/256 of a character, as POI keeps it) that text may fill, a
     * character being a digit of the default font, {@code digit} pixels wide.
     */
    static double usablePoints(double width, double digit) {
        return Math.max(1, (width / 256 * digit - CELL_MARGIN_PIXELS) * 0.75);
    }

    /** The width in pixels (at 96 per inch) of a digit of the workbook's default font: 8 for Times New Roman 12. */
    static double digitPixels(Font font) {
        double points = font.getFontHeightInPoints();
        if (FONT.equalsIgnoreCase(font.getFontName())) {
            return Math.round(points * 0.5 * 96 / 72);
        }
        // Calibri 11, POI's default: 7
        return Math.round(points * 7 / 11);
    }

    /**
     * How many lines {@code text} wraps into at {@code points} size in a space {@code available} points wide: each
     * line break starts a line, words go on the line while they fit, a word wider than the space is cut.
     */
    public static int lines(String text, double available, double points, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double scale = points / 1000 * SAFETY * (bold ? BOLD : 1);
        int lines = 0;
        for (String paragraph : text.split("\r?\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ", -1)) {
                double w = width(word) * scale;
                double space = used == 0 ? 0 : 250 * scale;
                if (used > 0 && used + space + w <= available) {
                    used += space + w;
                    continue;
                }
                if (used > 0) {
                    lines++;
                    used = 0;
                }
                // a word wider than the line is cut where it reaches the edge
                while (w > available) {
                    lines++;
                    w -= available;
                }
                used = w;
            }
        }
        return lines;
    }

    /** A text's width in thousandths of an em of Times New Roman; a Vietnamese letter is as wide as its base letter. */
    static int width(String text) {
        int sum = 0;
        String base = Normalizer.normalize(text, Normalizer.Form.NFD);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isLowSurrogate(c)) {
                continue;
            }
            if (c == 'đ') {
                c = 'd';
            } else if (c == 'Đ') {
                c = 'D';
            }
            if (c >= 32 && c <= 126) {
                sum += TIMES[c - 32];
            } else {
                sum += Character.isUpperCase(c) ? 722 : 556;
            }
        }
        return sum;
    }

    private static boolean inside(List<CellRangeAddress> regions, Cell cell) {
        for (CellRangeAddress region : regions) {
            if (region.isInRange(cell)) {
                return true;
            }
        }
        return false;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }
}
