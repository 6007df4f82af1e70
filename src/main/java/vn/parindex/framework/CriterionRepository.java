package vn.parindex.framework;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CriterionRepository extends JpaRepository<Criterion, Long> {

    @Query("select c from Criterion c where c.cycle.id = :cycleId order by c.position")
    List<Criterion> findByCycle(Long cycleId);

    long countByCycleId(Long cycleId);

    @Query("select c from Criterion c where c.cycle.year = :year and c.code = :code")
    java.util.Optional<Criterion> findByYearAndCode(int year, String code);

    boolean existsByParentId(Long parentId);

    /** The criterion with this code in every cycle on record, oldest first. */
    @Query("""
            select new vn.parindex.framework.CriterionTrendPoint(y.year, y.baselineYear, c.name, c.maxScore,
                   c.baselineScore, c.targetScore, c.currentScore)
            from Criterion c join c.cycle y where c.code = :code order by y.year""")
    List<CriterionTrendPoint> findTrend(String code);
}
