package vn.parindex.criteria;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.web.Caches;

/**
 * A cycle's whole criteria tree with its units, read with one statement whatever its size (and one more for the communes when a criterion
 * names all communes), and kept per data
 * revision ({@value Caches#TREES}): every criterion page, the dossier, the reconciliation and the unit pages name
 * a criterion or walk the tree, and building it for each request was an eighth of their CPU (JFR). What is kept is
 * an immutable {@link CycleView}; inside a writing transaction the tree is read again, as that transaction sees it.
 */
@Component
class CycleTrees {

    private final CriterionRepository criteria;

    CycleTrees(CriterionRepository criteria) {
        this.criteria = criteria;
    }

    @Cacheable(cacheNames = Caches.TREES, key = "#cycle.id", sync = true)
    @Transactional(readOnly = true)
    public CycleView tree(Cycle cycle) {
        Map<Long, Criterion> nodes = new HashMap<>();
        List<CriterionUnitRepository.LinkRow> links = new java.util.ArrayList<>();
        for (CriterionRepository.TreeRow row : criteria.findTreeRows(cycle.getId())) {
            Criterion c = row.criterion();
            nodes.putIfAbsent(c.getId(), c);
            if (row.role() != null) {
                links.add(new CriterionUnitRepository.LinkRow(c.getId(), row.role(), row.position(), row.unitId(),
                        row.unitCode(), row.unitName()));
            }
        }
        // "all communes": each active commune coordinates, after the units named on the criterion (asked only when a
        // node names them: a tree without is still one statement)
        int after = 1_000_000;
        boolean allCommunes = nodes.values().stream().anyMatch(Criterion::isAllCommunesCoordinate);
        for (Object[] row : allCommunes ? criteria.findAllCommunesRows(cycle.getId()) : List.<Object[]>of()) {
            links.add(new CriterionUnitRepository.LinkRow(((Number) row[0]).longValue(), UnitRole.COORDINATING,
                    ++after, ((Number) row[1]).longValue(), (String) row[2], (String) row[3]));
        }
        return new CycleView(cycle.getId(), cycle.getYear(), cycle.getBaselineYear(), cycle.getStatus(),
                cycle.getTitle(), cycle.getRecordedTotalMax(), cycle.getRecordedTotalBaseline(),
                cycle.getRecordedTotalTarget(), cycle.getRecordedTotalChange(), cycle.getBaselineRank(),
                cycle.getTargetRank(), cycle.getDistrictCount(), cycle.getDistrictName(),
                List.copyOf(CriteriaTree.build(nodes.values(), links)), cycle.getBodyLevel(),
                cycle.getPublished());
    }
}
