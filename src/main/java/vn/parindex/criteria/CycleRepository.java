package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByYear(int year);

    boolean existsByYear(int year);

    List<Cycle> findAllByOrderByYearDesc();

    /** The cycle, its row locked until the transaction ends (closing waits for submissions in flight). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select c from Cycle c where c.id = :id")
    Optional<Cycle> lockById(long id);
}
