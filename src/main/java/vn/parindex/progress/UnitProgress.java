package vn.parindex.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.organisation.UnitName;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;

/**
 * Where one unit stands: the criteria it leads (tiêu chí chủ trì) and coordinates, and the sums of the led
 * criteria's figures — what the unit is answerable for.
 *
 * @param figures sums over the led criteria (a figure is null when no led criterion has it)
 * @param assessed led criteria with a current (accepted) score
 * @param awaitingReview led criteria whose latest submission awaits review
 * @param returned led criteria whose latest submission was returned
 * @param belowTarget led criteria whose projection is below their target
 */
public record UnitProgress(UnitName unit, List<ScoreRow> leading, List<ScoreRow> coordinating, Figures figures,
        int assessed, int awaitingReview, int returned, int belowTarget) {

    /** The progress of a unit over the given criteria (without parts), in linear time. */
    public static UnitProgress of(UnitName unit, List<ScoreRow> leading, List<ScoreRow> coordinating,
            Map<Long, AssessmentStatus> statuses) {
        BigDecimal max = null;
        BigDecimal baseline = null;
        BigDecimal target = null;
        BigDecimal current = null;
        BigDecimal projection = null;
        int assessed = 0;
        int awaiting = 0;
        int returned = 0;
        int below = 0;
        for (ScoreRow row : leading) {
            Figures f = row.figures();
            max = add(max, f.max());
            baseline = add(baseline, f.baseline());
            target = add(target, f.target());
            current = add(current, f.current());
            projection = add(projection, f.projection());
            if (f.assessed()) {
                assessed++;
            }
            if (f.remainingToTarget() != null && f.remainingToTarget().signum() > 0) {
                below++;
            }
            AssessmentStatus status = statuses.get(row.criterion().id());
            if (status == AssessmentStatus.SUBMITTED) {
                awaiting++;
            } else if (status == AssessmentStatus.RETURNED) {
                returned++;
            }
        }
        return new UnitProgress(unit, List.copyOf(leading), List.copyOf(coordinating),
                new Figures(max, baseline, target, current, projection), assessed, awaiting, returned, below);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : sum.add(value);
    }
}
