package vn.parindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A Word document laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) asks of an administrative report: A4, margins
 * top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body and the national motto side by
 * side at the top, the number and the place and date line under them; the document's kind and title centred in
 * bold; numbered sections in 14 pt; "Nơi nhận:" and the signature block side by side at the end.
 *
 * <p>Everything is plain paragraphs, runs and tables (no fields, macros or embedded objects), so Word and
 * LibreOffice open and edit it the same way.
 */
final class OfficialDocx implements AutoCloseable {

    static final String FONT = "Times New Roman";

    /** Twentieths of a point in a millimetre (1 mm = 56.7 twips). */
    private static int mm(double millimetres) {
        return (int) Math.round(millimetres * 56.6929);
    }

    /** The width the text runs across: A4's 210 mm less both margins (30 + 15 mm). */
    static final int TEXT_WIDTH = mm(165);

    private final XWPFDocument doc = new XWPFDocument();

    OfficialDocx() {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(20)));
        margins.setBottom(BigInteger.valueOf(mm(20)));
        margins.setLeft(BigInteger.valueOf(mm(30)));
        margins.setRight(BigInteger.valueOf(mm(15)));
        margins.setHeader(BigInteger.valueOf(mm(10)));
        margins.setFooter(BigInteger.valueOf(mm(10)));
        margins.setGutter(BigInteger.ZERO);
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
        doc.getProperties().getCoreProperties().setCreator("PAR Index Tracker");
    }

    /**
     * The heading block: on the left the body above (regular) and the issuing body (bold), a short rule, the
     * number; on the right the national motto, a short rule, the place and date in italics.
     */
    void heading(String parentBody, String issuingBody, String number, String place, LocalDate date) {
        XWPFTable table = borderless(1, 2);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        width(left, 0.40);
        width(right, 0.60);
        XWPFParagraph p = left.getParagraphs().get(0);
        centred(p);
        if (parentBody != null) {
            run(p, parentBody.toUpperCase(java.util.Locale.ROOT), 13, false, false);
            run(p, "", 13, false, false).addBreak();
        }
        XWPFRun body = run(p, issuingBody.toUpperCase(java.util.Locale.ROOT), 13, true, false);
        body.setUnderline(UnderlinePatterns.NONE);
        XWPFParagraph rule = left.addParagraph();
        centred(rule);
        run(rule, "\u2500\u2500\u2500\u2500\u2500\u2500", 8, false, false);
        XWPFParagraph no = left.addParagraph();
        centred(no);
        run(no, number, 13, false, false);

        XWPFParagraph motto = right.getParagraphs().get(0);
        centred(motto);
        run(motto, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        run(motto, "", 13, false, false).addBreak();
        run(motto, "Độc lập - Tự do - Hạnh phúc", 13, true, false);
        XWPFParagraph rule2 = right.addParagraph();
        centred(rule2);
        run(rule2, "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500", 8, false, false);
        XWPFParagraph when = right.addParagraph();
        centred(when);
        run(when, place + ", " + dateLine(date), 13, false, true);
    }

    /** "ngày 05 tháng 02 năm 2023": days below 10 and months below 3 with a leading zero (Phụ lục I, NĐ 30). */
    static String dateLine(LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + date.getYear();
    }

    /** The kind of document (BÁO CÁO) and its title, centred and bold, with a short rule under. */
    void title(String kind, String title) {
        XWPFParagraph k = doc.createParagraph();
        centred(k);
        k.setSpacingBefore(240);
        run(k, kind, 14, true, false);
        XWPFParagraph t = doc.createParagraph();
        centred(t);
        run(t, title, 14, true, false);
        XWPFParagraph rule = doc.createParagraph();
        centred(rule);
        rule.setSpacingAfter(120);
        run(rule, "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500", 8, false, false);
    }

    /** A section heading ("I. KẾT QUẢ …"), bold, 14 pt. */
    void section(String text) {
        XWPFParagraph p = body();
        p.setSpacingBefore(120);
        run(p, text, 14, true, false);
    }

    /** A sub-heading in bold (a task's title), 14 pt. */
    void subheading(String text) {
        run(body(), text, 14, true, false);
    }

    /** A paragraph of body text: 14 pt, justified, first line indented 1 cm. */
    void paragraph(String text) {
        XWPFParagraph p = body();
        lines(p, text, 14, false, false);
    }

    /** A paragraph in italics (a note). */
    void note(String text) {
        lines(body(), text, 14, false, true);
    }

    /** A paragraph starting with a bold lead-in ("Phòng Tư pháp: …"). */
    void labelled(String label, String text) {
        XWPFParagraph p = body();
        run(p, label, 14, true, false);
        lines(p, text, 14, false, false);
    }

    /**
     * A table with a bold header row; cells are text, numbers right-aligned when {@code numeric[i]}; widths as
     * fractions of the text width.
     */
    void table(List<String> header, double[] widths, boolean[] numeric, List<List<String>> rows, int fontSize) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth(Integer.toString(TEXT_WIDTH));
        table.setTableAlignment(TableRowAlign.CENTER);
        fill(table.getRow(0), header, widths, null, fontSize, true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), widths, numeric, fontSize, false);
        }
        doc.createParagraph();
    }

    /** "Nơi nhận:" with its list on the left, the signature block on the right. */
    void closing(List<String> recipients, List<String> signature) {
        XWPFTable table = borderless(1, 2);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        width(left, 0.45);
        width(right, 0.55);
        XWPFParagraph to = left.getParagraphs().get(0);
        run(to, "Nơi nhận:", 12, true, true);
        for (String recipient : recipients) {
            run(left.addParagraph(), recipient, 11, false, false);
        }
        XWPFParagraph sign = right.getParagraphs().get(0);
        centred(sign);
        for (int i = 0; i < signature.size(); i++) {
            if (i > 0) {
                run(sign, "", 14, false, false).addBreak();
            }
            run(sign, signature.get(i), 14, true, false);
        }
    }

    /** Starts a new page (the appendix). */
    void pageBreak() {
        doc.createParagraph().setPageBreak(true);
    }

    void write(OutputStream out) throws IOException {
        doc.write(out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    private XWPFParagraph body() {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(mm(10));
        p.setSpacingAfter(120);
        return p;
    }

    /** Text with its line breaks kept (a unit's input is typed in several lines). */
    private static void lines(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        String[] lines = (text == null ? "" : text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], size, bold, italic);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(xmlSafe(text));
        return r;
    }

    /**
     * The text with every character XML 1.0 cannot hold (control characters other than tab, U+FFFE, U+FFFF, halves
     * of surrogate pairs alone) replaced by a space: one such character typed into an input would otherwise make
     * Word refuse the whole document.
     */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(c).append(text.charAt(++i));
            } else if ((c < 0x20 && c != '\t') || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                safe.append(' ');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static void centred(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
    }

    private XWPFTable borderless(int rows, int columns) {
        XWPFTable table = doc.createTable(rows, columns);
        table.setWidth(Integer.toString(TEXT_WIDTH));
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        return table;
    }

    private static void width(XWPFTableCell cell, double fraction) {
        cell.setWidth(Integer.toString((int) Math.round(TEXT_WIDTH * fraction)));
    }

    private static void fill(XWPFTableRow row, List<String> values, double[] widths, boolean[] numeric, int size,
            boolean header) {
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            width(cell, widths[c]);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            p.setAlignment(header ? ParagraphAlignment.CENTER
                    : numeric != null && numeric[c] ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            run(p, values.get(c), size, header, false);
        }
    }
}
