package vn.parindex.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table of text cells with the line (or spreadsheet row) each record starts on: read from CSV here, or built
 * from a workbook by {@link SheetReader}. A comma-separated table is read by RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks),
 * each record remembering the line it starts on, so errors can name the line.
 */
final class CsvTable {

    /**
     * RFC 4180 as spreadsheets write it: comma, double quotes, any line ending; empty lines kept (to count them),
     * a quote inside an unquoted field and text after a closing quote kept as written, rows of any length.
     */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrailingData(true)
            .setAllowMissingColumnNames(true).get();

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

    /**
     * Reads at most {@code maxRecords} records of at most {@code maxFields} fields: more is an {@link IOException}.
     * Apache Commons CSV reads the records ({@link #FORMAT}); a byte order mark before the first header is dropped and
     * blank records are skipped but their lines counted.
     */
    static CsvTable read(Reader reader, int maxRecords, int maxFields) throws IOException {
        BufferedReader input = new BufferedReader(reader);
        input.mark(1);
        if (input.read() != '\uFEFF') {
            input.reset();
        }
        List<Row> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> iterator = parser.iterator();
            while (true) {
                // the parser has counted the line breaks before the next record: it starts on the line after them
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    record = iterator.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause().getMessage() != null && e.getCause().getMessage().contains("EOF reached before")) {
                        throw new IOException("unterminated quoted field starting on line " + line, e.getCause());
                    }
                    throw e.getCause();
                }
                if (record.size() > maxFields) {
                    throw new IOException("dòng " + line + " có hơn " + maxFields + " cột");
                }
                List<String> fields = record.toList();
                if (!fields.stream().allMatch(String::isBlank)) {
                    records.add(new Row(line, List.copyOf(fields)));
                    if (records.size() > maxRecords) {
                        throw new IOException("bảng có hơn " + (maxRecords - 1) + " dòng");
                    }
                }
            }
        }
        if (records.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        return new CsvTable(records.get(0).fields(), List.copyOf(records.subList(1, records.size())));
    }
}
