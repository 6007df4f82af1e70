package vn.parindex.framework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriterionUnitRepository extends JpaRepository<CriterionUnit, CriterionUnit.Key> {

    @Query("""
            select cu from CriterionUnit cu
            where cu.criterionId in (select c.id from Criterion c where c.cycle.id = :cycleId)
            order by cu.criterionId, cu.role, cu.position""")
    List<CriterionUnit> findByCycle(Long cycleId);

    List<CriterionUnit> findByCriterionIdAndRoleOrderByPosition(Long criterionId, UnitRole role);

    /** The cycle's unit links with their units' names, in one statement. */
    @Query("""
            select new vn.parindex.framework.CriterionUnitRepository$LinkRow(cu.criterionId, cu.role, cu.position,
                u.id, u.code, u.name)
            from CriterionUnit cu, vn.parindex.organisation.Unit u
            where u.id = cu.unitId and cu.criterionId in (select c.id from Criterion c where c.cycle.id = :cycleId)""")
    List<LinkRow> findRowsByCycle(Long cycleId);

    /** A unit link with its unit. */
    record LinkRow(Long criterionId, UnitRole role, int position, Long unitId, String unitCode, String unitName) {
    }
}
