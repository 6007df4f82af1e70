package vn.parindex.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.parindex.scoring.ApiJson.CriterionJson;
import vn.parindex.web.ApiPage;
import vn.parindex.web.KeptJson;
import vn.parindex.criteria.Cycle;

/** Read API: a cycle's criteria with their figures, and its summary by domain. */
@RestController
@RequestMapping("/api/v1/cycles/{year}")
@Tag(name = "Scores", description = "A cycle's criteria with their figures, and its summary")
class ScoreApiController {

    record DomainJson(String code, String name, BigDecimal maxScore, BigDecimal baselineScore,
            BigDecimal targetScore, BigDecimal currentScore, BigDecimal baselinePercent, BigDecimal targetPercent,
            BigDecimal currentPercent, BigDecimal targetGain, BigDecimal targetGainRounded) {

        static DomainJson of(ScoreRow row) {
            Figures f = row.figures();
            return new DomainJson(row.code(), row.criterion().name(), f.max(), f.baseline(), f.target(),
                    f.current(), f.baselinePercent(), f.targetPercent(), f.currentPercent(), f.targetGain(),
                    f.targetGainRounded());
        }
    }

    record DiscrepancyJson(String code, String field, BigDecimal recorded, BigDecimal sumOfParts,
            BigDecimal difference) {

        static DiscrepancyJson of(Discrepancy d) {
            return new DiscrepancyJson(d.code(), d.field().apiName(), d.recorded(), d.sumOfParts(), d.difference());
        }
    }

    record SummaryJson(int year, int baselineYear, BigDecimal maxScore, BigDecimal baselineScore,
            BigDecimal targetScore, BigDecimal currentScore, BigDecimal baselinePercent, BigDecimal targetPercent,
            BigDecimal currentPercent, BigDecimal targetGain, BigDecimal targetGainRounded, long criteriaCount,
            long assessedCount, List<DomainJson> domains, List<DiscrepancyJson> discrepancies) {
    }

    private final ScoreboardService scoreboards;
    private final KeptJson kept;

    ScoreApiController(ScoreboardService scoreboards, KeptJson kept) {
        this.scoreboards = scoreboards;
        this.kept = kept;
    }

    @Operation(summary = "The domains and criteria of a cycle, a page at a time", description = "Parents first, in "
            + "natural code order, with maximum, baseline, target and current scores, planned gain, lead and "
            + "coordinating units. A page holds " + ApiPage.DEFAULT_SIZE + " unless asked (at most "
            + ApiPage.MAX_SIZE + "); X-Total-Count gives the number in all and Link the other pages (first, prev, "
            + "next, last). A page past the last is an empty list.")
    @ApiResponse(responseCode = "200", description = "The page's domains and criteria", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = CriterionJson.class))))
    @GetMapping("/criteria")
    ResponseEntity<byte[]> criteria(Cycle cycle,
            @Parameter(description = "The page, from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Items per page, 1–" + ApiPage.MAX_SIZE)
            @RequestParam(defaultValue = "" + ApiPage.DEFAULT_SIZE) int size) {
        ApiPage asked = ApiPage.of(page, size);
        Scoreboard board = scoreboards.forCycle(cycle);
        return kept.ok(asked.headers(ServletUriComponentsBuilder.fromCurrentRequest(), board.rows().size()),
                () -> asked.of(board.rows()).stream().map(CriterionJson::of).toList());
    }

    @Operation(summary = "A cycle's totals and domains", description = "Totals, the domains with percentages, "
            + "and every published figure that disagrees with the sum of its parts.")
    @ApiResponse(responseCode = "200", description = "The cycle's totals and domains",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SummaryJson.class)))
    @GetMapping("/summary")
    ResponseEntity<byte[]> summary(Cycle cycle) {
        return kept.ok(() -> summary(scoreboards.forCycle(cycle)));
    }

    private static SummaryJson summary(Scoreboard board) {
        Figures t = board.total();
        return new SummaryJson(board.cycle().year(), board.cycle().baselineYear(), t.max(), t.baseline(), t.target(),
                t.current(), t.baselinePercent(), t.targetPercent(), t.currentPercent(), t.targetGain(),
                t.targetGainRounded(), board.leafCount(), board.assessedLeafCount(),
                board.domains().stream().map(DomainJson::of).toList(),
                board.discrepancies().stream().map(DiscrepancyJson::of).toList());
    }
}
