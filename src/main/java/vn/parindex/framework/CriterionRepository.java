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
}
