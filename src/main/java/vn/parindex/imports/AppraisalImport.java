package vn.parindex.imports;

import static vn.parindex.imports.ImportTables.byCode;
import static vn.parindex.imports.ImportTables.cell;
import static vn.parindex.imports.ImportTables.discrepancies;
import static vn.parindex.imports.ImportTables.ids;
import static vn.parindex.imports.ImportTables.openCycle;
import static vn.parindex.imports.ImportTables.plain;
import static vn.parindex.imports.ImportTables.put;
import static vn.parindex.imports.ImportTables.rows;
import static vn.parindex.imports.ImportTables.show;
import static vn.parindex.imports.ImportTables.throwIfAny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.parindex.appraisal.AppraisalService;
import vn.parindex.criteria.CriteriaCatalog;
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
 * The province's appraisal imported into an open cycle: the appraised score of each criterion without parts and the
 * reason, required where the province scored below the self-assessment; applied through
 * {@link AppraisalService#applyImported} (its rules and record).
 */
@Component
class AppraisalImport {

    private final CriteriaCatalog catalog;
    private final AppraisalService appraisals;

    AppraisalImport(CriteriaCatalog catalog, AppraisalService appraisals) {
        this.catalog = catalog;
        this.appraisals = appraisals;
    }

    Result run(CurrentUser user, CsvTable table, int year, boolean dryRun, String comment) {
        CycleView cycle = openCycle(catalog, year);
        // where the province appraises the year itself, a body's own table is refused whole
        appraisals.requireMayAppraise(user, year, 0);
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
}
