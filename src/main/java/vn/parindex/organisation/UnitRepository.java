package vn.parindex.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    /** A body's unit by code, where the connection sees several bodies (start-up, the province's imports). */
    @Query(value = "select * from unit where body_id = :body and code = :code", nativeQuery = true)
    Optional<Unit> findByBodyAndCode(long body, String code);

    @EntityGraph(attributePaths = "aliases")
    List<Unit> findAllByOrderByIdAsc();

    /**
     * Every unit's name, in the order they were created: one plain statement. Pages read this rather than
     * {@link #findAllByOrderByIdAsc()}, whose entity graph (the aliases) Hibernate cannot keep a translated plan
     * for: on the unit table it was 22 % of the page's CPU.
     */
    @Query("select new vn.parindex.organisation.UnitName(u.id, u.code, u.name) from Unit u order by u.id")
    List<UnitName> names();

    @Query("select new vn.parindex.organisation.UnitName(u.id, u.code, u.name) from Unit u where u.code = :code")
    Optional<UnitName> nameByCode(String code);

    @Query("select new vn.parindex.organisation.UnitName(u.id, u.code, u.name) from Unit u where u.id = :id")
    Optional<UnitName> nameById(long id);
}
