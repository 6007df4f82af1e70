package vn.parindex.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.parindex.imports.ImportProblem.Kind;

/**
 * Reads an uploaded table — an Excel workbook (.xlsx, its first sheet) or CSV (UTF-8) — into a {@link CsvTable} whose
 * header holds the importer's column names ({@link ColumnNames}), every problem named by row and column:
 * an empty file, a file that is neither, a formula cell, an unrecognised or repeated column. A workbook may begin
 * with title rows (the appendix export's): the header is the first row with a "STT" and a name column. A number
 * cell is read as the decimal text the file stores ({@code 9.6419}), never through a floating-point value.
 */
final class SheetReader {

    /** Largest table file read. */
    static final long MAX_FILE_SIZE = 5L * 1024 * 1024;

    /** Largest part of a workbook unpacked (a zip bomb stops here, not in memory). */
    private static final long MAX_ENTRY_SIZE = 16L * 1024 * 1024;

    /** Rows looked through for the header. */
    private static final int HEADER_SEARCH_ROWS = 20;

    /** Rows and columns read at most. */
    static final int MAX_ROWS = 10_000;
    static final int MAX_COLUMNS = 50;

    static {
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_ENTRY_SIZE));
    }

    private SheetReader() {
    }

    /** The table in the file, its header in the importer's names; a {@link PlanImportException} lists problems. */
    static CsvTable read(Path file, String fileName) {
        return read(file, fileName, false);
    }

    /**
     * The table in the file; {@code list}: a list of bodies or units, its columns as {@link
     * ColumnNames#canonicalInList} names them, else a plan's or appendix's ({@link ColumnNames#canonical}).
     */
    static CsvTable read(Path file, String fileName, boolean list) {
        java.util.function.Function<String, java.util.Optional<String>> names = list
                ? ColumnNames::canonicalInList : ColumnNames::canonical;
        long size;
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw refused(1, "-", Kind.UNREADABLE, "không đọc được tệp");
        }
        if (size == 0 || read == 0) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp rỗng");
        }
        if (size > MAX_FILE_SIZE) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp lớn hơn " + (MAX_FILE_SIZE / 1024 / 1024) + " MB");
        }
        boolean zip = read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip) {
            return named(workbook(file, names), names, list);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm") || looksBinary(head, read)) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp không phải là bảng tính Excel (.xlsx) hay CSV");
        }
        return named(csv(file), names, list);
    }

    private static boolean looksBinary(byte[] head, int read) {
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static CsvTable csv(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), utf8)) {
            // the header and at most MAX_ROWS rows of at most MAX_COLUMNS cells
            return CsvTable.read(reader, MAX_ROWS + 1, MAX_COLUMNS);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp CSV không phải UTF-8 (cần lưu lại dưới dạng “CSV UTF-8”)");
        } catch (IOException e) {
            throw refused(1, "-", Kind.UNREADABLE, "không đọc được tệp CSV: " + e.getMessage());
        }
    }

    private static CsvTable workbook(Path file,
            java.util.function.Function<String, java.util.Optional<String>> names) {
        List<ImportProblem> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XSSFWorkbook book = new XSSFWorkbook(pkg)) {
            if (book.getNumberOfSheets() == 0) {
                throw refused(1, "-", Kind.UNREADABLE, "bảng tính không có trang nào");
            }
            Sheet sheet = book.getSheetAt(0);
            int headerRow = -1;
            for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum()
                    && r < sheet.getFirstRowNum() + HEADER_SEARCH_ROWS; r++) {
                List<String> cells = texts(sheet.getRow(r), problems, false);
                boolean code = cells.stream().anyMatch(c -> names.apply(c)
                        .filter(PlanTableParser.CODE::equals).isPresent());
                boolean title = cells.stream().anyMatch(c -> names.apply(c)
                        .filter(PlanTableParser.NAME::equals).isPresent());
                if (code && title) {
                    headerRow = r;
                    break;
                }
            }
            if (headerRow < 0) {
                throw refused(1, PlanTableParser.CODE, Kind.MISSING_COLUMN,
                        "không thấy dòng tiêu đề có cột “STT” và cột tên lĩnh vực/tiêu chí");
            }
            List<String> header = texts(sheet.getRow(headerRow), problems, true);
            List<CsvTable.Row> rows = new ArrayList<>();
            if (sheet.getLastRowNum() - headerRow > MAX_ROWS) {
                throw refused(1, "-", Kind.UNREADABLE, "bảng có hơn " + MAX_ROWS + " dòng");
            }
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = texts(sheet.getRow(r), problems, true);
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new CsvTable.Row(r + 1, List.copyOf(cells.subList(0, Math.max(header.size(),
                        lastFilled(cells) + 1)))));
            }
            if (!problems.isEmpty()) {
                throw new PlanImportException(problems);
            }
            return CsvTable.of(header, rows);
        } catch (PlanImportException e) {
            throw e;
        } catch (Exception e) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp không phải là bảng tính Excel (.xlsx) đọc được");
        }
    }

    private static int lastFilled(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The row's cells as text, from column A; formulas are problems when {@code check}. */
    private static List<String> texts(Row row, List<ImportProblem> problems, boolean check) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        int last = Math.min(row.getLastCellNum(), MAX_COLUMNS);
        for (int c = 0; c < last; c++) {
            Cell cell = row.getCell(c);
            cells.add(text(cell, problems, check));
        }
        return cells;
    }

    private static String text(Cell cell, List<ImportProblem> problems, boolean check) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (check) {
                problems.add(new ImportProblem(cell.getRowIndex() + 1, CellReference.convertNumToColString(
                        cell.getColumnIndex()), Kind.FORMULA, "ô " + cell.getAddress() + " chứa công thức ("
                        + shorten(cell.getCellFormula()) + "): cần dán giá trị thay cho công thức"));
            }
            return "";
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(((XSSFCell) cell).getRawValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    /**
     * A number cell's stored text as a plain decimal: {@code 5.0E-4} (how a double of 0,0005 is written) as
     * {@code 0.0005}, and a value saved with 17 significant digits ({@code 9.6419000000000001}) back to its 15.
     * A value far out of any score's range is left as stored, for the score check to refuse.
     */
    static String number(String raw) {
        if (raw == null || raw.length() > 40) {
            return raw;
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(raw);
            if (value.scale() < -6 || value.scale() > 30) {
                return raw;
            }
            return value.round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The table with its headers in the importer's names; unknown or repeated columns are problems. */
    private static CsvTable named(CsvTable table,
            java.util.function.Function<String, java.util.Optional<String>> names, boolean list) {
        if (table.header().isEmpty()) {
            throw refused(1, "-", Kind.UNREADABLE, "tệp rỗng");
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<String> header = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String cell : table.header()) {
            if (cell.isBlank()) {
                header.add("");
                continue;
            }
            String name = names.apply(cell).orElse(null);
            if (name == null) {
                problems.add(new ImportProblem(1, shorten(cell.strip()), Kind.UNKNOWN_COLUMN,
                        "cột “" + shorten(cell.strip()) + "” không phải là cột của " + (list ? "danh sách"
                                : "bảng phụ lục")));
                header.add("");
            } else if (!name.isEmpty() && seen.putIfAbsent(name, cell) != null) {
                problems.add(new ImportProblem(1, shorten(cell.strip()), Kind.UNKNOWN_COLUMN,
                        "cột “" + shorten(cell.strip()) + "” lặp lại cột “" + shorten(seen.get(name).strip()) + "”"));
                header.add("");
            } else {
                header.add(name);
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems);
        }
        int codeIndex = header.indexOf(PlanTableParser.CODE);
        int nameIndex = header.indexOf(PlanTableParser.NAME);
        List<CsvTable.Row> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            List<String> fields = new ArrayList<>(row.fields());
            // the total row of the export has no STT, only its name
            if (!list && codeIndex >= 0 && nameIndex >= 0 && codeIndex < fields.size() && nameIndex < fields.size()
                    && fields.get(codeIndex).isBlank() && ColumnNames.isTotal(fields.get(nameIndex))) {
                fields.set(codeIndex, PlanTableParser.TOTAL_CODE);
            }
            for (int i = 0; i < fields.size(); i++) {
                // every cell under the text rule's characters (line breaks allowed: a cell may hold several
                // lines); the lengths are the parser's, per column
                if (vn.parindex.system.TextRule.hasForbiddenCharacter(fields.get(i), true)) {
                    problems.add(new ImportProblem(row.line(), i < header.size() && !header.get(i).isEmpty()
                            ? header.get(i) : CellReference.convertNumToColString(i), Kind.FORBIDDEN_CHARACTER,
                            "có ký tự không được phép (ký tự điều khiển hoặc ký tự đảo chiều văn bản)"));
                }
            }
            rows.add(new CsvTable.Row(row.line(), List.copyOf(fields)));
        }
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems);
        }
        return CsvTable.of(header, rows);
    }

    private static PlanImportException refused(int line, String column, Kind kind, String message) {
        return new PlanImportException(List.of(new ImportProblem(line, column, kind, message)));
    }
}
