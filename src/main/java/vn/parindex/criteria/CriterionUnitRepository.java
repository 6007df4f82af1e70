package vn.parindex.criteria;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriterionUnitRepository extends JpaRepository<CriterionUnit, CriterionUnit.Key> {

    List<CriterionUnit> findByCriterionIdAndRoleOrderByPosition(Long criterionId, UnitRole role);

    /** A unit link with its unit. */
    record LinkRow(Long criterionId, UnitRole role, int position, Long unitId, String unitCode, String unitName) {
    }
}
