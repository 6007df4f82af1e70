package vn.parindex.imports;

import static vn.parindex.imports.ImportProblem.Kind.ABOVE_MAXIMUM;
import static vn.parindex.imports.ImportProblem.Kind.DUPLICATE_CODE;
import static vn.parindex.imports.ImportProblem.Kind.INVALID_CODE;
import static vn.parindex.imports.ImportProblem.Kind.MISSING_COLUMN;
import static vn.parindex.imports.ImportProblem.Kind.MISSING_PARENT;
import static vn.parindex.imports.ImportProblem.Kind.MISSING_VALUE;
import static vn.parindex.imports.ImportProblem.Kind.NOT_A_NUMBER;
import static vn.parindex.imports.ImportProblem.Kind.NO_DOMAINS;
import static vn.parindex.imports.ImportProblem.Kind.TOO_MANY_DECIMALS;
import static vn.parindex.imports.ImportProblem.Kind.UNKNOWN_UNIT;
import static vn.parindex.imports.ImportProblem.Kind.UNREADABLE;
import static vn.parindex.imports.ImportProblem.Kind.WRONG_FIELD_COUNT;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.parindex.criteria.CriterionCode;
import vn.parindex.criteria.Scores;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitNames;

/**
 * Reads a plan's appendix table (one row per printed line) into nodes, checking everything before anything is
 * written: every problem is collected with its line and column.
 */
final class PlanTableParser {

    static final String CODE = "stt";
    static final String NAME = "ten";
    static final String MAX = "diem_toi_da";
    static final String CHANGE = "tang_giam_in_tren_ke_hoach";
    static final String LEAD = "co_quan_chu_tri";
    static final String TOTAL_CODE = "TOTAL";
    /** The lead-unit cell that means "scored by the sociological survey", not a unit. */
    static final String SURVEY_MARKER = "Điểm điều tra XHH";

    private static final Pattern CHANGE_SHAPE = Pattern.compile("([+\\-\u2212\u2013]?)\\s*([0-9]+)");

    /** A row of the table, checked. */
    record Node(int line, String code, String parentCode, int position, String name, BigDecimal max,
            BigDecimal baseline, BigDecimal target, Integer recordedChange, boolean survey, List<Unit> leadUnits,
            String weakness) {
    }

    /** The printed total row. */
    record Totals(BigDecimal max, BigDecimal baseline, BigDecimal target, Integer recordedChange) {
    }

    /** The whole table, checked: nodes in natural code order (parents first). */
    record Plan(List<Node> nodes, Totals totals) {
    }

    private final PlanImportRequest request;
    private final List<Unit> units;
    private final boolean strict;
    private final List<ImportProblem> problems = new ArrayList<>();

    /** A parser for a plan's appendix: every column of the plan required. */
    PlanTableParser(PlanImportRequest request, List<Unit> units) {
        this(request, units, true);
    }

    /**
     * @param strict whether the baseline, target and lead columns are required (a plan's appendix); a framework
     *        from the province may have only codes, names and maxima
     */
    PlanTableParser(PlanImportRequest request, List<Unit> units, boolean strict) {
        this.request = request;
        this.units = units;
        this.strict = strict;
    }

