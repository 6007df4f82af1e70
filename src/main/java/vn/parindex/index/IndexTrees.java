package vn.parindex.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.index.IndexCalculation.Node;
import vn.parindex.web.Caches;

/**
 * The criteria of every body of a level's year, read whole in one statement and kept per data revision: the
 * results, the appraisal queue, a body's card (its level's averages) and the API's results all start from them.
 * Kept because measured (bench/pages.sh, the province's 70 communes of 45 criteria, 2 cores): read for each request,
 * the results page cost 31 cpu-ms, the API's results 22 (docs/ARCHITECTURE.md).
 */
@Component
class IndexTrees {

    private final JdbcClient jdbc;

    IndexTrees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every body of the level the caller's scope shows, by code, with its criteria (one statement), kept in the
     * {@value Caches#TREES} cache per index, scope and data revision.
     */
    @Cacheable(cacheNames = Caches.TREES, key = "'index:' + #index.id", sync = true)
    public List<IndexResults.Tree> of(IndexYear index) {
        Map<Long, IndexResults.Tree> trees = new LinkedHashMap<>();
        jdbc.sql("""
                select b.id, b.code, b.name, cr.code, p.code, cr.max_score, cr.current_score, cr.appraised_score,
                       cr.applies, c.id
                from body b
                left join index_body x on x.assessed_body_id = b.id and x.index_year_id = ?
                left join cycle c on c.id = x.cycle_id
                left join criterion cr on cr.cycle_id = c.id
                left join criterion p on p.id = cr.parent_id
                where b.level = ?
                order by b.code, cr.position""").params(index.getId(), index.getLevel().name()).query(rs -> {
                    long body = rs.getLong(1);
                    String bodyCode = rs.getString(2);
                    String bodyName = rs.getString(3);
                    rs.getLong(10);
                    boolean hasCycle = !rs.wasNull();
                    IndexResults.Tree tree = trees.computeIfAbsent(body,
                            b -> new IndexResults.Tree(b, bodyCode, bodyName, hasCycle ? new ArrayList<>() : null));
                    String code = rs.getString(4);
                    if (code != null) {
                        tree.nodes().add(new Node(code, rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                rs.getBigDecimal(8), rs.getBoolean(9)));
                    }
                });
        // kept and shared: nothing in it changes afterwards
        return trees.values().stream().map(t -> new IndexResults.Tree(t.bodyId(), t.code(), t.name(),
                t.nodes() == null ? null : List.copyOf(t.nodes()))).toList();
    }

}
