package vn.parindex.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.parindex.accounts.AccountService.FirstAccount;
import vn.parindex.system.PrintedSheets;

/**
 * The sheet that hands out the heads' first accounts after a list of units is imported: the body, each unit, its
 * head, the user name and the first password (to be changed at first sign-in), printed A4 to be cut and given to
 * each head. Made once from the import's result; the passwords are stored nowhere else in clear.
 */
final class HandoutSheet {

    /** The sheet's media type. */
    static final String XLSX = vn.parindex.web.Attachment.XLSX;
    /** Its columns. */
    static final List<String> HEADERS = List.of("STT", "Đơn vị được đánh giá", "Mã", "Cơ quan, đơn vị",
            "Người đứng đầu", "Tên đăng nhập", "Mật khẩu lần đầu");
    static final int HEADER_ROW = 2;
    private static final int[] WIDTHS = {6, 22, 12, 30, 24, 22, 24};

    private HandoutSheet() {
    }

    static byte[] write(String bodyName, List<FirstAccount> accounts) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PrintedSheets.useTimesNewRoman(book);
            Sheet sheet = book.createSheet("Tài khoản");
            CellStyle title = PrintedSheets.titleStyle(book);
            CellStyle subtitle = PrintedSheets.subtitleStyle(book);
            CellStyle header = PrintedSheets.headerStyle(book);
            Font plain = PrintedSheets.font(book, false, false, 12);
            CellStyle text = PrintedSheets.bordered(book, plain);
            CellStyle centred = PrintedSheets.bordered(book, plain);
            centred.setAlignment(HorizontalAlignment.CENTER);
            CellStyle secret = PrintedSheets.bordered(book, PrintedSheets.font(book, true, false, 12));
            secret.setDataFormat(book.createDataFormat().getFormat("@"));
            int last = HEADERS.size() - 1;
            text(sheet.createRow(0), 0, "DANH SÁCH TÀI KHOẢN NGƯỜI ĐỨNG ĐẦU CƠ QUAN, ĐƠN VỊ – " + bodyName, title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            text(sheet.createRow(1), 0, "Mật khẩu lần đầu phải đổi ngay khi đăng nhập lần đầu; giao riêng cho "
                    + "từng người, không gửi qua thư điện tử.", subtitle);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row head = sheet.createRow(HEADER_ROW);
            for (int i = 0; i < HEADERS.size(); i++) {
                text(head, i, HEADERS.get(i), header);
            }
            int r = HEADER_ROW + 1;
            for (FirstAccount account : accounts) {
                Row row = sheet.createRow(r);
                text(row, 0, String.valueOf(r - HEADER_ROW), centred);
                text(row, 1, bodyName, text);
                text(row, 2, account.unitCode(), centred);
                text(row, 3, account.unitName(), text);
                text(row, 4, account.displayName(), text);
                text(row, 5, account.username(), secret);
                text(row, 6, account.firstPassword(), secret);
                r++;
            }
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            PrintedSheets.setUp(sheet, true, HEADER_ROW, HEADER_ROW);
            PrintedSheets.fitRowHeights(sheet);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }
}
