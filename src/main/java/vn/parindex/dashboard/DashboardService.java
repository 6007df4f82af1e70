package vn.parindex.dashboard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import vn.parindex.criteria.Cycle;
import vn.parindex.ranking.PeerLine;
import vn.parindex.ranking.RankForecast;
import vn.parindex.ranking.RankingService;
import vn.parindex.assessment.AssessmentService;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.web.Caches;

/**
 * Builds the dashboard from a fixed number of statements (the tree, its unit links, the other districts, the
 * latest assessments) and computes everything else in memory, in linear time plus the sorting of the lists.
 * Outside a writing transaction the result is kept in the {@value Caches#DASHBOARDS} cache under the cycle and
 * the data revision (like the scoreboard): the latest statuses of a large cycle (10 000
 * assessments) are then read once per change, not once per request.
 */
@Service
public class DashboardService {

    private final ScoreboardService scoreboards;
    private final RankingService ranking;
    private final AssessmentService assessments;

    DashboardService(ScoreboardService scoreboards, RankingService ranking, AssessmentService assessments) {
        this.scoreboards = scoreboards;
        this.ranking = ranking;
        this.assessments = assessments;
    }

    /** The dashboard of a cycle: kept while its data revision is current (none of its statements then). */
    @Cacheable(cacheNames = Caches.DASHBOARDS, key = "#cycle.id", sync = true)
    public DashboardView build(Cycle cycle) {
        // each read in a transaction of its own, each at least as new as the revision read before
        Scoreboard board = scoreboards.forCycle(cycle);
        List<BigDecimal> peers = ranking.peers(cycle.getId()).stream().map(PeerLine::total).toList();
        Map<Long, AssessmentStatus> statuses = assessments.latestStatuses(cycle.getId());
        return view(board, peers, statuses);
    }

    static DashboardView view(Scoreboard board, List<BigDecimal> peers, Map<Long, AssessmentStatus> statuses) {
        RankForecast forecast = new RankForecast(peers);
        Figures total = board.total();
        Integer targetRank = board.cycle().targetRank();
        List<ScoreRow> leaves = board.rows().stream().filter(r -> board.children(r.code()).isEmpty()).toList();
        List<ScoreRow> byRecoverable = leaves.stream()
                .filter(r -> r.figures().recoverable() != null && r.figures().recoverable().signum() > 0)
                .sorted(Comparator.comparing((ScoreRow r) -> r.figures().recoverable()).reversed()
                        .thenComparing(ScoreRow::code, vn.parindex.criteria.CriterionCode.NATURAL_ORDER))
                .toList();
        List<ScoreRow> byGap = leaves.stream()
                .filter(r -> r.figures().remainingToTarget() != null && r.figures().remainingToTarget().signum() > 0)
                .sorted(Comparator.comparing((ScoreRow r) -> r.figures().remainingToTarget()).reversed()
                        .thenComparing(ScoreRow::code, vn.parindex.criteria.CriterionCode.NATURAL_ORDER))
                .toList();
        long awaiting = statuses.values().stream().filter(s -> s == AssessmentStatus.SUBMITTED).count();
        // once the province has appraised every criterion, its total is the official result the rank goes by
        BigDecimal standing = total.official() != null ? total.official() : total.projection();
        return new DashboardView(board, forecast.rankOf(standing),
                forecast.isEmpty() ? board.cycle().districtCount() : Integer.valueOf(forecast.districtCount()),
                targetRank == null ? null : forecast.pointsNeededFor(targetRank, standing),
                forecast.averageWith(total.baseline()), byRecoverable, byGap, statuses, awaiting, peers);
    }
}
