package vn.parindex.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.web.Caches;

/**
 * Builds a cycle's {@link Scoreboard}: reads the tree once and rolls it up in memory. A scoreboard (immutable) is
 * kept in the {@value vn.parindex.web.Caches#SCOREBOARDS} cache under its cycle and the data revision, and given
 * again while that revision is current (every write to the tree, its units or scores changes it). One built inside
 * a writing transaction is never kept: it may show what that transaction has not committed yet, or never will.
 */
@Service
public class ScoreboardService {

    private final CriteriaCatalog catalog;
    private final KeptCycles cycles;
    /** This service through its proxy, so that {@link #forYear} finds kept scoreboards too. */
    private final ObjectProvider<ScoreboardService> self;

    ScoreboardService(CriteriaCatalog catalog, KeptCycles cycles, ObjectProvider<ScoreboardService> self) {
        this.catalog = catalog;
        this.cycles = cycles;
        this.self = self;
    }

    /** The scoreboard of a year's cycle, or empty when there is no such cycle; nothing read but the revision when kept. */
    public Optional<Scoreboard> forYear(int year) {
        return cycle(year).map(self.getObject()::forCycle);
    }

    /** The cycle of a year, or empty when there is none ({@link KeptCycles#byYear}: nothing read but the revision when kept). */
    public Optional<Cycle> cycle(int year) {
        return cycles.byYear(year);
    }

    /** The scoreboard of a cycle already at hand (one statement, none when kept). */
    @Cacheable(cacheNames = Caches.SCOREBOARDS, key = "#cycle.id", sync = true)
    public Scoreboard forCycle(Cycle cycle) {
        return scoreboard(catalog.cycle(cycle));
    }


    static Scoreboard scoreboard(CycleView cycle) {
        List<RecordedFigures> inputs = cycle.criteria().stream()
                .map(c -> new RecordedFigures(c.code(), c.parentCode(), c.maxScore(), c.baselineScore(),
                        c.targetScore(), c.currentScore(), c.recordedChange(), c.appraisedScore()))
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
