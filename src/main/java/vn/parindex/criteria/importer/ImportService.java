package vn.parindex.criteria.importer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.parindex.criteria.AppraisalService;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.criteria.Scores;
import vn.parindex.criteria.importer.ImportProblem.Kind;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.InvalidInputException;

/**
 * Home Affairs imports a table (.xlsx or CSV, the shared CSV's columns or the appendix export's, in Vietnamese or
 * English): a framework as a new cycle, an existing cycle's figures, or the province's appraisal. Every import is
 * first a preview — what would be created, each figure changed old → new, where a published parent disagrees with
 * its parts — and nothing is written unless asked ({@code dryRun} false). Any problem, each named by row and
 * column, and nothing at all is written.
 */
@Service
public class ImportService {

    /** What a table is imported as. */
    public enum ImportKind {
        /** A new cycle's criteria tree (codes, names, maxima; baseline, targets and lead units where given). */
        FRAMEWORK,
        /** An existing cycle's baseline, target and current scores. */
        SCORES,
        /** The province's appraised scores and reasons. */
        APPRAISAL;

        public static Optional<ImportKind> of(String text) {
            if (text == null) {
                return Optional.empty();
            }
            for (ImportKind k : values()) {
                if (k.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A criterion created or a figure changed; score values as plain decimals ({@code 9.6419}). */
    public record Change(String code, String field, String oldValue, String newValue) implements java.io.Serializable {

        /** Whether the values are scores (shown the Vietnamese way on pages). */
        public boolean isScore() {
            return !field.equals("criterion") && !field.equals("appraisalReason");
        }

        /** The old value as people read it: a score with a decimal comma ({@code 1,2500}). */
        public String oldText() {
            return isScore() ? comma(oldValue) : oldValue;
        }

        public String newText() {
            return isScore() ? comma(newValue) : newValue;
        }
    }

    /** A plain decimal of at most 3 integer digits with a decimal comma, as {@code @fmt.score} writes it. */
    static String comma(String plain) {
        return plain == null ? null : plain.replace('.', ',');
    }

    /** A figure published on a parent that differs from the sum of its parts in the file (not an error). */
    public record Discrepancy(String code, String field, String recorded, String sumOfParts) {

        public String recordedText() {
            return comma(recorded);
        }

        public String sumOfPartsText() {
            return comma(sumOfParts);
        }
    }

    /** What an import did, or would do. */
    public record Result(int year, String kind, boolean dryRun, int created, List<Change> changes,
            List<Discrepancy> discrepancies) {
    }

    private static final Pattern YEAR_COLUMN = Pattern.compile("(diem|muc_tieu|ton_tai_han_che)_(\\d{4})");

    /** At most this many problems are reported: a file with thousands of bad rows is refused all the same. */
    static final int MAX_PROBLEMS = 500;

    private final PlanImporter importer;
    private final CriteriaCatalog catalog;
    private final ReviewPermissions permissions;
    private final CriterionScoreService scores;
    private final AppraisalService appraisals;
    private final org.springframework.transaction.PlatformTransactionManager transactions;

    ImportService(PlanImporter importer, CriteriaCatalog catalog, ReviewPermissions permissions,
            CriterionScoreService scores, AppraisalService appraisals,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.importer = importer;
        this.catalog = catalog;
        this.permissions = permissions;
        this.scores = scores;
        this.appraisals = appraisals;
        this.transactions = transactions;
    }

    /** Only Home Affairs imports: asked before the upload is read. */
    public void requirePermission(CurrentUser user) {
        ReviewPermissions.require(permissions.canEditScores(user));
    }

    /**
     * Reads, checks and (unless {@code dryRun}) applies the table in {@code file}.
     *
     * @throws PlanImportException listing every problem (nothing written)
     */
    public Result run(CurrentUser user, Path file, String fileName, Integer year, ImportKind kind, boolean dryRun) {
        requirePermission(user);
        if (year == null || year < 2000 || year > 2200) {
            throw InvalidInputException.of("year", "cycle.yearRange");
        }
        // the file is read before any transaction: no connection is held while it is parsed
        CsvTable table = SheetReader.read(file, fileName);
        String comment = "Nhập từ tệp " + shorten(fileName == null ? "" : fileName, 100);
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        // a dry run writes nothing, ever: a read-only transaction
        transaction.setReadOnly(dryRun);
        return transaction.execute(status -> switch (kind) {
            case FRAMEWORK -> framework(table, year, dryRun);
            case SCORES -> scores(user, table, year, dryRun, comment);
            case APPRAISAL -> appraisal(user, table, year, dryRun, comment);
        });
    }

    private Result framework(CsvTable table, int year, boolean dryRun) {
        List<ImportProblem> problems = new ArrayList<>();
        Integer baselineYear = null;
        for (String column : table.header()) {
            Matcher m = YEAR_COLUMN.matcher(column);
            if (m.matches() && m.group(1).equals("diem")) {
                baselineYear = Integer.valueOf(m.group(2));
            }
        }
        int baseline = baselineYear == null ? year - 1 : baselineYear;
        if (baseline >= year || baseline < 2000) {
            problems.add(new ImportProblem(1, "diem_" + baseline, Kind.MISSING_COLUMN, "năm của cột điểm (" + baseline
                    + ") phải từ 2000 và trước năm của kỳ nhập (" + year + ")"));
        }
        checkYears(table, baseline, year, problems);
        throwIfAny(problems);
        PlanImportRequest request = new PlanImportRequest(year, baseline, CycleStatus.PLANNING, null, Map.of(),
                Map.of());
        PlanTableParser.Plan plan = importer.check(table, request);
        List<Change> changes = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (PlanTableParser.Node node : plan.nodes()) {
            changes.add(new Change(node.code(), "criterion", null, node.name()));
            Map<String, BigDecimal> v = new HashMap<>();
            put(v, "maxScore", node.max());
            put(v, "baselineScore", node.baseline());
            put(v, "targetScore", node.target());
            values.put(node.code(), v);
            parents.put(node.code(), node.parentCode());
        }
        List<Discrepancy> discrepancies = discrepancies(values, parents, List.of("baselineScore", "targetScore"));
        if (!dryRun) {
            importer.importFramework(table, request);
        }
        return new Result(year, ImportKind.FRAMEWORK.name(), dryRun, plan.nodes().size(), changes, discrepancies);
    }

    private Result scores(CurrentUser user, CsvTable table, int year, boolean dryRun, String comment) {
        CycleView cycle = openCycle(year);
        List<ImportProblem> problems = new ArrayList<>();
        checkYears(table, cycle.baselineYear(), year, problems);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("diem_" + cycle.baselineYear(), "baselineScore");
        fields.put("muc_tieu_" + year, "targetScore");
        fields.put(ColumnNames.CURRENT, "currentScore");
        Map<String, Integer> columns = table.columnIndex();
        if (!columns.containsKey(PlanTableParser.CODE)) {
            problems.add(new ImportProblem(1, "STT", Kind.MISSING_COLUMN, "thiếu cột “STT”"));
        }
        if (fields.keySet().stream().noneMatch(columns::containsKey)) {
            problems.add(new ImportProblem(1, "-", Kind.MISSING_COLUMN, "không có cột điểm nào để nhập (“Điểm năm "
                    + cycle.baselineYear() + "”, “Mục tiêu năm " + year + "” hoặc “Điểm hiện tại”)"));
        }
        throwIfAny(problems);
        Rows rows = rows(table, cycle, fields, problems);
        throwIfAny(problems);
        List<Change> changes = new ArrayList<>();
        for (CriterionView c : cycle.criteria()) {
            Map<String, BigDecimal> file = rows.values().get(c.code());
            if (file == null) {
                continue;
            }
            boolean parent = rows.parentCodes().contains(c.code());
            change(changes, c, "baselineScore", c.baselineScore(), file, rows, parent);
            change(changes, c, "targetScore", c.targetScore(), file, rows, parent);
            if (!parent) {
                change(changes, c, "currentScore", c.currentScore(), file, rows, false);
            }
        }
        List<Discrepancy> discrepancies = discrepancies(rows.values(), rows.parents(),
                List.of("baselineScore", "targetScore"));
        if (!dryRun) {
            Map<String, Long> ids = ids(cycle);
            for (Change change : changes) {
                scores.applyImported(user, ids.get(change.code()), change.field(), new BigDecimal(change.newValue()),
                        comment);
            }
        }
        return new Result(year, ImportKind.SCORES.name(), dryRun, 0, changes, discrepancies);
    }

    private Result appraisal(CurrentUser user, CsvTable table, int year, boolean dryRun, String comment) {
        CycleView cycle = openCycle(year);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = table.columnIndex();
        if (!columns.containsKey(PlanTableParser.CODE)) {
            problems.add(new ImportProblem(1, "STT", Kind.MISSING_COLUMN, "thiếu cột “STT”"));
        }
        if (!columns.containsKey(ColumnNames.APPRAISED)) {
            problems.add(new ImportProblem(1, "Điểm thẩm định", Kind.MISSING_COLUMN, "thiếu cột “Điểm thẩm định”"));
        }
        throwIfAny(problems);
        Rows rows = rows(table, cycle, Map.of(ColumnNames.APPRAISED, "appraisedScore"), problems);
        Integer reasonColumn = columns.get(ColumnNames.REASON);
        Map<String, String> reasons = new HashMap<>();
        Map<String, CriterionView> byCode = byCode(cycle);
        for (CsvTable.Row row : table.rows()) {
            String code = cell(row, columns.get(PlanTableParser.CODE));
            CriterionView c = byCode.get(code);
            if (c == null || rows.parentCodes().contains(code)) {
                continue;
            }
            String reason = reasonColumn == null ? null : cell(row, reasonColumn);
            if (reason != null && reason.length() > AppraisalService.MAX_REASON_LENGTH) {
                problems.add(new ImportProblem(row.line(), "Lý do", Kind.TEXT_TOO_LONG, "lý do dài quá "
                        + AppraisalService.MAX_REASON_LENGTH + " ký tự"));
                continue;
            }
            if (reason != null && reason.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
                problems.add(new ImportProblem(row.line(), "Lý do", Kind.TEXT_TOO_LONG, "lý do có ký tự điều khiển "
                        + "không hợp lệ"));
                continue;
            }
            reasons.put(code, reason == null || reason.isBlank() ? null : reason);
            BigDecimal appraised = rows.values().getOrDefault(code, Map.of()).get("appraisedScore");
            String kept = reason != null ? reasons.get(code) : c.appraisalReason();
            if (appraised != null && c.currentScore() != null && appraised.compareTo(c.currentScore()) < 0
                    && kept == null) {
                problems.add(new ImportProblem(row.line(), "Lý do", Kind.REASON_REQUIRED, "điểm thẩm định "
                        + show(appraised) + " thấp hơn điểm tự đánh giá " + show(c.currentScore())
                        + ": cần ghi lý do tỉnh trừ điểm"));
            }
        }
        throwIfAny(problems);
        List<Change> changes = new ArrayList<>();
        for (CriterionView c : cycle.criteria()) {
            if (rows.parentCodes().contains(c.code())) {
                continue;
            }
            BigDecimal appraised = rows.values().getOrDefault(c.code(), Map.of()).get("appraisedScore");
            if (appraised == null) {
                continue;
            }
            if (c.appraisedScore() == null || appraised.compareTo(c.appraisedScore()) != 0) {
                changes.add(new Change(c.code(), "appraisedScore", plain(c.appraisedScore()), plain(appraised)));
            }
            if (reasonColumn != null && !java.util.Objects.equals(reasons.get(c.code()), c.appraisalReason())) {
                changes.add(new Change(c.code(), "appraisalReason", c.appraisalReason(), reasons.get(c.code())));
            }
        }
        List<Discrepancy> discrepancies = discrepancies(rows.values(), rows.parents(), List.of("appraisedScore"));
        if (!dryRun) {
            Map<String, Long> ids = ids(cycle);
            Set<String> done = new HashSet<>();
            for (Change change : changes) {
                if (!done.add(change.code())) {
                    continue;
                }
                CriterionView c = byCode.get(change.code());
                BigDecimal appraised = rows.values().get(c.code()).get("appraisedScore");
                String reason = reasonColumn != null ? reasons.get(c.code()) : c.appraisalReason();
                appraisals.applyImported(user, ids.get(c.code()), appraised, reason, comment);
            }
        }
        return new Result(year, ImportKind.APPRAISAL.name(), dryRun, 0, changes, discrepancies);
    }

    /** The file's figures by code, every cell checked against the cycle. */
    private record Rows(Map<String, Map<String, BigDecimal>> values, Map<String, String> parents,
            Set<String> parentCodes, Map<String, BigDecimal> storedBaseline, Map<String, BigDecimal> storedTarget) {

        BigDecimal stored(String code, String field) {
            return (field.equals("baselineScore") ? storedBaseline : storedTarget).get(code);
        }
    }

    /**
     * Each node's figure as the appendix shows it (and so as its export prints it): its own where recorded, else the
     * sum of its parts' that have one (the rollup's rule), else none.
     */
    private static Map<String, BigDecimal> effective(CycleView cycle, String field) {
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

    private Rows rows(CsvTable table, CycleView cycle, Map<String, String> fields, List<ImportProblem> problems) {
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

    /**
     * A figure changed: a criterion's when the file's differs; a parent's only when the file's is not simply the sum
     * of its parts standing in for a figure the parent does not record (as the export prints every parent).
     */
    private static void change(List<Change> changes, CriterionView c, String field, BigDecimal recorded,
            Map<String, BigDecimal> file, Rows rows, boolean parent) {
        BigDecimal value = file.get(field);
        if (value == null || (recorded != null && recorded.compareTo(value) == 0)) {
            return;
        }
        if (parent && recorded == null) {
            // the figure the appendix shows for the parent, summed from its parts: not a figure of its own
            BigDecimal shown = rows.stored(c.code(), field);
            if (shown != null && shown.compareTo(value) == 0) {
                return;
            }
        }
        changes.add(new Change(c.code(), field, plain(recorded), plain(value)));
    }

    private static List<Discrepancy> discrepancies(Map<String, Map<String, BigDecimal>> values,
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
    private static BigDecimal sumOfParts(String code, String field, Map<String, Map<String, BigDecimal>> values,
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

    private CycleView openCycle(int year) {
        CycleView cycle = catalog.cycle(year).orElseThrow(() -> new PlanImportException(List.of(new ImportProblem(1,
                "-", Kind.NO_CYCLE, "chưa có kỳ đánh giá năm " + year))));
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", Kind.CYCLE_CLOSED, "kỳ đánh giá năm "
                    + year + " đã kết thúc: không nhập thêm được")));
        }
        return cycle;
    }

    /** Columns naming a year must name the cycle's: the baseline year's scores and weaknesses, this year's targets. */
    private static void checkYears(CsvTable table, int baselineYear, int year, List<ImportProblem> problems) {
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

    private static BigDecimal score(CsvTable.Row row, int index, String column, List<ImportProblem> problems) {
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

    private static String cell(CsvTable.Row row, Integer index) {
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index).strip();
    }

    private static Map<String, CriterionView> byCode(CycleView cycle) {
        Map<String, CriterionView> byCode = new HashMap<>();
        cycle.criteria().forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    private static Map<String, Long> ids(CycleView cycle) {
        Map<String, Long> ids = new HashMap<>();
        cycle.criteria().forEach(c -> ids.put(c.code(), c.id()));
        return ids;
    }

    private static void put(Map<String, BigDecimal> values, String field, BigDecimal value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    private static void throwIfAny(List<ImportProblem> problems) {
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.setScale(Scores.SCALE, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String show(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String shorten(String text, int length) {
        return text.length() > length ? text.substring(0, length) + "…" : text;
    }
}
