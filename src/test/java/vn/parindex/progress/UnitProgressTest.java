package vn.parindex.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.organisation.UnitName;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;

class UnitProgressTest {

    static ScoreRow row(long id, String max, String baseline, String target, String current) {
        CriterionView c = new CriterionView(id, "1." + id, "1", 2, (int) id, "Tiêu chí " + id, new BigDecimal(max),
                new BigDecimal(baseline), new BigDecimal(target), current == null ? null : new BigDecimal(current),
                null, ScoringMethod.SELF_ASSESSMENT, null, 0, List.of(), false, List.of());
        return new ScoreRow(c, new Figures(c.maxScore(), c.baselineScore(), c.targetScore(), c.currentScore()));
    }

    final UnitName unit = new UnitName(7, "TUPHAP", "Phòng Tư pháp");

    @Test
    void sumsTheLedCriteriaAndCountsTheirState() {
        List<ScoreRow> leading = List.of(row(1, "3", "2.8919", "3", null), row(2, "2", "1.5", "2", "1.75"),
                row(3, "1.5", "1.5", "1.5", null));
        UnitProgress p = UnitProgress.of(unit, leading, List.of(row(4, "1", "0", "1", null)),
                Map.of(2L, AssessmentStatus.APPROVED, 1L, AssessmentStatus.SUBMITTED, 3L, AssessmentStatus.RETURNED));
        assertThat(p.figures().max()).isEqualByComparingTo("6.5");
        assertThat(p.figures().baseline()).isEqualByComparingTo("5.8919");
        assertThat(p.figures().target()).isEqualByComparingTo("6.5");
        assertThat(p.figures().current()).as("only what is assessed").isEqualByComparingTo("1.75");
        assertThat(p.figures().projection()).isEqualByComparingTo("6.1419");
        assertThat(p.figures().remainingToTarget()).isEqualByComparingTo("0.3581");
        assertThat(p.assessed()).isEqualTo(1);
        assertThat(p.belowTarget()).isEqualTo(2);
        assertThat(p.awaitingReview()).isEqualTo(1);
        assertThat(p.returned()).isEqualTo(1);
        assertThat(p.coordinating()).hasSize(1);
    }

    @Test
    void aUnitLeadingNothingHasNoFigures() {
        UnitProgress p = UnitProgress.of(unit, List.of(), List.of(), Map.of());
        assertThat(p.figures().max()).isNull();
        assertThat(p.figures().projection()).isNull();
        assertThat(p.figures().remainingToTarget()).isNull();
        assertThat(p.assessed()).isZero();
    }
}
