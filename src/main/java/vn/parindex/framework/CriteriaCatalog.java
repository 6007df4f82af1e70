package vn.parindex.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.organisation.UnitRepository;

/** Reads cycles and their criteria trees with a fixed number of queries, whatever the size of the tree. */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    private final CycleRepository cycles;
    private final CriterionRepository criteria;
    private final CriterionUnitRepository criterionUnits;
    private final UnitRepository units;

    CriteriaCatalog(CycleRepository cycles, CriterionRepository criteria, CriterionUnitRepository criterionUnits,
            UnitRepository units) {
        this.cycles = cycles;
        this.criteria = criteria;
        this.criterionUnits = criterionUnits;
        this.units = units;
    }

    public List<Cycle> cycles() {
        return cycles.findAllByOrderByYearDesc();
    }

    /** The latest cycle that is not closed, else the latest. */
    public Optional<Cycle> currentCycle() {
        List<Cycle> all = cycles();
        return all.stream().filter(c -> c.getStatus() != CycleStatus.CLOSED).findFirst()
                .or(() -> all.stream().findFirst());
    }

    public Optional<CycleView> cycle(int year) {
        return cycles.findByYear(year).map(this::view);
    }

    /** One criterion of a cycle with its effective units, or empty when the cycle or code is unknown. */
    public Optional<CriterionView> criterion(int year, String code) {
        return cycle(year).flatMap(c -> c.criteria().stream().filter(v -> v.code().equals(code)).findFirst());
    }

    private CycleView view(Cycle cycle) {
        Map<Long, UnitRef> unitRefs = units.findAll().stream()
                .collect(Collectors.toMap(u -> u.getId(), u -> new UnitRef(u.getId(), u.getCode(), u.getName()),
                        (a, b) -> a));
        List<CriterionView> nodes = CriteriaTree.build(criteria.findByCycle(cycle.getId()),
                criterionUnits.findByCycle(cycle.getId()), unitRefs);
        return new CycleView(cycle.getId(), cycle.getYear(), cycle.getBaselineYear(), cycle.getStatus(),
                cycle.getTitle(), cycle.getRecordedTotalMax(), cycle.getRecordedTotalBaseline(),
                cycle.getRecordedTotalTarget(), cycle.getRecordedTotalChange(), nodes);
    }

}
