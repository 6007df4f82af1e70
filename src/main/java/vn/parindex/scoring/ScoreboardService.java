package vn.parindex.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleView;

/**
 * Builds a cycle's {@link Scoreboard}: reads the tree once and rolls it up in memory. A scoreboard built outside
 * any writing transaction is kept with the data revision its cycle was read at, and given again while that
 * revision is current (every write to the tree, its units or scores changes it).
 */
@Service
public class ScoreboardService {

    private record Kept(long revision, Scoreboard board) {
    }

    private final CriteriaCatalog catalog;
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

    ScoreboardService(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    /** The scoreboard of a year's cycle (two statements, one when kept), or empty when there is no such cycle. */
    public Optional<Scoreboard> forYear(int year) {
        return catalog.findCycle(year).map(this::forCycle);
    }

    /** The scoreboard of a cycle already at hand (one statement, none when kept). */
    public Scoreboard forCycle(Cycle cycle) {
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        Kept found = writing ? null : kept.get(cycle.getId());
        if (found != null && found.revision() == cycle.getDataRevision()) {
            return found.board();
        }
        Scoreboard board = scoreboard(catalog.cycle(cycle));
        if (!writing) {
            // read after the revision: at least as new as it, so keeping it under that revision is safe
            kept.put(cycle.getId(), new Kept(cycle.getDataRevision(), board));
        }
        return board;
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
