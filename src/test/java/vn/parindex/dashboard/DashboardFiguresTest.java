package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.scoring.RecordedFigures;
import vn.parindex.scoring.ScoreRollup;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;

/**
 * The dashboard's figures from a small hand-made cycle, without Spring or a database ({@code DashboardService.view}
 * is pure): forecast rank, points the target rank needs, the two lists and their order, the counts.
 */
class DashboardFiguresTest {

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** Domain 1 (criteria 1.1–1.4) and domain 2 (2.1, 2.2); 1.3 and 2.1 assessed. */
    static final String[][] TREE = {
            // code, parent, max, baseline, target, current
            {"1", null, null, null, null, null},
            {"1.1", "1", "3", "2", "3", null},
            {"1.2", "1", "2", "0.5", "1.5", null},
            {"1.3", "1", "2.5", "1", "2", "2.5"},
            {"1.4", "1", "1", "1", "1", null},
            {"2", null, null, null, null, null},
            {"2.1", "2", "4", "3", "4", "2"},
            {"2.2", "2", "2.5", "1", "2", null}};

    static Scoreboard board(Integer targetRank, Integer districtCount) {
        List<CriterionView> criteria = new ArrayList<>();
        List<RecordedFigures> nodes = new ArrayList<>();
        long id = 1;
        for (String[] n : TREE) {
            criteria.add(new CriterionView(id++, n[0], n[1], n[1] == null ? 1 : 2, (int) id, "Tiêu chí " + n[0],
                    d(n[2]), d(n[3]), d(n[4]), d(n[5]), null, ScoringMethod.SELF_ASSESSMENT, null, 0, List.of(), false,
                    List.of()));
            nodes.add(new RecordedFigures(n[0], n[1], d(n[2]), d(n[3]), d(n[4]), d(n[5]), null));
        }
        CycleView cycle = new CycleView(1, 2023, 2022, CycleStatus.ACTIVE, "Kế hoạch 2023", null, null, null, null, 8,
                targetRank, districtCount, "Tân Yên", criteria);
        ScoreRollup.Result result = ScoreRollup.rollUp(nodes, null);
        List<ScoreRow> rows = criteria.stream().map(c -> new ScoreRow(c, result.figures().get(c.code()))).toList();
        return new Scoreboard(cycle, rows, result.total(), result.discrepancies());
    }

    static List<String> codes(List<ScoreRow> rows) {
        return rows.stream().map(ScoreRow::code).toList();
    }

    @Test
    void theTotalsAndProjectionFollowTheTree() {
        Scoreboard board = board(3, 10);
        // baseline 2 + 0.5 + 1 + 1 + 3 + 1 = 8.5; assessed: 1.3 +1.5, 2.1 −1 → projection 9
        assertThat(board.total().max()).isEqualByComparingTo("15");
        assertThat(board.total().baseline()).isEqualByComparingTo("8.5");
        assertThat(board.total().target()).isEqualByComparingTo("13.5");
        assertThat(board.total().current()).isEqualByComparingTo("4.5");
        assertThat(board.total().projection()).isEqualByComparingTo("9");
        assertThat(board.leafCount()).isEqualTo(6);
        assertThat(board.assessedLeafCount()).isEqualTo(2);
    }

    @Test
    void theForecastRankAndThePointsForTheTargetRankComeFromTheProjection() {
        List<BigDecimal> peers = List.of(d("12"), d("10"), d("9.5"), d("9"), d("7"));
        DashboardView view = DashboardService.view(board(3, 10), peers, Map.of());
        // projection 9: 12, 10 and 9.5 are above; 9 ties
        assertThat(view.forecastRank()).isEqualTo(4);
        assertThat(view.hasForecast()).isTrue();
        assertThat(view.districtCount()).as("the other districts plus this one").isEqualTo(6);
        // rank 3 is held by 9.5
        assertThat(view.pointsForTargetRank()).isEqualByComparingTo("0.5");
        // (12 + 10 + 9.5 + 9 + 7 + 8.5 baseline) / 6
        assertThat(view.average()).isEqualByComparingTo("9.3333");
    }

    @Test
    void topRecoverableIsMaximumMinusProjectionLargestFirstThenByCode() {
        DashboardView view = DashboardService.view(board(3, 10), List.of(), Map.of());
        // recoverable: 1.1 1, 1.2 1.5, 1.3 0 (assessed 2.5 of 2.5), 1.4 0, 2.1 2 (assessed 2 of 4), 2.2 1.5
        assertThat(codes(view.byRecoverable())).containsExactly("2.1", "1.2", "2.2", "1.1");
        assertThat(codes(view.topRecoverable(2))).containsExactly("2.1", "1.2");
        assertThat(codes(view.topRecoverable(10))).hasSize(4);
    }

    @Test
    void theGapListHoldsCriteriaBelowTargetLargestFirst() {
        DashboardView view = DashboardService.view(board(3, 10), List.of(), Map.of());
        // target − projection: 1.1 1, 1.2 1, 1.3 −0.5, 1.4 0, 2.1 2, 2.2 1
        assertThat(codes(view.byGap())).containsExactly("2.1", "1.1", "1.2", "2.2");
        assertThat(view.byGap()).noneMatch(ScoreRow::isDomain);
    }

    @Test
    void withoutOtherDistrictsThereIsNoForecastAndThePlansDistrictCountIsShown() {
        DashboardView view = DashboardService.view(board(3, 10), List.of(), Map.of());
        assertThat(view.forecastRank()).isNull();
        assertThat(view.hasForecast()).isFalse();
        assertThat(view.pointsForTargetRank()).isNull();
        assertThat(view.districtCount()).isEqualTo(10);
        assertThat(view.average()).isNull();
    }

    @Test
    void withoutATargetRankNoPointsAreAskedFor() {
        DashboardView view = DashboardService.view(board(null, 10), List.of(d("12"), d("8")), Map.of());
        assertThat(view.forecastRank()).isEqualTo(2);
        assertThat(view.pointsForTargetRank()).isNull();
    }

    @Test
    void awaitingReviewCountsOnlyLatestSubmissions() {
        Map<Long, AssessmentStatus> statuses = new HashMap<>();
        statuses.put(2L, AssessmentStatus.SUBMITTED);
        statuses.put(3L, AssessmentStatus.RETURNED);
        statuses.put(4L, AssessmentStatus.APPROVED);
        statuses.put(7L, AssessmentStatus.SUBMITTED);
        DashboardView view = DashboardService.view(board(3, 10), List.of(), statuses);
        assertThat(view.awaitingReview()).isEqualTo(2);
        assertThat(view.statuses()).containsEntry(3L, AssessmentStatus.RETURNED);
        assertThat(DashboardService.view(board(3, 10), List.of(), Map.of()).awaitingReview()).isZero();
    }

    @Test
    void aDistrictAlreadyAtItsTargetRankNeedsNothing() {
        DashboardView view = DashboardService.view(board(3, 10), List.of(d("12"), d("8.9"), d("5")), Map.of());
        assertThat(view.forecastRank()).isEqualTo(2);
        assertThat(view.pointsForTargetRank()).isEqualByComparingTo("0");
    }
}
