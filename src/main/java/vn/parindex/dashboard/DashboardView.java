package vn.parindex.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;

/**
 * What leadership reads on the dashboard: the scoreboard, the forecast against the other districts, the
 * points at stake and the warnings.
 *
 * @param forecastRank the rank the projection would earn (null without the other districts' totals)
 * @param pointsForTargetRank points the projection still needs for the target rank
 * @param byRecoverable criteria without parts, most recoverable points (max − projection) first
 * @param byGap criteria below their target, largest gap (target − projection) first
 * @param statuses the latest assessment's status by criterion id
 */
public record DashboardView(Scoreboard board, Integer forecastRank, Integer districtCount,
        BigDecimal pointsForTargetRank, BigDecimal average, List<ScoreRow> byRecoverable, List<ScoreRow> byGap,
        Map<Long, AssessmentStatus> statuses, long awaitingReview, List<BigDecimal> peerTotals) {

    public List<ScoreRow> topRecoverable(int count) {
        return byRecoverable.subList(0, Math.min(count, byRecoverable.size()));
    }

    public boolean hasForecast() {
        return forecastRank != null;
    }
}
