package vn.parindex.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.CycleView;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.scoring.ApiJson.UnitJson;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.KeptJson;
import vn.parindex.criteria.Cycle;

/** Read API: what the dashboard shows, as figures (HTTP Basic like the rest of {@code /api/v1}). */
@RestController
@Tag(name = "Dashboard", description = "What the dashboard shows, as figures")
class DashboardApiController {

    /** A criterion where points can still be won. */
    record StakeJson(String code, String name, BigDecimal maxScore, BigDecimal projection, BigDecimal recoverable,
            BigDecimal remainingToTarget, List<UnitJson> leadUnits, boolean survey, AssessmentStatus latestStatus) {

        static StakeJson of(ScoreRow row, DashboardView view) {
            Figures f = row.figures();
            return new StakeJson(row.code(), row.criterion().name(), f.max(), f.projection(), f.recoverable(),
                    f.remainingToTarget(), UnitJson.of(row.criterion().leadUnits()), row.criterion().isSurvey(),
                    view.statuses().get(row.criterion().id()));
        }
    }

    record DashboardJson(int year, int baselineYear, BigDecimal maxScore, BigDecimal baselineScore,
            Integer baselineRank, BigDecimal targetScore, Integer targetRank, BigDecimal currentScore,
            BigDecimal projection, long criteriaCount, long assessedCount, Integer forecastRank,
            Integer districtCount, BigDecimal pointsForTargetRank, BigDecimal remainingToTarget,
            int criteriaBelowTarget, long awaitingReview, int discrepancies, List<StakeJson> topRecoverable,
            List<StakeJson> largestGaps) {
    }

    /** How many criteria each list gives (the dashboard shows the first five; the points page all of them). */
    static final int LIST_LENGTH = 10;

    private final ScoreboardService scoreboards;
    private final DashboardService dashboards;
    private final KeptJson kept;
    private final AppendixDownloads downloads;

    DashboardApiController(ScoreboardService scoreboards, DashboardService dashboards, KeptJson kept,
            AppendixDownloads downloads) {
        this.scoreboards = scoreboards;
        this.dashboards = dashboards;
        this.kept = kept;
        this.downloads = downloads;
    }

    @Operation(summary = "The appendix as an Excel workbook", description = "As the plan prints it: STT, name, "
            + "maximum, the baseline year's score, the target, the change as printed, the lead unit, domain rows "
            + "bold, a total row; then the current score, the gap to the target and the status. Scores are numeric "
            + "cells. A4 landscape print setup.")
    @ApiResponse(responseCode = "200", description = "The .xlsx file",
            content = @Content(mediaType = AppendixFiles.XLSX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/api/v1/cycles/{year}/appendix.xlsx")
    ResponseEntity<byte[]> appendixXlsx(@PathVariable int year) throws java.io.IOException {
        return downloads.district(cycle(year), false);
    }

    @Operation(summary = "The appendix as CSV", description = "The workbook's header and rows, UTF-8 with a byte "
            + "order mark, numbers with a decimal comma (9,6419).")
    @ApiResponse(responseCode = "200", description = "The .csv file",
            content = @Content(mediaType = AppendixFiles.CSV, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/api/v1/cycles/{year}/appendix.csv")
    ResponseEntity<byte[]> appendixCsv(@PathVariable int year) throws java.io.IOException {
        return downloads.district(cycle(year), true);
    }

    @Operation(summary = "A unit's criteria as an Excel workbook", description = "The criteria the unit leads, "
            + "with the rows above them, and a total of what it leads; columns as in the appendix.")
    @ApiResponse(responseCode = "200", description = "The .xlsx file",
            content = @Content(mediaType = AppendixFiles.XLSX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @GetMapping("/api/v1/cycles/{year}/units/{unitCode}/criteria.xlsx")
    ResponseEntity<byte[]> unitXlsx(@PathVariable int year, @PathVariable String unitCode)
            throws java.io.IOException {
        return downloads.unit(cycle(year), unitCode, false);
    }

    @Operation(summary = "A unit's criteria as CSV")
    @ApiResponse(responseCode = "200", description = "The .csv file",
            content = @Content(mediaType = AppendixFiles.CSV, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @GetMapping("/api/v1/cycles/{year}/units/{unitCode}/criteria.csv")
    ResponseEntity<byte[]> unitCsv(@PathVariable int year, @PathVariable String unitCode)
            throws java.io.IOException {
        return downloads.unit(cycle(year), unitCode, true);
    }

    private Cycle cycle(int year) {
        return scoreboards.cycle(year).orElseThrow(() -> NotFoundException.cycle(year));
    }

    @Operation(summary = "The dashboard's figures", description = "Last year's score and rank, target and target "
            + "rank, current score, projection, forecast rank, points the target rank needs, the criteria with most "
            + "points still to win and with the largest gaps (ten each).")
    @ApiResponse(responseCode = "200", description = "The dashboard's figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DashboardJson.class)))
    @GetMapping("/api/v1/cycles/{year}/dashboard")
    ResponseEntity<byte[]> dashboard(@PathVariable int year) {
        Cycle cycle = scoreboards.cycle(year).orElseThrow(() -> NotFoundException.cycle(year));
        return kept.ok(() -> dashboard(dashboards.build(cycle)));
    }

    private static DashboardJson dashboard(DashboardView view) {
        CycleView cycle = view.board().cycle();
        Figures total = view.board().total();
        return new DashboardJson(cycle.year(), cycle.baselineYear(), total.max(), total.baseline(),
                cycle.baselineRank(), total.target(), cycle.targetRank(), total.current(), total.projection(),
                view.board().leafCount(), view.board().assessedLeafCount(), view.forecastRank(),
                view.districtCount(), view.pointsForTargetRank(), total.remainingToTarget(), view.byGap().size(),
                view.awaitingReview(), view.board().discrepancies().size(),
                view.topRecoverable(LIST_LENGTH).stream().map(r -> StakeJson.of(r, view)).toList(),
                view.byGap().stream().limit(LIST_LENGTH).map(r -> StakeJson.of(r, view)).toList());
    }
}
