package vn.parindex.criteria;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CriterionRepository extends JpaRepository<Criterion, Long> {

    long countByCycleId(Long cycleId);

    /** The cycle's nodes, each with the units named on it (a node without any comes once, with nulls). */
    @Query("""
            select new vn.parindex.criteria.CriterionRepository$TreeRow(c, cu.role, cu.position, u.id, u.code,
                u.name)
            from Criterion c
            left join CriterionUnit cu on cu.criterionId = c.id
            left join vn.parindex.organisation.Unit u on u.id = cu.unitId
            where c.cycle.id = :cycleId""")
    List<TreeRow> findTreeRows(Long cycleId);

    /** A node and one of the units named on it (role and unit null when it names none). */
    record TreeRow(Criterion criterion, UnitRole role, Integer position, Long unitId, String unitCode,
            String unitName) {
    }

    /**
     * The communes coordinating the cycle's criteria that name all communes: every active commune of the criterion's
     * body not named on it in any role, as [criterion id, unit id, unit code, unit name], in the units' order.
     */
    @Query(nativeQuery = true, value = """
            select c.id, u.id as unit_id, u.code, u.name from criterion c
            join unit u on u.body_id = c.body_id and u.kind = 'COMMUNE' and u.active
            where c.cycle_id = :cycleId and c.all_communes_coordinate
              and not exists (select 1 from criterion_unit cu where cu.criterion_id = c.id and cu.unit_id = u.id)
            order by c.id, u.id""")
    List<Object[]> findAllCommunesRows(Long cycleId);

    @Query("select c from Criterion c where c.cycle.year = :year and c.code = :code")
    java.util.Optional<Criterion> findByYearAndCode(int year, String code);

    boolean existsByParentId(Long parentId);

    /** The criterion with this code in every cycle on record, oldest first. */
    @Query("""
            select new vn.parindex.criteria.CriterionTrendPoint(y.year, y.baselineYear, c.name, c.maxScore,
                   c.baselineScore, c.targetScore, c.currentScore, c.appraisedScore, c.code)
            from Criterion c join c.cycle y where c.code = :code order by y.year""")
    List<CriterionTrendPoint> findTrend(String code);
}
