package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.web.Caches;

/** Reads cycles and their criteria trees with a fixed number of queries, whatever the size of the tree. */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    private final CycleRepository cycles;
    private final CriterionRepository criteria;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final CycleTrees trees;

    CriteriaCatalog(CycleRepository cycles, CriterionRepository criteria,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, CycleTrees trees) {
        this.cycles = cycles;
        this.criteria = criteria;
        this.jdbc = jdbc;
        this.trees = trees;
    }

    public List<Cycle> cycles() {
        return cycles.findAllByOrderByYearDesc();
    }

    /**
     * Every cycle as read (latest first), kept per data revision ({@value Caches#CYCLES}): a request that names a
     * year then reads nothing but the revision.
     */
    @Cacheable(cacheNames = Caches.CYCLES, sync = true)
    public List<CycleSummary> cycleSummaries() {
        return cycles().stream().map(CycleSummary::of).toList();
    }

    /** The latest cycle that is not closed, else the latest. */
    public Optional<Cycle> currentCycle() {
        return current(cycles());
    }

    /** Of the given cycles (latest first), the latest that is not closed, else the latest. */
    public static Optional<Cycle> current(List<Cycle> latestFirst) {
        return latestFirst.stream().filter(c -> c.getStatus() != CycleStatus.CLOSED).findFirst()
                .or(() -> latestFirst.stream().findFirst());
    }

    /** The cycle of a year (one statement). */
    public Optional<Cycle> findCycle(int year) {
        return cycles.findByYear(year);
    }

    public Optional<CycleView> cycle(int year) {
        return cycles.findByYear(year).map(this::cycle);
    }

    /** One criterion of a cycle with its effective units, or empty when the cycle or code is unknown. */
    public Optional<CriterionView> criterion(int year, String code) {
        return cycle(year).flatMap(c -> c.criteria().stream().filter(v -> v.code().equals(code)).findFirst());
    }

    /** The criterion with this code in every cycle on record, oldest first (one statement). */
    public List<CriterionTrendPoint> trend(String code) {
        return criteria.findTrend(code);
    }

    /**
     * A criterion across the years: the criteria it continues and those continuing it (renamed, renumbered or
     * merged when a new year was started), oldest first; where no year was started from another, the criteria of
     * the same code.
     */
    public List<CriterionTrendPoint> trend(long criterionId, String code) {
        // one statement: the criteria linked either way, or, when none is linked, those of the same code
        return jdbc.sql("""
                with recursive back(id) as (
                    select cast(:id as bigint)
                    union select l.previous_id from criterion_lineage l join back b on l.criterion_id = b.id
                ), forth(id) as (
                    select cast(:id as bigint)
                    union select l.criterion_id from criterion_lineage l join forth f on l.previous_id = f.id
                ), linked(id) as (
                    select id from back union select id from forth
                )
                select y.year, y.baseline_year, c.name, c.max_score, c.baseline_score, c.target_score,
                       c.current_score, c.appraised_score, c.code
                from criterion c join cycle y on y.id = c.cycle_id
                where c.id in (select id from linked)
                   or ((select count(*) from linked) = 1 and c.code = :code)
                order by y.year, c.position""")
                .param("id", criterionId)
                .param("code", code)
                .query((rs, n) -> new CriterionTrendPoint(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getString(9)))
                .list();
    }

    /**
     * The cycle's whole tree with its units, read with one statement whatever its size and kept per data revision
     * ({@link CycleTrees}).
     */
    public CycleView cycle(Cycle cycle) {
        return trees.tree(cycle);
    }

}
