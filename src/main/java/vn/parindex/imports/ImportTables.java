package vn.parindex.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.Scores;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.ImportService.Discrepancy;

/**
 * What every import of a table reads and checks the same way: the file's figures by code against a cycle (each cell
 * a score of at most 4 decimals, at most the criterion's maximum; no unknown or repeated code), the years its columns
 * name, the open cycle it goes into, where a published parent disagrees with its parts, and the problems, each by
 * row and column, thrown together.
 */
final class ImportTables {

    static final Pattern YEAR_COLUMN = Pattern.compile("(diem|muc_tieu|ton_tai_han_che)_(\\d{4})");

    private ImportTables() {
    }

    /** The file's figures by code, every cell checked against the cycle. */
    record Rows(Map<String, Map<String, BigDecimal>> values, Map<String, String> parents,
            Set<String> parentCodes, Map<String, BigDecimal> storedBaseline, Map<String, BigDecimal> storedTarget) {

        BigDecimal stored(String code, String field) {
            return (field.equals("baselineScore") ? storedBaseline : storedTarget).get(code);
        }
    }

    /**
     * Each node's figure as the appendix shows it (and so as its export prints it): its own where recorded, else the
     * sum of its parts' that have one (the rollup's rule), else none.
     */
    static Map<String, BigDecimal> effective(CycleView cycle, String field) {
        Map<String, BigDecimal> effective = new HashMap<>();
        List<CriterionView> nodes = cycle.criteria();
        // children come after their parents: walking backwards, a node's parts are settled before it
        for (int i = nodes.size() - 1; i >= 0; i--) {
            CriterionView c = nodes.get(i);
            BigDecimal own = field.equals("baselineScore") ? c.baselineScore() : c.targetScore();
            BigDecimal value = own != null ? own : effective.get(c.code());
            effective.put(c.code(), value);
            if (c.parentCode() != null && value != null) {
                effective.merge(c.parentCode(), value, BigDecimal::add);
            }
        }
        return effective;
    }

    static Rows rows(CsvTable table, CycleView cycle, Map<String, String> fields, List<ImportProblem> problems) {
        Map<String, Integer> columns = table.columnIndex();
        Map<String, CriterionView> byCode = byCode(cycle);
        Set<String> parentCodes = new HashSet<>();
        cycle.criteria().forEach(c -> {
            if (c.parentCode() != null) {
                parentCodes.add(c.parentCode());
            }
        });
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.fields().size() > table.header().size()) {
                problems.add(new ImportProblem(row.line(), "-", Kind.WRONG_FIELD_COUNT, "có " + row.fields().size()
                        + " ô, tiêu đề có " + table.header().size()));
                continue;
            }
            String code = cell(row, columns.get(PlanTableParser.CODE));
            if (code.isEmpty()) {
                problems.add(new ImportProblem(row.line(), "STT", Kind.MISSING_VALUE, "thiếu mã (STT)"));
                continue;
            }
            boolean total = code.equalsIgnoreCase(PlanTableParser.TOTAL_CODE);
            CriterionView c = byCode.get(code);
            if (c == null && !total) {
                problems.add(new ImportProblem(row.line(), "STT", Kind.UNKNOWN_CODE, "mã '" + shorten(code, 40)
                        + "' không có trong kỳ đánh giá năm " + cycle.year()));
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(code.toUpperCase(Locale.ROOT), row.line());
            if (earlier != null) {
                problems.add(new ImportProblem(row.line(), "STT", Kind.DUPLICATE_CODE, "mã '" + shorten(code, 40)
                        + "' trùng với dòng " + earlier));
                continue;
            }
            BigDecimal max = total ? null : c.maxScore();
            Integer maxColumn = columns.get(PlanTableParser.MAX);
            if (maxColumn != null && !total) {
                BigDecimal printed = score(row, maxColumn, "Điểm tối đa", problems);
                if (printed != null && printed.compareTo(max) != 0) {
                    problems.add(new ImportProblem(row.line(), "Điểm tối đa", Kind.DIFFERENT_MAXIMUM, "điểm tối đa "
                            + show(printed) + " khác điểm tối đa " + show(max) + " của tiêu chí trong kỳ; muốn đổi "
                            + "khung tiêu chí thì nhập khung cho năm mới"));
                }
            }
            Map<String, BigDecimal> v = new HashMap<>();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                Integer index = columns.get(field.getKey());
                if (index == null) {
                    continue;
                }
                BigDecimal value = score(row, index, field.getKey(), problems);
                if (value != null && max != null && value.compareTo(max) > 0) {
                    problems.add(new ImportProblem(row.line(), field.getKey(), Kind.ABOVE_MAXIMUM, "điểm "
                            + show(value) + " vượt điểm tối đa " + show(max)));
                    continue;
                }
                put(v, field.getValue(), value);
            }
            if (!total) {
                values.put(code, v);
                parents.put(code, c.parentCode());
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return new Rows(values, parents, parentCodes, effective(cycle, "baselineScore"),
                effective(cycle, "targetScore"));
    }


