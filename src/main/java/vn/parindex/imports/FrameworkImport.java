package vn.parindex.imports;

import static vn.parindex.imports.ImportTables.YEAR_COLUMN;
import static vn.parindex.imports.ImportTables.checkYears;
import static vn.parindex.imports.ImportTables.discrepancies;
import static vn.parindex.imports.ImportTables.put;
import static vn.parindex.imports.ImportTables.throwIfAny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.ImportService.Change;
import vn.parindex.imports.ImportService.Discrepancy;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.imports.ImportService.Result;

/**
 * A framework imported as a new cycle (in planning): the criteria tree with its maxima and, where given, baseline,
 * targets and lead units, checked by {@link PlanImporter}; the preview lists every criterion created.
 */
@Component
class FrameworkImport {

    private final PlanImporter importer;
    private final vn.parindex.index.IndexService indexes;

    FrameworkImport(PlanImporter importer, vn.parindex.index.IndexService indexes) {
        this.importer = importer;
        this.indexes = indexes;
    }

    /** The sum of a level's domains: a framework of the province's index is out of 100. */
    static final BigDecimal FRAMEWORK_TOTAL = new BigDecimal("100");

    /**
     * A level's framework of the year for the province's index (codes, names, maxima; any other column is ignored):
     * out of 100, each node's parts adding up to its own maximum exactly (a body's score is the sum of its leaves).
     * Kept by {@code index} unless {@code dryRun}; the preview lists every node.
     */
    Result runForLevel(vn.parindex.security.CurrentUser user, CsvTable table, int year,
            vn.parindex.organisation.BodyLevel level, Boolean scaleTo100, boolean dryRun, String fileName) {
        PlanImportRequest request = new PlanImportRequest(year, year - 1, CycleStatus.PLANNING, null, Map.of(),
                Map.of());
        PlanTableParser.Plan plan = importer.checkLevelFramework(table, request);
        if (plan.nodes().size() > vn.parindex.index.IndexService.MAX_FRAMEWORK_NODES) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", Kind.TOO_MANY_ROWS, "khung có "
                    + plan.nodes().size() + " dòng, nhiều hơn " + vn.parindex.index.IndexService.MAX_FRAMEWORK_NODES)));
        }
        List<ImportProblem> problems = new ArrayList<>();
        for (PlanTableParser.Node node : plan.nodes()) {
            // one spelling per code: the province's codes are compared exactly, across every body's cycle
            if (!node.code().equals(node.code().toUpperCase(java.util.Locale.ROOT))) {
                problems.add(new ImportProblem(node.line(), PlanTableParser.CODE, Kind.INVALID_CODE, "mã '"
                        + node.code() + "' phải viết hoa"));
            }
        }
        throwIfAny(problems);
        Map<String, BigDecimal> parts = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (PlanTableParser.Node node : plan.nodes()) {
            if (node.parentCode() == null) {
                total = total.add(node.max());
            } else {
                parts.merge(node.parentCode(), node.max(), BigDecimal::add);
            }
        }
        for (PlanTableParser.Node node : plan.nodes()) {
            BigDecimal sum = parts.get(node.code());
            if (sum != null && sum.compareTo(node.max()) != 0) {
                problems.add(new ImportProblem(node.line(), PlanTableParser.MAX, Kind.DIFFERENT_MAXIMUM,
                        "điểm tối đa của các tiêu chí thuộc '" + node.code() + "' cộng lại là " + plain(sum)
                                + ", khác điểm tối đa " + plain(node.max()) + " của nó"));
            }
        }
        if (total.compareTo(FRAMEWORK_TOTAL) != 0) {
            problems.add(new ImportProblem(1, PlanTableParser.MAX, Kind.DIFFERENT_MAXIMUM,
                    "tổng điểm tối đa của các lĩnh vực là " + plain(total) + ", không phải 100"));
        }
        throwIfAny(problems);
        List<Change> changes = new ArrayList<>();
        List<vn.parindex.index.IndexService.FrameworkNode> nodes = new ArrayList<>();
        for (PlanTableParser.Node node : plan.nodes()) {
            changes.add(new Change(node.code(), "criterion", null, node.name()));
            nodes.add(new vn.parindex.index.IndexService.FrameworkNode(node.code(), node.parentCode(),
                    node.position(), node.name(), node.max()));
        }
        if (!dryRun) {
            indexes.keepFramework(user, year, level, nodes, scaleTo100, fileName);
        }
        return new Result(year, ImportKind.FRAMEWORK.name(), dryRun, plan.nodes().size(), changes, List.of());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    Result run(CsvTable table, int year, boolean dryRun) {
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
}
