package vn.parindex.index;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.parindex.organisation.BodyLevel;

interface IndexYearRepository extends JpaRepository<IndexYear, Long> {

    Optional<IndexYear> findByYearAndLevel(int year, BodyLevel level);

    List<IndexYear> findAllByOrderByYearDescLevelAsc();

    /** The index of the year for the level of the body the connection works on (its own row is visible to it). */
    @org.springframework.data.jpa.repository.Query(value = "select i.* from index_year i join body b"
            + " on b.level = i.level where b.id = parindex_body() and i.year = ?1", nativeQuery = true)
    Optional<IndexYear> findForCurrentBody(int year);
}
