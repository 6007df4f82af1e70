package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRef;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.web.VietnameseNumbers;

/** The points page's rows are written out before rendering: figures, unit names and status keys. */
class PointsRowTest {

    private static ScoreRow row(long id, String code, ScoringMethod method, List<UnitRef> leads, String max,
            String projection, String target) {
        CriterionView c = new CriterionView(id, code, "2", 2, 1, "Tiêu chí " + code, new BigDecimal(max), null,
                new BigDecimal(target), new BigDecimal(projection), null, method, null, 0, leads, false, List.of());
        return new ScoreRow(c, new Figures(new BigDecimal(max), null, new BigDecimal(target),
                new BigDecimal(projection)));
    }

    @Test
    void eachRowCarriesTheFormattedAmountTheJoinedLeadsAndTheStatusKey() {
        List<UnitRef> two = List.of(new UnitRef(1, "TUPHAP", "Phòng Tư pháp"), new UnitRef(2, "NOIVU", "Phòng Nội vụ"));
        ScoreRow led = row(10, "2.2", ScoringMethod.SELF_ASSESSMENT, two, "2.5", "1.25", "2");
        ScoreRow survey = row(11, "2.3", ScoringMethod.SURVEY, List.of(), "1", "0.5", "0.75");
        Map<Long, AssessmentStatus> statuses = Map.of(10L, AssessmentStatus.SUBMITTED);

        List<PointsRow> recoverable = PointsRow.of(List.of(led, survey), true, statuses, new VietnameseNumbers());
        assertThat(recoverable).containsExactly(
                new PointsRow("2.2", "Tiêu chí 2.2", "1,2500", false, "Phòng Tư pháp; Phòng Nội vụ",
                        "assessment.status.SUBMITTED"),
                new PointsRow("2.3", "Tiêu chí 2.3", "0,5000", true, "", null));

        List<PointsRow> gaps = PointsRow.of(List.of(led), false, Map.of(), new VietnameseNumbers());
        assertThat(gaps).containsExactly(new PointsRow("2.2", "Tiêu chí 2.2", "0,7500", false,
                "Phòng Tư pháp; Phòng Nội vụ", null));
    }
}
