package vn.parindex.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.index.IndexCalculation.Band;
import vn.parindex.index.IndexCalculation.Figures;
import vn.parindex.index.IndexCalculation.Node;
import vn.parindex.index.IndexCalculation.Ranked;

/**
 * The results of a level's year, body by body: read whole in one statement from the bodies' criteria in the caller's
 * scope (the province: every body; a body's people: their own row only, by row-level security), or, once published,
 * from the rows kept at publication ({@code index_result}).
 */
@Component
class IndexResults {

    private final JdbcClient jdbc;
    private final IndexService indexes;
    private final Clock clock;

    IndexResults(JdbcClient jdbc, IndexService indexes, Clock clock) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.clock = clock;
    }

    /**
     * A body's line: its figures ({@code figures} null when it has no cycle of the year), rank and band (null
     * until it can be ranked), and whether it is late with its self-assessment.
     */
    record Row(long bodyId, String code, String name, Figures figures, Integer rank, String band, int selfAssessedLeaves,
            boolean late) {

        /** Every applicable leaf appraised. */
        public boolean appraised() {
            return figures != null && figures.appraised();
        }

        /** The applicable leaves still without a self-assessed score. */
        public int owed() {
            return figures == null ? 0 : figures.applicableLeaves() - selfAssessedLeaves;
        }
    }

    /** A body of the level as read: code, name, and its criteria of the year (null when it has no cycle). */
    record Tree(long bodyId, String code, String name, List<Node> nodes) {
    }

    /** Every body of the level the caller's scope shows, by code, with its criteria (one statement). */
    List<Tree> trees(IndexYear index) {
        Map<Long, Tree> trees = new LinkedHashMap<>();
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
                    Tree tree = trees.computeIfAbsent(body,
                            b -> new Tree(b, bodyCode, bodyName, hasCycle ? new ArrayList<>() : null));
                    String code = rs.getString(4);
                    if (code != null) {
                        tree.nodes().add(new Node(code, rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                rs.getBigDecimal(8), rs.getBoolean(9)));
                    }
                });
        return List.copyOf(trees.values());
    }

    /** The lines of every body of the level the caller's scope shows, by code, ranked when {@code rank}. */
    List<Row> live(IndexYear index, boolean rank) {
        return live(index, trees(index), rank);
    }

    /** The lines of these bodies, ranked among them when {@code rank}. */
    List<Row> live(IndexYear index, List<Tree> trees, boolean rank) {
        boolean scale = index.isScaleTo100();
        Map<Long, Figures> figures = new LinkedHashMap<>();
        for (Tree tree : trees) {
            if (tree.nodes() != null) {
                figures.put(tree.bodyId(), IndexCalculation.figures(tree.nodes(), scale));
            }
        }
        Map<String, Integer> ranks = Map.of();
        if (rank) {
            List<Ranked> ranked = new ArrayList<>();
            for (Tree tree : trees) {
                Figures f = figures.get(tree.bodyId());
                if (f != null) {
                    ranked.add(new Ranked(tree.code(), f.index(), f.deduction()));
                }
            }
            ranks = IndexCalculation.ranks(ranked, index.getTieBreak());
        }
        List<Band> bands = indexes.bands(index.getId());
        LocalDate today = LocalDate.now(clock);
        boolean pastDue = index.getSelfAssessmentDue() != null && today.isAfter(index.getSelfAssessmentDue());
        List<Row> rows = new ArrayList<>();
        for (Tree tree : trees) {
            Figures f = figures.get(tree.bodyId());
            int assessed = tree.nodes() == null ? 0 : selfAssessedLeaves(tree.nodes());
            boolean late = pastDue && (f == null || assessed < f.applicableLeaves());
            String band = f == null || bands.isEmpty() ? null : IndexCalculation.bandOf(bands, f.index());
            rows.add(new Row(tree.bodyId(), tree.code(), tree.name(), f, ranks.get(tree.code()), band, assessed,
                    late));
        }
        return rows;
    }

    /** The leaves that apply and have a self-assessed score. */
    private static int selfAssessedLeaves(List<Node> nodes) {
        java.util.Set<String> parents = new java.util.HashSet<>();
        Map<String, Node> byCode = new java.util.HashMap<>();
        for (Node n : nodes) {
            byCode.put(n.code(), n);
            if (n.parentCode() != null) {
                parents.add(n.parentCode());
            }
        }
        int count = 0;
        for (Node n : nodes) {
            if (parents.contains(n.code()) || n.selfAssessed() == null) {
                continue;
            }
            boolean applies = true;
            for (Node up = n; up != null; up = up.parentCode() == null ? null : byCode.get(up.parentCode())) {
                applies &= up.applies();
            }
            if (applies) {
                count++;
            }
        }
        return count;
    }

    /** The rows kept at publication, ranked first, by rank then code. */
    List<Row> published(IndexYear index) {
        return jdbc.sql("""
                select assessed_body_id, body_code, body_name, score, maximum, self_assessed, index_value, rank, band
                from index_result where index_year_id = ? order by rank nulls last, body_code""")
                .param(index.getId())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new Figures(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(7),
                                rs.getBigDecimal(6), 0, 0),
                        (Integer) rs.getObject(8), rs.getString(9), 0, false))
                .list();
    }

    /** Keeps the rows as published (in the publication's transaction, on every body's data). */
    void keep(IndexYear index, List<Row> rows) {
        for (Row row : rows) {
            Figures f = row.figures();
            jdbc.sql("""
                    insert into index_result (index_year_id, assessed_body_id, body_code, body_name, score, maximum,
                                              self_assessed, index_value, rank, band)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(index.getId(), row.bodyId(), row.code(), row.name(), f.score(), f.maximum(),
                            f.selfAssessed(), f.index(), row.rank(), row.band())
                    .update();
        }
    }
}
