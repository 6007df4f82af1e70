package vn.parindex.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.parindex.dashboard.AppendixSheet.Kind;
import vn.parindex.dashboard.AppendixSheet.Line;
import vn.parindex.system.PrintedSheets;

/**
 * The appendix as an Excel workbook (Apache POI) and as CSV. The workbook is laid out as the plan prints its
 * appendix: the title block, the plan's columns, domain rows bold, a total row; then the current score, the gap
 * and the status. Scores are numbers (a Vietnamese Excel shows 9,6419) with the plan's decimals: maxima with 2,
 * other scores with 4 (12,2500; 9,6419). Frozen header, A4 landscape, one page wide, the header repeated on every
 * printed page, each row as high as its wrapped text ({@link PrintedSheets}). The CSV has the header and the same
 * rows, UTF-8 with a byte order mark so that Excel reads Vietnamese correctly, numbers written the same way with a
 * decimal comma.
 */
public final class AppendixFiles {

    public static final String XLSX = vn.parindex.web.Attachment.XLSX;
    public static final String CSV = "text/csv";

    /** How a score cell shows its number: the plan's 4 decimals (9,6419; 12,2500). */
    public static final String SCORE_FORMAT = "0.0000";

    /** Index of the header row: below the three title rows. */
    public static final int HEADER_ROW = 3;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Column widths in digits of 12 pt Times New Roman. */
    private static final int[] WIDTHS = {6, 51, 9, 10, 10, 11, 25, 10, 11, 15};

    private AppendixFiles() {
    }

