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
import vn.parindex.system.BodyScope;
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
    private final IndexTrees trees;

    IndexResults(JdbcClient jdbc, IndexService indexes, Clock clock, IndexTrees trees) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.clock = clock;
        this.trees = trees;
    }

    /**
     * A body's line: its figures ({@code figures} null when it has no cycle of the year), rank and band (null
     * until it can be ranked), and whether it is late with its self-assessment.
     */
    record Row(long bodyId, String code, String name, Figures figures, Integer rank, String band, boolean late) {

        /** Every applicable leaf appraised. */
        public boolean appraised() {
            return figures != null && figures.appraised();
        }

        /** The applicable leaves still without a self-assessed score. */
        public int owed() {
            return figures == null ? 0 : figures.owed();
        }
    }

    /** How a level's year stands at a glance: bodies, those with their cycle, submitted, late, appraised. */
    record Glance(int bodies, int withCycle, int submitted, int late, int appraised) {

        static Glance of(List<Row> rows) {
            int withCycle = 0;
            int submitted = 0;
            int late = 0;
            int appraised = 0;
            for (Row r : rows) {
                if (r.figures() != null) {
                    withCycle++;
                    submitted += r.owed() == 0 ? 1 : 0;
                    appraised += r.appraised() ? 1 : 0;
                }
                late += r.late() ? 1 : 0;
            }
            return new Glance(rows.size(), withCycle, submitted, late, appraised);
        }
    }

    /**
     * Every body's line as the province reads it, by rank (unranked last, then by code): as published, else as the
     * results stand (on every body's data).
     */
    List<Row> ranked(IndexYear index) {
        if (index.getStatus() == IndexStatus.PUBLISHED) {
            return BodyScope.callAll(() -> published(index));
        }
        return BodyScope.callAll(() -> live(index, true)).stream()
                .sorted(java.util.Comparator.comparing(Row::rank,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparing(Row::code))
                .toList();
    }

    /** A body of the level as read: code, name, and its criteria of the year (null when it has no cycle). */
    record Tree(long bodyId, String code, String name, List<Node> nodes) {
    }

    /** Every body of the level the caller's scope shows, by code, with its criteria ({@link IndexTrees}). */
    List<Tree> trees(IndexYear index) {
        return trees.of(index);
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
            boolean late = pastDue && (f == null || f.owed() > 0);
            String band = f == null || bands.isEmpty() ? null : IndexCalculation.bandOf(bands, f.index());
            rows.add(new Row(tree.bodyId(), tree.code(), tree.name(), f, ranks.get(tree.code()), band, late));
        }
        return rows;
    }

    /** The rows kept at publication, ranked first, by rank then code. */
    List<Row> published(IndexYear index) {
        return jdbc.sql("""
                select assessed_body_id, body_code, body_name, score, maximum, self_assessed, index_value, rank, band
                from index_result where index_year_id = ? order by rank nulls last, body_code""")
                .param(index.getId())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new Figures(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(7),
                                rs.getBigDecimal(6), 0, 0, 0),
                        (Integer) rs.getObject(8), rs.getString(9), false))
                .list();
    }

    /** Keeps the rows as published (in the publication's transaction, on every body's data; one statement). */
    void keep(IndexYear index, List<Row> rows) {
        jdbc.sql("""
                insert into index_result (index_year_id, assessed_body_id, body_code, body_name, score, maximum,
                                          self_assessed, index_value, rank, band)
                select ?, b::bigint, c, n, s::numeric, m::numeric, a::numeric, i::numeric, r::int, d
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[]) as f (b, c, n, s, m, a, i, r, d)""")
                .params(index.getId(), column(rows, r -> String.valueOf(r.bodyId())), column(rows, Row::code),
                        column(rows, Row::name), column(rows, r -> plain(r.figures().score())),
                        column(rows, r -> plain(r.figures().maximum())),
                        column(rows, r -> plain(r.figures().selfAssessed())),
                        column(rows, r -> plain(r.figures().index())),
                        column(rows, r -> r.rank() == null ? null : String.valueOf(r.rank())), column(rows, Row::band))
                .update();
    }

    private static String[] column(List<Row> rows, java.util.function.Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
