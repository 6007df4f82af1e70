package vn.parindex.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.Scores;
import vn.parindex.criteria.UnitRef;

/**
 * Self-assessment against the province's appraisal (thẩm định): every criterion where the province deducted points,
 * with its reason and lead unit — where next year's plan starts.
 */
@Service
public class Reconciliation {

    private final CriteriaCatalog catalog;

    Reconciliation(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A criterion the province scored below the self-assessment.
     *
     * @param deduction self-assessed − appraised (positive)
     */
    public record Row(String code, String name, BigDecimal maxScore, BigDecimal selfAssessedScore,
            BigDecimal appraisedScore, BigDecimal deduction, String reason, List<String> leadUnits) {
    }

    /**
     * The reconciliation of a cycle.
     *
     * @param criteriaCount criteria scored (without parts)
     * @param appraisedCount of those, how many the province has appraised
     * @param selfAssessedTotal the sum of the appraised criteria's self-assessed scores (where both exist)
     * @param appraisedTotal the sum of the same criteria's appraised scores
     */
    public record View(int year, CycleStatus status, int criteriaCount, int appraisedCount,
            BigDecimal selfAssessedTotal, BigDecimal appraisedTotal, BigDecimal deductedTotal, List<Row> rows) {
    }

    public Optional<View> of(int year) {
        return catalog.cycle(year).map(Reconciliation::of);
    }

    static View of(CycleView cycle) {
        Set<String> parents = new HashSet<>();
        cycle.criteria().forEach(c -> {
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        });
        int leaves = 0;
        int appraised = 0;
        BigDecimal self = BigDecimal.ZERO.setScale(Scores.SCALE);
        BigDecimal official = BigDecimal.ZERO.setScale(Scores.SCALE);
        List<Row> rows = new ArrayList<>();
        for (CriterionView c : cycle.criteria()) {
            if (parents.contains(c.code())) {
                continue;
            }
            leaves++;
            if (c.appraisedScore() == null) {
                continue;
            }
            appraised++;
            if (c.currentScore() != null) {
                self = self.add(c.currentScore());
                official = official.add(c.appraisedScore());
            }
            BigDecimal deduction = c.deduction();
            if (deduction != null && deduction.signum() > 0) {
                rows.add(new Row(c.code(), c.name(), c.maxScore(), c.currentScore(), c.appraisedScore(), deduction,
                        c.appraisalReason(), c.leadUnits().stream().map(UnitRef::name).toList()));
            }
        }
        return new View(cycle.year(), cycle.status(), leaves, appraised, self, official, self.subtract(official),
                List.copyOf(rows));
    }
}
