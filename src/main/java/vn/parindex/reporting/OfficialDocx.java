package vn.parindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * A Word document laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) asks of an administrative report: A4, margins
 * top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body (the body above it regular, the
 * issuing body bold, both upper case) and the national name and motto side by side at the top, each with a short
 * solid rule under it, the motto's as long as the motto; the number under the issuing body, the place and date
 * (italics) under the motto; the document's kind and title centred in bold with a short rule under; numbered
 * sections in 14 pt; "Nơi nhận:" and the signature block side by side at the end, with room to sign above the
 * signer's name. An appendix starts a landscape section and says which report it goes with ("Kèm theo …").
 *
 * <p>Rules are paragraph borders, never characters: they print as lines in any font. Everything is plain
 * paragraphs, runs and tables (no fields, macros, drawings or embedded objects), so Word and LibreOffice open and
 * edit it the same way.
 */
public final class OfficialDocx implements AutoCloseable {

    static final String FONT = "Times New Roman";

    /** Twentieths of a point in a millimetre (1 mm = 56.7 twips). */
    private static int mm(double millimetres) {
        return (int) Math.round(millimetres * 56.6929);
    }

    /** The width the text runs across on a portrait page: A4's 210 mm less both margins (30 + 15 mm). */
    static final int TEXT_WIDTH = mm(165);

    /** The width the text runs across on a landscape page: 297 mm less both margins. */
    static final int LANDSCAPE_TEXT_WIDTH = mm(252);

    /**
     * The width of "Độc lập - Tự do - Hạnh phúc" in Times New Roman bold 13 pt (150.8 pt, measured with its
     * metric twin Liberation Serif): the rule under the motto is exactly as long.
     */
    static final int MOTTO_WIDTH = 3017;

    /** A table cell's left and right margins (Word's default, set explicitly so widths are known). */
    private static final int CELL_MARGIN = 108;

    /** Share of the text width of the heading's left column (issuing body, number). */
    private static final double LEFT = 0.42;

    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    /** Where the signer's name goes when it is not known: the office writes it in. */
    static final String NAME_TO_FILL = "………………………………";

    private final XWPFDocument doc = new XWPFDocument();

    private int textWidth = TEXT_WIDTH;

    public OfficialDocx() {
        this(false);
    }

    /**
     * A document in landscape from its first page: a table that stands alone (an appendix published on its own, as
     * a decision's results).
     */
    public static OfficialDocx landscapeOnly() {
        return new OfficialDocx(true);
    }

