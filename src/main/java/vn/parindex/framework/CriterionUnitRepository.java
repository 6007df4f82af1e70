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
}
