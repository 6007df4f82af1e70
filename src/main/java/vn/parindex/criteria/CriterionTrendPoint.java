package vn.parindex.criteria;

import java.math.BigDecimal;

/**
 * A criterion's figures in one cycle on record, found through the criteria it continues or by its code: last year's official score (baseline), the
 * target and the current score. The name is given because a code may name a reworded criterion in another year.
 */
public record CriterionTrendPoint(int year, int baselineYear, String name, BigDecimal maxScore,
        BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore, BigDecimal appraisedScore,
        String code) {

    /** The year's official result: appraised where published, else current. */
    public BigDecimal officialScore() {
        return appraisedScore != null ? appraisedScore : currentScore;
    }
}
