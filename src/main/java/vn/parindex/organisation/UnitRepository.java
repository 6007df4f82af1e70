package vn.parindex.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    @EntityGraph(attributePaths = "aliases")
    List<Unit> findAllByOrderByIdAsc();
}
