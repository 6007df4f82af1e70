package vn.parindex.criteria;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Replaces the units named directly on a criterion (its assignment); an empty list means "inherit". */
@Service
public class CriterionUnitsEditor {

    private final CriterionUnitRepository links;

    CriterionUnitsEditor(CriterionUnitRepository links) {
        this.links = links;
    }

    /** The unit ids named directly on the criterion in the given role, in order. */
    @Transactional(readOnly = true)
    public List<Long> direct(long criterionId, UnitRole role) {
        return links.findByCriterionIdAndRoleOrderByPosition(criterionId, role).stream()
                .map(CriterionUnit::getUnitId).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(long criterionId, UnitRole role, List<Long> unitIds) {
        links.deleteAll(links.findByCriterionIdAndRoleOrderByPosition(criterionId, role));
        links.flush();
        List<CriterionUnit> fresh = new ArrayList<>();
        int position = 0;
        for (Long unitId : unitIds.stream().distinct().toList()) {
            fresh.add(new CriterionUnit(criterionId, role, unitId, ++position));
        }
        links.saveAll(fresh);
    }
}
