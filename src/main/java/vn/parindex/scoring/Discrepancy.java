package vn.parindex.scoring;

import java.math.BigDecimal;

/**
 * A published figure that disagrees with its parts: the recorded figure is kept (official figures win) and
 * the difference is reported.
 *
 * @param code the node's code, or {@code TOTAL} for the total row
 * @param field which figure
 * @param recorded the figure as published
 * @param sumOfParts the sum of the children's figures (for the change column: the rounded target gain)
 */
public record Discrepancy(String code, ScoreField field, BigDecimal recorded, BigDecimal sumOfParts) {

    /** Recorded minus sum of parts. */
    public BigDecimal difference() {
        return recorded.subtract(sumOfParts);
    }
}
