package vn.parindex.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The deployment's bodies: not a body's data, so every connection sees them all (V17: no row-level security). */
interface BodyRepository extends JpaRepository<Body, Long> {

    @Query("select b from Body b where upper(b.code) = upper(:code)")
    Optional<Body> findByCode(String code);

    @Query("select new vn.parindex.organisation.BodyRef(b.id, b.code, b.name, b.level) from Body b order by b.id")
    List<BodyRef> refs();
}
