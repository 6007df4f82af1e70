package vn.parindex.scoring;

import java.math.BigDecimal;

/**
 * The figures recorded on one node of a criteria tree, as input of the rollup; any may be null (not recorded).
 *
 * @param parentCode the parent's code, null for a domain (its parent is the total)
 * @param recordedChange the printed change column, whole points
 */
public record RecordedFigures(String code, String parentCode, BigDecimal max, BigDecimal baseline,
        BigDecimal target, BigDecimal current, Integer recordedChange, BigDecimal appraised) {

    /** Figures without an appraisal. */
    public RecordedFigures(String code, String parentCode, BigDecimal max, BigDecimal baseline, BigDecimal target,
            BigDecimal current, Integer recordedChange) {
        this(code, parentCode, max, baseline, target, current, recordedChange, null);
    }
}
