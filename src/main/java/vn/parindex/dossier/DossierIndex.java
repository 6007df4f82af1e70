package vn.parindex.dossier;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.parindex.dossier.DossierService.CriterionDossier;
import vn.parindex.dossier.DossierService.File;
import vn.parindex.organisation.BodyWording;
import vn.parindex.system.PrintedSheets;

/**
 * The dossier's index workbook, {@code muc-luc.xlsx}: on its first sheet every expected document with its file in
 * the archive (or {@code CHƯA CÓ}), the file's number, date of issue and summary, then who uploaded it, when, its size
 * and SHA-256; on the second the lead units' explanations. Each sheet under a title, printed A4 landscape one page
 * wide with its header on every page; the first sheet prints the columns a reader checks (up to the summary), the
 * uploader, time, size and SHA-256 stay in the file beside them. Rows as high as their wrapped text.
 */
final class DossierIndex {

    /** Index of the header row of both sheets: below the three title rows. */
    static final int HEADER_ROW = 3;

    /** Columns of the first sheet. */
    static final int CODE = 0;
    static final int CRITERION = 1;
    static final int DOCUMENT = 2;
    static final int NOTE = 3;
    static final int FILE = 4;
    static final int NUMBER = 5;
    static final int ISSUED = 6;
    static final int SUMMARY = 7;
    static final int UPLOADED_BY = 8;
    static final int UPLOADED_AT = 9;
    static final int SIZE = 10;
    static final int SHA256 = 11;

    /** Where a document of no listed item stands in the document column. */
    static final String UNLISTED = "(không theo danh mục)";
    /** What the file column says for a listed document with no file. */
    static final String MISSING = "CHƯA CÓ";

    private static final List<String> HEADERS = List.of("STT", "Tiêu chí", "Tài liệu kiểm chứng", "Ghi chú",
            "Tệp trong hồ sơ", "Số/ký hiệu", "Ngày ban hành", "Trích yếu", "Người tải lên", "Thời gian tải lên",
            "Dung lượng (byte)", "Mã kiểm tra (SHA-256)");
    /** Column widths in digits of 12 pt Times New Roman. */
    private static final int[] WIDTHS = {6, 23, 26, 14, 23, 12, 11, 26, 30, 17, 12, 58};
    private static final List<String> EXPLANATION_HEADERS = List.of("STT", "Tiêu chí", "Đủ hồ sơ",
            "Giải trình của cơ quan chủ trì", "Người giải trình");
    private static final int[] EXPLANATION_WIDTHS = {6, 35, 14, 61, 20};

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * One line of the index: an expected document with one of its files or none, or a file of no listed item.
     *
     * @param document the expected document's name, or {@link #UNLISTED}
     * @param path the file's path in the archive, null when the document has none
     * @param file the file, null when the document has none
     */
    record Line(CriterionDossier criterion, String document, String note, String path, File file) {
    }

    private DossierIndex() {
    }