    static List<Discrepancy> discrepancies(Map<String, Map<String, BigDecimal>> values,
            Map<String, String> parents, List<String> fields) {
        List<Discrepancy> found = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> e : values.entrySet()) {
            for (String field : fields) {
                BigDecimal recorded = e.getValue().get(field);
                BigDecimal parts = sumOfParts(e.getKey(), field, values, parents);
                if (recorded != null && parts != null && recorded.compareTo(parts) != 0) {
                    found.add(new Discrepancy(e.getKey(), field, plain(recorded), plain(parts)));
                }
            }
        }
        return found;
    }

    /** The sum of the direct parts' figures in the file; null without parts or when one has none. */
    static BigDecimal sumOfParts(String code, String field, Map<String, Map<String, BigDecimal>> values,
            Map<String, String> parents) {
        BigDecimal sum = null;
        for (Map.Entry<String, String> p : parents.entrySet()) {
            if (code.equals(p.getValue())) {
                BigDecimal v = values.get(p.getKey()).get(field);
                if (v == null) {
                    return null;
                }
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }

    static CycleView openCycle(CriteriaCatalog catalog, int year) {
        CycleView cycle = catalog.cycle(year).orElseThrow(() -> new PlanImportException(List.of(new ImportProblem(1,
                "-", Kind.NO_CYCLE, "chưa có kỳ đánh giá năm " + year))));
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", Kind.CYCLE_CLOSED, "kỳ đánh giá năm "
                    + year + " đã kết thúc: không nhập thêm được")));
        }
        return cycle;
    }

    /** Columns naming a year must name the cycle's: the baseline year's scores and weaknesses, this year's targets. */
    static void checkYears(CsvTable table, int baselineYear, int year, List<ImportProblem> problems) {
        for (String column : table.header()) {
            Matcher m = YEAR_COLUMN.matcher(column);
            if (!m.matches()) {
                continue;
            }
            int named = Integer.parseInt(m.group(2));
            int expected = m.group(1).equals("muc_tieu") ? year : baselineYear;
            if (named != expected) {
                String what = m.group(1).equals("muc_tieu") ? "Mục tiêu năm " : m.group(1).equals("diem")
                        ? "Điểm năm " : "Tồn tại, hạn chế năm ";
                problems.add(new ImportProblem(1, what + named, Kind.MISSING_COLUMN, "cột “" + what + named
                        + "” không khớp kỳ đánh giá: cần “" + what + expected + "”"));
            }
        }
    }

    static BigDecimal score(CsvTable.Row row, int index, String column, List<ImportProblem> problems) {
        String text = cell(row, index);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Scores.parse(text);
        } catch (IllegalArgumentException e) {
            boolean decimals = "score.tooManyDecimals".equals(e.getMessage());
            problems.add(new ImportProblem(row.line(), column, decimals ? Kind.TOO_MANY_DECIMALS : Kind.NOT_A_NUMBER,
                    decimals ? "'" + shorten(text, 40) + "' có quá 4 chữ số thập phân"
                            : "'" + shorten(text, 40) + "' không phải là số điểm hợp lệ (ví dụ 9,6419)"));
            return null;
        }
    }

    static String cell(CsvTable.Row row, Integer index) {
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index).strip();
    }

    static Map<String, CriterionView> byCode(CycleView cycle) {
        Map<String, CriterionView> byCode = new HashMap<>();
        cycle.criteria().forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    static Map<String, Long> ids(CycleView cycle) {
        Map<String, Long> ids = new HashMap<>();
        cycle.criteria().forEach(c -> ids.put(c.code(), c.id()));
        return ids;
    }

    static void put(Map<String, BigDecimal> values, String field, BigDecimal value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    static void throwIfAny(List<ImportProblem> problems) {
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems.subList(0, Math.min(problems.size(), ImportService.MAX_PROBLEMS)));
        }
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.setScale(Scores.SCALE, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    static String show(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }
}
