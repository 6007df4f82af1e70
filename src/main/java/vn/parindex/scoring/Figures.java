package vn.parindex.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A node's effective figures (recorded where published, else the sum of its parts) and what follows from them.
 * Exact decimals throughout; a figure that cannot be computed is null.
 */
public record Figures(BigDecimal max, BigDecimal baseline, BigDecimal target, BigDecimal current) {

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

    /** What this year stands at: the current figure where assessed, else last year's. */
    public BigDecimal standing() {
        return current != null ? current : baseline;
    }

    /** Remaining to target: target − current (target − baseline before any assessment). */
    public BigDecimal remainingToTarget() {
        BigDecimal standing = standing();
        return target == null || standing == null ? null : target.subtract(standing);
    }

    /** Points still recoverable: max − current (max − baseline before any assessment). */
    public BigDecimal recoverable() {
        BigDecimal standing = standing();
        return max == null || standing == null ? null : max.subtract(standing);
    }

    static BigDecimal percent(BigDecimal score, BigDecimal max) {
        if (score == null || max == null || max.signum() == 0) {
            return null;
        }
        return score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }
}