    /** The checked plan, or a {@link PlanImportException} listing every problem. */
    Plan parse(Reader reader) {
        CsvTable table;
        try {
            table = CsvTable.read(reader);
        } catch (IOException e) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", UNREADABLE,
                    "không đọc được tệp CSV: " + e.getMessage())));
        }
        return parse(table);
    }

    /** The checked plan of a table already read. */
    Plan parse(CsvTable table) {
        Map<String, Integer> columns = table.columnIndex();
        List<String> required = strict ? List.of(CODE, NAME, MAX, request.baselineColumn(), request.targetColumn(), LEAD)
                : List.of(CODE, NAME, MAX);
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problem(1, column, MISSING_COLUMN, "thiếu cột bắt buộc '" + column + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems);
        }
        List<Node> nodes = new ArrayList<>();
        Totals totals = null;
        Map<String, Integer> lineOfCode = new HashMap<>();
        int position = 0;
        for (CsvTable.Row row : table.rows()) {
            if (row.fields().size() != table.header().size()) {
                problem(row.line(), CODE, WRONG_FIELD_COUNT, "có " + row.fields().size() + " trường, tiêu đề có "
                        + table.header().size());
                continue;
            }
            Cells cells = new Cells(row, columns);
            String code = cells.text(CODE);
            if (code.isEmpty()) {
                problem(row.line(), CODE, MISSING_VALUE, "thiếu mã (STT)");
                continue;
            }
            Integer earlier = lineOfCode.putIfAbsent(code.toUpperCase(java.util.Locale.ROOT), row.line());
            if (earlier != null) {
                problem(row.line(), CODE, DUPLICATE_CODE, "mã '" + code + "' trùng với dòng " + earlier);
                continue;
            }
            BigDecimal max = cells.score(MAX, true);
            BigDecimal baseline = cells.score(request.baselineColumn(), false);
            BigDecimal target = cells.score(request.targetColumn(), false);
            checkNotAboveMax(cells, request.baselineColumn(), baseline, max);
            checkNotAboveMax(cells, request.targetColumn(), target, max);
            Integer change = cells.change();
            if (code.equalsIgnoreCase(TOTAL_CODE)) {
                totals = new Totals(max, baseline, target, change);
                continue;
            }
            if (!CriterionCode.isValid(code)) {
                problem(row.line(), CODE, INVALID_CODE, "mã '" + code + "' không hợp lệ (dạng 1, 1.1, 1.1.2)");
                continue;
            }
            String name = cells.text(NAME);
            if (name.isEmpty()) {
                problem(row.line(), NAME, MISSING_VALUE, "thiếu tên lĩnh vực/tiêu chí");
            }
            checkText(row.line(), NAME, name, MAX_NAME);
            checkText(row.line(), request.weaknessColumn(), cells.optionalText(request.weaknessColumn()),
                    MAX_WEAKNESS);
            String lead = cells.text(LEAD);
            boolean survey = UnitNames.normalise(lead).equals(UnitNames.normalise(SURVEY_MARKER));
            List<Unit> leadUnits = survey ? List.of() : cells.units(LEAD, lead);
            String weakness = cells.optionalText(request.weaknessColumn());
            nodes.add(new Node(row.line(), code, CriterionCode.parentOf(code), ++position, name, max, baseline,
                    target, change, survey, leadUnits, weakness.isEmpty() ? null : weakness));
        }
        for (Node node : nodes) {
            if (node.parentCode() != null && !lineOfCode.containsKey(node.parentCode().toUpperCase(java.util.Locale.ROOT))) {
                problem(node.line(), CODE, MISSING_PARENT,
                        "tiêu chí '" + node.code() + "' không có mục cha '" + node.parentCode() + "' trong bảng");
            }
        }
        if (problems.isEmpty()) {
            checkPartsWithinMaximum(nodes);
        }
        if (problems.isEmpty() && nodes.stream().noneMatch(n -> n.parentCode() == null)) {
            problem(1, CODE, NO_DOMAINS, "bảng không có lĩnh vực nào");
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::line));
            throw new PlanImportException(problems);
        }
        nodes.sort(Comparator.comparing(Node::code, CriterionCode.NATURAL_ORDER));
        return new Plan(List.copyOf(nodes), totals);
    }

    /** Longest name and weakness read (a spreadsheet cell holds at most 32 767 characters). */
    static final int MAX_NAME = 1000;
    static final int MAX_WEAKNESS = 4000;

    private void checkText(int line, String column, String text, int max) {
        if (text.length() > max) {
            problem(line, column, ImportProblem.Kind.TEXT_TOO_LONG, "dài quá " + max + " ký tự");
        } else if (vn.parindex.system.TextRule.hasForbiddenCharacter(text, true)) {
            problem(line, column, ImportProblem.Kind.TEXT_TOO_LONG, "có ký tự điều khiển không hợp lệ");
        }
    }

    /** The maxima of a node's parts may not add up to more than its own. */
    private void checkPartsWithinMaximum(List<Node> nodes) {
        Map<String, BigDecimal> partsMax = new HashMap<>();
        for (Node node : nodes) {
            if (node.parentCode() != null && node.max() != null) {
                partsMax.merge(node.parentCode().toUpperCase(java.util.Locale.ROOT), node.max(), BigDecimal::add);
            }
        }
        for (Node node : nodes) {
            BigDecimal parts = partsMax.get(node.code().toUpperCase(java.util.Locale.ROOT));
            if (parts != null && node.max() != null && parts.compareTo(node.max()) > 0) {
                problem(node.line(), MAX, ImportProblem.Kind.PARTS_EXCEED_MAXIMUM, "điểm tối đa của các tiêu chí thuộc '"
                        + node.code() + "' cộng lại là " + parts.stripTrailingZeros().toPlainString().replace('.', ',')
                        + ", vượt điểm tối đa " + node.max().stripTrailingZeros().toPlainString().replace('.', ',')
                        + " của nó");
            }
        }
    }

    private void checkNotAboveMax(Cells cells, String column, BigDecimal value, BigDecimal max) {
        if (value != null && max != null && value.compareTo(max) > 0) {
            problem(cells.row.line(), column, ABOVE_MAXIMUM, "điểm " + cells.text(column)
                    + " vượt điểm tối đa " + cells.text(MAX));
        }
    }

    /** Resolves unit names (or codes) to units; unknown names are problems. */
    Optional<Unit> resolveUnit(String printed) {
        return units.stream().filter(u -> u.isNamed(printed)).findFirst();
    }

    private void problem(int line, String column, ImportProblem.Kind kind, String message) {
        problems.add(new ImportProblem(line, column, kind, message));
    }

    /** The cells of one row, read with problems reported against the row's line. */
    private final class Cells {
        private final CsvTable.Row row;
        private final Map<String, Integer> columns;

        Cells(CsvTable.Row row, Map<String, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        String text(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : row.fields().get(index).strip();
        }

        String optionalText(String column) {
            return text(column);
        }

        BigDecimal score(String column, boolean required) {
            String text = text(column);
            if (text.isEmpty()) {
                if (required) {
                    problem(row.line(), column, MISSING_VALUE, "thiếu điểm");
                }
                return null;
            }
            try {
                return Scores.parse(text);
            } catch (IllegalArgumentException e) {
                boolean decimals = "score.tooManyDecimals".equals(e.getMessage());
                problem(row.line(), column, decimals ? TOO_MANY_DECIMALS : NOT_A_NUMBER, decimals
                        ? "'" + text + "' có quá 4 chữ số thập phân"
                        : "'" + text + "' không phải là số điểm hợp lệ");
                return null;
            }
        }

        Integer change() {
            String text = text(CHANGE);
            if (text.isEmpty()) {
                return null;
            }
            Matcher m = CHANGE_SHAPE.matcher(text);
            if (!m.matches()) {
                problem(row.line(), CHANGE, NOT_A_NUMBER, "'" + text + "' không phải là số nguyên (+ 3, 0, - 1)");
                return null;
            }
            int value = Integer.parseInt(m.group(2));
            return m.group(1).isEmpty() || m.group(1).equals("+") ? value : -value;
        }

        List<Unit> units(String column, String cell) {
            if (cell.isEmpty()) {
                return List.of();
            }
            List<Unit> found = new ArrayList<>();
            for (String part : cell.split(";")) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                resolveUnit(name).ifPresentOrElse(found::add, () -> problem(row.line(), column, UNKNOWN_UNIT,
                        "không có đơn vị nào tên '" + name + "'"));
            }
            return found;
        }
    }
}
