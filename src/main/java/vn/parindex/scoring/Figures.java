package vn.parindex.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A node's effective figures (recorded where published, else the sum of its parts) and what follows from them.
 * Exact decimals throughout; a figure that cannot be computed is null.
 *
 * @param appraised the province's appraised score (thẩm định): recorded on a criterion, summed on a parent only
 *        when every part has one (a partial sum is not an official figure)
 * @param projection where this year is heading: for a criterion its current score where assessed, otherwise last
 *        year's; for a parent its official baseline moved by the changes of its assessed criteria (so before any
 *        assessment the projection is exactly the published baseline)
 */
public record Figures(BigDecimal max, BigDecimal baseline, BigDecimal target, BigDecimal current,
        BigDecimal projection, BigDecimal appraised) {

    /** Figures the province has not appraised (yet). */
    public Figures(BigDecimal max, BigDecimal baseline, BigDecimal target, BigDecimal current,
            BigDecimal projection) {
        this(max, baseline, target, current, projection, null);
    }

    /**
     * The official result: the province's appraised score once published (for a parent, once every part is
     * appraised or the parent's own is recorded); null before.
     */
    public BigDecimal official() {
        return appraised;
    }

    /** Points the province deducted: current − appraised, null unless both exist. */
    public BigDecimal deduction() {
        return appraised == null || current == null ? null : current.subtract(appraised);
    }

    /** Figures of a criterion without parts: the projection is the current score where assessed, else baseline. */
    public Figures(BigDecimal max, BigDecimal baseline, BigDecimal target, BigDecimal current) {
        this(max, baseline, target, current, current != null ? current : baseline);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Baseline as a percentage of the maximum, 2 decimals, half-up. */
    public BigDecimal baselinePercent() {
        return percent(baseline, max);
    }

    public BigDecimal targetPercent() {
        return percent(target, max);
    }

    public BigDecimal currentPercent() {
        return percent(current, max);
    }

    /** Planned gain: target − baseline. */
    public BigDecimal targetGain() {
        return target == null || baseline == null ? null : target.subtract(baseline);
    }

    /** The planned gain rounded half-up to whole points, as the plan prints it ({@code + 3}, {@code 0}). */
    public BigDecimal targetGainRounded() {
        BigDecimal gain = targetGain();
        return gain == null ? null : gain.setScale(0, RoundingMode.HALF_UP);
    }

    /** Whether a current (assessed) figure exists. */
    public boolean assessed() {
        return current != null;
    }

    /** Remaining to target: target − projection (target − current once assessed, target − baseline before). */
    public BigDecimal remainingToTarget() {
        return target == null || projection == null ? null : target.subtract(projection);
    }

    /** Points still recoverable: max − projection (max − current once assessed, max − baseline before). */
    public BigDecimal recoverable() {
        return max == null || projection == null ? null : max.subtract(projection);
    }

    public BigDecimal projectionPercent() {
        return percent(projection, max);
    }

    static BigDecimal percent(BigDecimal score, BigDecimal max) {
        if (score == null || max == null || max.signum() == 0) {
            return null;
        }
        return score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }
}