    /**
     * The workbook, written to {@code out} (not closed); its titles name the body as its documents do ("… CỦA UBND
     * HUYỆN TÂN YÊN", "… CỦA UBND XÃ CAO XÁ", "… CỦA SỞ TƯ PHÁP"; none when {@code body} is null).
     */
    static void write(DossierService.Overview overview, BodyWording body, List<Line> lines, OutputStream out)
            throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        try {
            PrintedSheets.useTimesNewRoman(book);
            Styles styles = new Styles(book);
            String year = String.valueOf(overview.cycle().year());
            String district = body == null ? "" : " CỦA " + body.committee().toUpperCase(VIETNAMESE);

            Sheet index = book.createSheet("Mục lục");
            titles(index, styles, SUMMARY, "DANH MỤC TÀI LIỆU KIỂM CHỨNG",
                    "HỒ SƠ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM " + year + district,
                    "(Tệp của mỗi tài liệu nằm trong thư mục mang số thứ tự của tiêu chí)");
            header(index, styles, HEADERS);
            int r = HEADER_ROW + 1;
            for (Line line : lines) {
                Row row = index.createRow(r++);
                File f = line.file();
                text(row, CODE, line.criterion().criterion().code(), styles.code);
                text(row, CRITERION, line.criterion().criterion().name(), styles.text);
                text(row, DOCUMENT, line.document(), styles.text);
                text(row, NOTE, orEmpty(line.note()), styles.text);
                text(row, FILE, f == null ? MISSING : line.path(), f == null ? styles.missing : styles.text);
                text(row, NUMBER, f == null ? "" : orEmpty(f.documentNumber()), styles.text);
                text(row, ISSUED, f == null ? "" : f.issuedOnText(), styles.centred);
                text(row, SUMMARY, f == null ? "" : orEmpty(f.summary()), styles.text);
                text(row, UPLOADED_BY, f == null ? "" : orEmpty(f.uploadedBy()), styles.text);
                text(row, UPLOADED_AT, f == null || f.uploadedAt() == null ? ""
                        : AT.format(f.uploadedAt().atZoneSameInstant(VIETNAM)), styles.centred);
                Cell size = row.createCell(SIZE);
                size.setCellStyle(styles.size);
                if (f != null) {
                    size.setCellValue(f.sizeBytes());
                }
                text(row, SHA256, f == null ? "" : f.sha256(), styles.hash);
            }
            finish(book, index, WIDTHS, SUMMARY);

            Sheet explanations = book.createSheet("Giải trình");
            titles(explanations, styles, EXPLANATION_HEADERS.size() - 1, "GIẢI TRÌNH VỀ TÀI LIỆU KIỂM CHỨNG",
                    "HỒ SƠ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM " + year + district,
                    "(Tiêu chí chưa đủ tài liệu và tiêu chí có giải trình của cơ quan chủ trì)");
            header(explanations, styles, EXPLANATION_HEADERS);
            r = HEADER_ROW + 1;
            for (CriterionDossier d : overview.criteria()) {
                if (d.complete() && d.explanation() == null) {
                    continue;
                }
                Row row = explanations.createRow(r++);
                text(row, 0, d.criterion().code(), styles.code);
                text(row, 1, d.criterion().name(), styles.text);
                text(row, 2, d.complete() ? "Đủ" : d.items().isEmpty() ? "Chưa đủ (chưa lập danh mục)" : "Chưa đủ",
                        styles.centred);
                text(row, 3, d.explanation() == null ? "CHƯA CÓ GIẢI TRÌNH" : d.explanation().text(),
                        d.explanation() == null ? styles.missing : styles.text);
                text(row, 4, d.explanation() == null ? "" : d.explanation().by(), styles.text);
            }
            finish(book, explanations, EXPLANATION_WIDTHS, EXPLANATION_HEADERS.size() - 1);
            book.write(out);
        } finally {
            PrintedSheets.discard(book);
        }
    }

    /** Column widths, the frozen header, row heights and the print setup; printed up to {@code lastPrinted}. */
    private static void finish(XSSFWorkbook book, Sheet sheet, int[] widths, int lastPrinted) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        PrintedSheets.setUp(sheet, true, HEADER_ROW, HEADER_ROW);
        PrintedSheets.fitRowHeights(sheet);
        book.setPrintArea(book.getSheetIndex(sheet), 0, lastPrinted, 0, Math.max(HEADER_ROW, sheet.getLastRowNum()));
    }

    private static void titles(Sheet sheet, Styles styles, int lastColumn, String title, String heading,
            String subtitle) {
        String[] texts = {title, heading, subtitle};
        CellStyle[] looks = {styles.title, styles.title, styles.subtitle};
        for (int i = 0; i < texts.length; i++) {
            text(sheet.createRow(i), 0, texts[i], looks[i]);
            sheet.addMergedRegion(new CellRangeAddress(i, i, 0, lastColumn));
        }
    }

    private static void header(Sheet sheet, Styles styles, List<String> headers) {
        Row row = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < headers.size(); i++) {
            text(row, i, headers.get(i), styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The workbook's cell styles, made once each. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle code;
        final CellStyle centred;
        final CellStyle missing;
        final CellStyle size;
        final CellStyle hash;

        Styles(XSSFWorkbook book) {
            Font plain = PrintedSheets.font(book, false, false, 12);
            title = PrintedSheets.titleStyle(book);
            subtitle = PrintedSheets.subtitleStyle(book);
            header = PrintedSheets.headerStyle(book);
            text = PrintedSheets.bordered(book, plain);
            code = PrintedSheets.bordered(book, plain);
            code.setAlignment(HorizontalAlignment.CENTER);
            code.setDataFormat(book.createDataFormat().getFormat("@"));
            centred = PrintedSheets.bordered(book, plain);
            centred.setAlignment(HorizontalAlignment.CENTER);
            missing = PrintedSheets.bordered(book, PrintedSheets.font(book, false, true, 12));
            size = PrintedSheets.bordered(book, plain);
            size.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            hash = PrintedSheets.bordered(book, PrintedSheets.font(book, false, false, 10));
            hash.setWrapText(false);
        }

    }
}
