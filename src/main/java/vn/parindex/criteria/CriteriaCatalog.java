package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cycles and their criteria trees with a fixed number of queries, whatever the size of the tree. */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    private final CycleRepository cycles;
    private final CriterionRepository criteria;

    CriteriaCatalog(CycleRepository cycles, CriterionRepository criteria) {
        this.cycles = cycles;
        this.criteria = criteria;
    }

    public List<Cycle> cycles() {
        return cycles.findAllByOrderByYearDesc();
    }

    /** The latest cycle that is not closed, else the latest. */
    public Optional<Cycle> currentCycle() {
        return current(cycles());
    }

    /** Of the given cycles (latest first), the latest that is not closed, else the latest. */
    public static Optional<Cycle> current(List<Cycle> latestFirst) {
        return latestFirst.stream().filter(c -> c.getStatus() != CycleStatus.CLOSED).findFirst()
                .or(() -> latestFirst.stream().findFirst());
    }

    /** The cycle of a year (one statement). */
    public Optional<Cycle> findCycle(int year) {
        return cycles.findByYear(year);
    }

    public Optional<CycleView> cycle(int year) {
        return cycles.findByYear(year).map(this::cycle);
    }

    /** One criterion of a cycle with its effective units, or empty when the cycle or code is unknown. */
    public Optional<CriterionView> criterion(int year, String code) {
        return cycle(year).flatMap(c -> c.criteria().stream().filter(v -> v.code().equals(code)).findFirst());
    }

    /** The criterion with this code in every cycle on record, oldest first (one statement). */
    public List<CriterionTrendPoint> trend(String code) {
        return criteria.findTrend(code);
    }

    /** The cycle's whole tree with its units, read with one statement whatever its size. */
    public CycleView cycle(Cycle cycle) {
        java.util.Map<Long, Criterion> nodes = new java.util.HashMap<>();
        List<CriterionUnitRepository.LinkRow> links = new java.util.ArrayList<>();
        for (CriterionRepository.TreeRow row : criteria.findTreeRows(cycle.getId())) {
            Criterion c = row.criterion();
            nodes.putIfAbsent(c.getId(), c);
            if (row.role() != null) {
                links.add(new CriterionUnitRepository.LinkRow(c.getId(), row.role(), row.position(), row.unitId(),
                        row.unitCode(), row.unitName()));
            }
        }
        return view(cycle, CriteriaTree.build(nodes.values(), links));
    }

    private static CycleView view(Cycle cycle, List<CriterionView> nodes) {
        return new CycleView(cycle.getId(), cycle.getYear(), cycle.getBaselineYear(), cycle.getStatus(),
                cycle.getTitle(), cycle.getRecordedTotalMax(), cycle.getRecordedTotalBaseline(),
                cycle.getRecordedTotalTarget(), cycle.getRecordedTotalChange(), cycle.getBaselineRank(),
                cycle.getTargetRank(), cycle.getDistrictCount(), cycle.getDistrictName(), nodes);
    }

}
