package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByYear(int year);

    boolean existsByYear(int year);

    List<Cycle> findAllByOrderByYearDesc();
}
