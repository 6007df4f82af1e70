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

    FrameworkImport(PlanImporter importer) {
        this.importer = importer;
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