    /** The workbook, written to {@code out} (not closed). */
    public static void xlsx(AppendixSheet sheet, LocalDate asOf, OutputStream out) throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        try {
            PrintedSheets.useTimesNewRoman(book);
            Styles styles = new Styles(book);
            Sheet s = book.createSheet("Phụ lục");
            List<String> headers = sheet.headers();
            int last = headers.size() - 1;
            title(s, 0, "PHỤ LỤC", styles.title, last);
            // the body's name at its level: HUYỆN TÂN YÊN, XÃ CAO XÁ, SỞ TƯ PHÁP
            String place = sheet.body() == null ? ""
                    : " " + sheet.body().inText().toUpperCase(Locale.forLanguageTag("vi"));
            String heading = "MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH" + place + " NĂM " + sheet.year();
            if (sheet.unitName() != null) {
                heading += " – CƠ QUAN CHỦ TRÌ: " + sheet.unitName().toUpperCase(Locale.forLanguageTag("vi"));
            }
            title(s, 1, heading, styles.title, last);
            // like the plan's appendix, the sheet says which document it goes with (Nghị định 30: "Kèm theo …")
            String place2 = sheet.body() == null ? "" : " " + sheet.body().inText();
            title(s, 2, "(Kèm theo Kế hoạch nâng cao Chỉ số CCHC" + place2 + " năm " + sheet.year()
                    + "; số liệu đến ngày " + DAY.format(asOf) + ")", styles.subtitle, last);
            Row header = s.createRow(HEADER_ROW);
            for (int i = 0; i < headers.size(); i++) {
                text(header, i, headers.get(i), styles.header);
            }
            int r = HEADER_ROW + 1;
            for (Line line : sheet.lines()) {
                Row row = s.createRow(r++);
                boolean bold = line.kind() != Kind.CRITERION;
                if (line.kind() == Kind.TOTAL) {
                    text(row, 0, "", styles.text(true));
                } else {
                    text(row, 0, line.code(), styles.code(bold));
                }
                text(row, 1, line.name(), styles.text(bold));
                number(row, 2, line.max(), styles.max(bold));
                number(row, 3, line.baseline(), styles.score(bold));
                number(row, 4, line.target(), styles.score(bold));
                text(row, 5, line.change(), styles.centred(bold));
                text(row, 6, line.lead(), styles.text(bold));
                number(row, 7, line.current(), styles.score(bold));
                number(row, 8, line.gap(), styles.score(bold));
                text(row, 9, line.status(), styles.text(bold));
            }
            for (int i = 0; i < WIDTHS.length; i++) {
                s.setColumnWidth(i, WIDTHS[i] * 256);
            }
            s.createFreezePane(0, HEADER_ROW + 1);
            PrintedSheets.setUp(s, true, HEADER_ROW, HEADER_ROW);
            PrintedSheets.fitRowHeights(s);
            book.write(out);
        } finally {
            PrintedSheets.discard(book);
        }
    }

    /**
     * RFC 4180 with CRLF, fields quoted only when they must be (Apache Commons CSV); an empty field is written as
     * nothing (not {@code ""}), as a spreadsheet writes it.
     */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).setNullString("")
            .get();

    /** The CSV: header and rows, UTF-8 with a byte order mark, written to {@code out} (flushed, not closed). */
    public static void csv(AppendixSheet sheet, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        record(printer, sheet.headers());
        for (Line line : sheet.lines()) {
            List<String> fields = new ArrayList<>();
            fields.add(line.kind() == Kind.TOTAL ? "" : line.code());
            fields.add(line.name());
            fields.add(decimals(line.max(), 2, 2));
            fields.add(decimals(line.baseline(), 4, 4));
            fields.add(decimals(line.target(), 4, 4));
            fields.add(line.change());
            fields.add(line.lead());
            fields.add(decimals(line.current(), 4, 4));
            fields.add(decimals(line.gap(), 4, 4));
            fields.add(line.status());
            record(printer, fields);
        }
        printer.flush();
    }

    /** A number with a decimal comma and between {@code min} and {@code max} decimals: {@code 12,25}, {@code 9,6419}. */
    static String decimals(BigDecimal value, int min, int max) {
        if (value == null) {
            return "";
        }
        BigDecimal v = value.setScale(max, RoundingMode.HALF_UP).stripTrailingZeros();
        if (v.scale() < min) {
            v = v.setScale(min, RoundingMode.UNNECESSARY);
        }
        return v.toPlainString().replace('.', ',');
    }

    private static void record(CSVPrinter printer, List<String> fields) throws IOException {
        List<String> guarded = new ArrayList<>(fields.size());
        for (String field : fields) {
            String f = guarded(field);
            guarded.add(f.isEmpty() ? null : f); // null: written as nothing (see FORMAT)
        }
        printer.printRecord(guarded);
    }

    /** A field a spreadsheet would read as a formula starts with an apostrophe. */
    static String guarded(String field) {
        String f = field == null ? "" : field;
        if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 && !f.matches("[+\\-] ?[0-9]+")) {
            f = "'" + f;
        }
        return f;
    }

    /** One field as the CSV writes it: guarded against formulas, quoted by RFC 4180 where needed. */
    static String quoted(String field) {
        String f = guarded(field);
        return f.isEmpty() ? "" : FORMAT.format(f);
    }

    private static void title(Sheet s, int index, String text, CellStyle style, int lastColumn) {
        Row row = s.createRow(index);
        text(row, 0, text, style);
        s.addMergedRegion(new CellRangeAddress(index, index, 0, lastColumn));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            // a 4-decimal score is written as its shortest decimal text (9.6419), which reads back exactly
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** The workbook's cell styles, made once each (a workbook allows some 64 000). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        private final CellStyle[] text = new CellStyle[2];
        private final CellStyle[] code = new CellStyle[2];
        private final CellStyle[] centred = new CellStyle[2];
        private final CellStyle[] max = new CellStyle[2];
        private final CellStyle[] score = new CellStyle[2];

        Styles(XSSFWorkbook book) {
            Font plain = PrintedSheets.font(book, false, false, 12);
            Font bold = PrintedSheets.font(book, true, false, 12);
            title = PrintedSheets.titleStyle(book);
            subtitle = PrintedSheets.subtitleStyle(book);
            header = PrintedSheets.headerStyle(book);
            short twoDecimals = book.createDataFormat().getFormat("0.00");
            short fourDecimals = book.createDataFormat().getFormat(SCORE_FORMAT);
            short textFormat = book.createDataFormat().getFormat("@");
            for (int b = 0; b < 2; b++) {
                Font font = b == 1 ? bold : plain;
                text[b] = PrintedSheets.bordered(book, font);
                code[b] = PrintedSheets.bordered(book, font);
                code[b].setAlignment(HorizontalAlignment.CENTER);
                code[b].setDataFormat(textFormat);
                centred[b] = PrintedSheets.bordered(book, font);
                centred[b].setAlignment(HorizontalAlignment.CENTER);
                max[b] = PrintedSheets.bordered(book, font);
                max[b].setDataFormat(twoDecimals);
                score[b] = PrintedSheets.bordered(book, font);
                score[b].setDataFormat(fourDecimals);
            }
        }

        CellStyle text(boolean bold) {
            return text[bold ? 1 : 0];
        }

        CellStyle code(boolean bold) {
            return code[bold ? 1 : 0];
        }

        CellStyle centred(boolean bold) {
            return centred[bold ? 1 : 0];
        }

        CellStyle max(boolean bold) {
            return max[bold ? 1 : 0];
        }

        CellStyle score(boolean bold) {
            return score[bold ? 1 : 0];
        }

    }
}
