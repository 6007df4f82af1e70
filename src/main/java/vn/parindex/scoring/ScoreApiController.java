package vn.parindex.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.scoring.ApiJson.CriterionJson;
import vn.parindex.system.NotFoundException;

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

    ScoreApiController(ScoreboardService scoreboards) {
        this.scoreboards = scoreboards;
    }

    @Operation(summary = "Every domain and criterion of a cycle", description = "Parents first, in natural code "
            + "order, with maximum, baseline, target and current scores, planned gain, lead and coordinating units.")
    @GetMapping("/criteria")
    List<CriterionJson> criteria(@PathVariable int year) {
        return scoreboard(year).rows().stream().map(CriterionJson::of).toList();
    }

    @Operation(summary = "A cycle's totals and domains", description = "Totals, the domains with percentages, "
            + "and every published figure that disagrees with the sum of its parts.")
    @GetMapping("/summary")
    SummaryJson summary(@PathVariable int year) {
        Scoreboard board = scoreboard(year);
        Figures t = board.total();
        return new SummaryJson(year, board.cycle().baselineYear(), t.max(), t.baseline(), t.target(), t.current(),
                t.baselinePercent(), t.targetPercent(), t.currentPercent(), t.targetGain(), t.targetGainRounded(),
                board.leafCount(), board.assessedLeafCount(),
                board.domains().stream().map(DomainJson::of).toList(),
                board.discrepancies().stream().map(DiscrepancyJson::of).toList());
    }

    private Scoreboard scoreboard(int year) {
        return scoreboards.forYear(year).orElseThrow(() -> NotFoundException.cycle(year));
    }
}
