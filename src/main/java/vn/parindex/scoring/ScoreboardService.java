package vn.parindex.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.parindex.framework.CriteriaCatalog;
import vn.parindex.framework.CriterionView;
import vn.parindex.framework.CycleView;

/** Builds a cycle's {@link Scoreboard}: reads the tree once and rolls it up in memory. */
@Service
public class ScoreboardService {

    private final CriteriaCatalog catalog;

    ScoreboardService(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    public Optional<Scoreboard> forYear(int year) {
        return catalog.cycle(year).map(ScoreboardService::scoreboard);
    }

    /** The scoreboard of a cycle already at hand (two statements). */
    public Scoreboard forCycle(vn.parindex.framework.Cycle cycle) {
        return scoreboard(catalog.cycle(cycle));
    }

    static Scoreboard scoreboard(CycleView cycle) {
        List<RecordedFigures> inputs = cycle.criteria().stream()
                .map(c -> new RecordedFigures(c.code(), c.parentCode(), c.maxScore(), c.baselineScore(),
                        c.targetScore(), c.currentScore(), c.recordedChange()))
                .toList();
        RecordedFigures total = new RecordedFigures(ScoreRollup.TOTAL, null, cycle.recordedTotalMax(),
                cycle.recordedTotalBaseline(), cycle.recordedTotalTarget(), null, cycle.recordedTotalChange());
        ScoreRollup.Result result = ScoreRollup.rollUp(inputs, total);
        List<ScoreRow> rows = cycle.criteria().stream()
                .map((CriterionView c) -> new ScoreRow(c, result.figures().get(c.code())))
                .toList();
        return new Scoreboard(cycle, rows, result.total(), result.discrepancies());
    }
}
