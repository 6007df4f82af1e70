package vn.parindex.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * A criterion as read: its recorded figures and its effective lead and coordinating units (its own, or the
 * nearest ancestor's when it names none).
 */
public record CriterionView(long id, String code, String parentCode, int level, int position, String name,
        BigDecimal maxScore, BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore,
        Integer recordedChange, ScoringMethod scoringMethod, String weakness, long version,
        List<UnitRef> leadUnits, boolean leadUnitsInherited, List<UnitRef> coordinatingUnits) {

    public boolean isSurvey() {
        return scoringMethod == ScoringMethod.SURVEY;
    }
}
