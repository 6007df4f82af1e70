package vn.parindex.index;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.parindex.organisation.BodyLevel;

interface IndexYearRepository extends JpaRepository<IndexYear, Long> {

    Optional<IndexYear> findByYearAndLevel(int year, BodyLevel level);

    List<IndexYear> findAllByOrderByYearDescLevelAsc();
}
