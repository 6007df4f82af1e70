package vn.parindex.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * A criterion as read: its recorded figures and its effective lead and coordinating units (its own, or the
 * nearest ancestor's when it names none). The coordinating units hold every active commune when the criterion (or
 * the ancestor it inherits them from) names all communes; {@code allCommunesCoordinate} is the criterion's own flag.
 */
public record CriterionView(long id, String code, String parentCode, int level, int position, String name,
        BigDecimal maxScore, BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore,
        Integer recordedChange, ScoringMethod scoringMethod, String weakness, long version,
        List<UnitRef> leadUnits, boolean leadUnitsInherited, List<UnitRef> coordinatingUnits,
        BigDecimal appraisedScore, String appraisalReason, boolean allCommunesCoordinate) {

    /** A criterion that does not name all communes as coordinating units. */
    public CriterionView(long id, String code, String parentCode, int level, int position, String name,
            BigDecimal maxScore, BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore,
            Integer recordedChange, ScoringMethod scoringMethod, String weakness, long version,
            List<UnitRef> leadUnits, boolean leadUnitsInherited, List<UnitRef> coordinatingUnits,
            BigDecimal appraisedScore, String appraisalReason) {
        this(id, code, parentCode, level, position, name, maxScore, baselineScore, targetScore, currentScore,
                recordedChange, scoringMethod, weakness, version, leadUnits, leadUnitsInherited, coordinatingUnits,
                appraisedScore, appraisalReason, false);
    }

    /** A criterion the province has not appraised (yet). */
    public CriterionView(long id, String code, String parentCode, int level, int position, String name,
            BigDecimal maxScore, BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore,
            Integer recordedChange, ScoringMethod scoringMethod, String weakness, long version,
            List<UnitRef> leadUnits, boolean leadUnitsInherited, List<UnitRef> coordinatingUnits) {
        this(id, code, parentCode, level, position, name, maxScore, baselineScore, targetScore, currentScore,
                recordedChange, scoringMethod, weakness, version, leadUnits, leadUnitsInherited, coordinatingUnits,
                null, null, false);
    }

    /**
     * The year's official result: the province's appraised score where published, else the current (self-assessed
     * and reviewed) score; null when neither exists.
     */
    public BigDecimal officialScore() {
        return appraisedScore != null ? appraisedScore : currentScore;
    }

    /** Points the province deducted from the self-assessed score: current − appraised, null unless both exist. */
    public BigDecimal deduction() {
        return appraisedScore == null || currentScore == null ? null : currentScore.subtract(appraisedScore);
    }

    public boolean isSurvey() {
        return scoringMethod == ScoringMethod.SURVEY;
    }
}
