package vn.parindex.criteria.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of text cells with the line (or spreadsheet row) each record starts on: read from CSV here, or built
 * from a workbook by {@link SheetReader}. A comma-separated table is read by RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks),
 * each record remembering the line it starts on, so errors can name the line.
 */
final class CsvTable {

    /** One record of the table. */
    record Row(int line, List<String> fields) {
    }

    private final List<String> header;
    private final List<Row> rows;

    /** A table already read (a workbook's first sheet). */
    static CsvTable of(List<String> header, List<Row> rows) {
        return new CsvTable(List.copyOf(header), List.copyOf(rows));
    }

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** Column name → index, names trimmed and lower-cased. */
    Map<String, Integer> columnIndex() {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        return index;
    }

    static CsvTable read(Reader reader) throws IOException {
        return read(reader, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Reads at most {@code maxRecords} records of at most {@code maxFields} fields: more is an {@link IOException}. */
    static CsvTable read(Reader reader, int maxRecords, int maxFields) throws IOException {
        List<Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                if (fields.size() >= maxFields) {
                    throw new IOException("dòng " + recordLine + " có hơn " + maxFields + " cột");
                }
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    int next = reader.read();
                    if (next != '\n') {
                        c = next;
                        endRecord(records, fields, field, recordLine);
                        limit(records, maxRecords);
                        fieldStarted = false;
                        line++;
                        recordLine = line;
                        continue;
                    }
                }
                endRecord(records, fields, field, recordLine);
                limit(records, maxRecords);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
            c = reader.read();
        }
        if (quoted) {
            throw new IOException("unterminated quoted field starting on line " + recordLine);
        }
        endRecord(records, fields, field, recordLine);
        if (records.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        return new CsvTable(records.get(0).fields(), List.copyOf(records.subList(1, records.size())));
    }

    private static void limit(List<Row> records, int maxRecords) throws IOException {
        if (records.size() > maxRecords) {
            throw new IOException("bảng có hơn " + (maxRecords - 1) + " dòng");
        }
    }

    private static void endRecord(List<Row> records, List<String> fields, StringBuilder field, int line) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
    }
}