    private OfficialDocx(boolean landscape) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        page(section, landscape);
        textWidth = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
        doc.getProperties().getCoreProperties().setCreator("PAR Index Tracker");
    }

    /** A4 portrait or landscape, with NĐ 30's margins. */
    private static void page(CTSectPr section, boolean landscape) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
        size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(20)));
        margins.setBottom(BigInteger.valueOf(mm(20)));
        margins.setLeft(BigInteger.valueOf(mm(30)));
        margins.setRight(BigInteger.valueOf(mm(15)));
        margins.setHeader(BigInteger.valueOf(mm(10)));
        margins.setFooter(BigInteger.valueOf(mm(10)));
        margins.setGutter(BigInteger.ZERO);
    }

    /**
     * The heading block, two rows so the number and the date line up: on the left the body above (regular) and
     * the issuing body (bold), a short rule, the number; on the right the national name, the motto (bold), a rule
     * as long as the motto, the place and date in italics.
     */
    void heading(Issuer issuer, String number, String place, LocalDate date) {
        XWPFTable table = borderless(2, 2);
        int leftWidth = (int) Math.round(TEXT_WIDTH * LEFT);
        int rightWidth = TEXT_WIDTH - leftWidth;
        grid(table, new double[] {LEFT, 1 - LEFT});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        width(left, leftWidth);
        width(right, rightWidth);
        width(table.getRow(1).getCell(0), leftWidth);
        width(table.getRow(1).getCell(1), rightWidth);

        XWPFParagraph first = left.getParagraphs().get(0);
        int longest = 0;
        if (issuer.superior() != null) {
            centred(first);
            run(first, issuer.superior(), 13, false, false);
        }
        for (int i = 0; i < issuer.body().size(); i++) {
            XWPFParagraph p = i == 0 && issuer.superior() == null ? first : left.addParagraph();
            centred(p);
            run(p, issuer.body().get(i), 13, true, false);
            longest = Math.max(longest, issuer.body().get(i).length());
        }
        // upper case Times New Roman bold 13 pt runs about 8 pt a character: the rule some 2/5 of the issuing
        // body's line (NĐ 30: a third to a half)
        int line = Math.min(longest * 160, leftWidth - 2 * CELL_MARGIN);
        rule(left.addParagraph(), leftWidth - 2 * CELL_MARGIN, line * 2 / 5);

        XWPFParagraph name = right.getParagraphs().get(0);
        centred(name);
        run(name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        XWPFParagraph motto = right.addParagraph();
        centred(motto);
        run(motto, MOTTO, 13, true, false);
        rule(right.addParagraph(), rightWidth - 2 * CELL_MARGIN, MOTTO_WIDTH);

        XWPFParagraph no = table.getRow(1).getCell(0).getParagraphs().get(0);
        centred(no);
        no.setSpacingBefore(80);
        run(no, number, 13, false, false);
        XWPFParagraph when = table.getRow(1).getCell(1).getParagraphs().get(0);
        centred(when);
        when.setSpacingBefore(80);
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
        k.setSpacingBefore(360);
        run(k, kind, 14, true, false);
        XWPFParagraph t = doc.createParagraph();
        centred(t);
        run(t, title, 14, true, false);
        titleRule(title);
    }

    /**
     * An appendix's title block: "Phụ lục", its title, and in italics which document it goes with ("(Kèm theo Báo
     * cáo số …/BC-UBND ngày … của UBND huyện …)"), then a short rule.
     */
    public void appendixTitle(String title, String attachedTo) {
        XWPFParagraph k = doc.createParagraph();
        centred(k);
        run(k, "Phụ lục", 14, true, false);
        XWPFParagraph t = doc.createParagraph();
        centred(t);
        run(t, title, 14, true, false);
        XWPFParagraph with = doc.createParagraph();
        centred(with);
        run(with, attachedTo, 14, false, true);
        titleRule(title);
    }

    /** The rule under a title: about a third of its (first) line, bold 14 pt running some 7 pt a character. */
    private void titleRule(String title) {
        int line = Math.min(title.length() * 140, textWidth);
        XWPFParagraph rule = doc.createParagraph();
        rule(rule, textWidth, Math.max(line * 2 / 5, mm(25)));
        rule.setSpacingAfter(240);
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
    public void note(String text) {
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
    public void table(List<String> header, double[] widths, boolean[] numeric, List<List<String>> rows,
            int fontSize) {
        table(header, widths, numeric, rows, fontSize, i -> false);
    }

    /** As {@link #table(List, double[], boolean[], List, int)}, the rows {@code bold} picks (by index) in bold. */
    void table(List<String> header, double[] widths, boolean[] numeric, List<List<String>> rows, int fontSize,
            java.util.function.IntPredicate bold) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth(Integer.toString(textWidth));
        table.setTableAlignment(TableRowAlign.CENTER);
        grid(table, widths);
        fill(table.getRow(0), header, widths, null, fontSize, true, true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), widths, numeric, fontSize, false, bold.test(i));
        }
        doc.createParagraph();
    }

    /**
     * "Nơi nhận:" with its list on the left; on the right the signature block: the authority lines in bold, room to
     * sign and seal, then the signer's name in bold (a dotted line to fill in when not known).
     */
    void closing(List<String> recipients, Issuer issuer) {
        XWPFTable table = borderless(1, 2);
        grid(table, new double[] {0.45, 0.55});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        width(left, (int) Math.round(textWidth * 0.45));
        width(right, textWidth - (int) Math.round(textWidth * 0.45));
        XWPFParagraph to = left.getParagraphs().get(0);
        to.setSpacingBefore(120);
        run(to, "Nơi nhận:", 12, true, true);
        for (String recipient : recipients) {
            XWPFParagraph p = left.addParagraph();
            p.setSpacingAfter(0);
            run(p, recipient, 11, false, false);
        }
        List<String> authority = issuer.authority();
        for (int i = 0; i < authority.size(); i++) {
            XWPFParagraph p = i == 0 ? right.getParagraphs().get(0) : right.addParagraph();
            centred(p);
            if (i == 0) {
                p.setSpacingBefore(120);
            }
            run(p, authority.get(i), 14, true, false);
        }
        for (int i = 0; i < SIGNING_LINES; i++) {
            centred(right.addParagraph());
        }
        XWPFParagraph name = right.addParagraph();
        centred(name);
        run(name, issuer.signer() == null ? NAME_TO_FILL : issuer.signer(), 14, true, false);
    }

    /** Empty lines between the signer's title and name: room for the signature and the seal (about 3 cm). */
    static final int SIGNING_LINES = 5;

    /** Starts a new page (the appendix). */
    void pageBreak() {
        doc.createParagraph().setPageBreak(true);
    }

    /**
     * Ends the portrait pages here and goes on in landscape on a new page: for an appendix whose table is wide.
     */
    public void landscape() {
        XWPFParagraph end = doc.createParagraph();
        end.setSpacingAfter(0);
        CTPPr properties = end.getCTP().isSetPPr() ? end.getCTP().getPPr() : end.getCTP().addNewPPr();
        page(properties.addNewSectPr(), false);
        page(doc.getDocument().getBody().getSectPr(), true);
        textWidth = LANDSCAPE_TEXT_WIDTH;
    }

    public void write(OutputStream out) throws IOException {
        doc.write(out);
    }

    /** Lets the document go without saving it again ({@link vn.parindex.system.PrintedSheets#discard}). */
    @Override
    public void close() {
        vn.parindex.system.PrintedSheets.discard(doc);
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
        table.setWidth(Integer.toString(textWidth));
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        return table;
    }

    /** The table's column widths in its grid too: LibreOffice lays columns out by the grid, Word by the cells. */
    private void grid(XWPFTable table, double[] widths) {
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (double w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(Math.round(textWidth * w)));
        }
    }

    /**
     * A rule: an empty paragraph 5 pt high whose bottom border is a solid ¾ pt line {@code length} long, centred
     * in {@code available} by equal indents.
     */
    private static void rule(XWPFParagraph p, int available, int length) {
        int indent = Math.max(0, (available - length) / 2);
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(5, LineSpacingRule.EXACT);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        p.setBorderBottom(Borders.SINGLE);
        CTBorder bottom = p.getCTP().getPPr().getPBdr().getBottom();
        bottom.setSz(BigInteger.valueOf(6));
        bottom.setSpace(BigInteger.ZERO);
        bottom.setColor("auto");
    }

    /** Whether the paragraph is a rule: a bottom border and no text. */
    static boolean isRule(XWPFParagraph p) {
        return p.getText().isEmpty() && p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetPBdr()
                && p.getCTP().getPPr().getPBdr().isSetBottom()
                && p.getCTP().getPPr().getPBdr().getBottom().getVal() == STBorder.SINGLE;
    }

    private static void width(XWPFTableCell cell, int twips) {
        cell.setWidth(Integer.toString(twips));
    }

    private void width(XWPFTableCell cell, double fraction) {
        width(cell, (int) Math.round(textWidth * fraction));
    }

    private void fill(XWPFTableRow row, List<String> values, double[] widths, boolean[] numeric, int size,
            boolean header, boolean bold) {
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            width(cell, widths[c]);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            p.setAlignment(header ? ParagraphAlignment.CENTER
                    : numeric != null && numeric[c] ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            run(p, values.get(c), size, bold, false);
        }
    }
}
