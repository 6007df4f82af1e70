package vn.parindex.imports;

import static vn.parindex.imports.ImportTables.checkYears;
import static vn.parindex.imports.ImportTables.discrepancies;
import static vn.parindex.imports.ImportTables.ids;
import static vn.parindex.imports.ImportTables.openCycle;
import static vn.parindex.imports.ImportTables.plain;
import static vn.parindex.imports.ImportTables.put;
import static vn.parindex.imports.ImportTables.rows;
import static vn.parindex.imports.ImportTables.throwIfAny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleView;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.ImportService.Change;
import vn.parindex.imports.ImportService.Discrepancy;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.imports.ImportService.Result;
import vn.parindex.imports.ImportTables.Rows;
import vn.parindex.security.CurrentUser;

/**
 * An open cycle's figures imported: baseline, target and current scores, each change old → new, applied through
 * {@link CriterionScoreService#applyImported} (its rules and record).
 */
@Component
class ScoresImport {

    private final CriteriaCatalog catalog;
    private final CriterionScoreService scores;

    ScoresImport(CriteriaCatalog catalog, CriterionScoreService scores) {
        this.catalog = catalog;
        this.scores = scores;
    }

    Result run(CurrentUser user, CsvTable table, int year, boolean dryRun, String comment) {
        CycleView cycle = openCycle(catalog, year);
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
}
