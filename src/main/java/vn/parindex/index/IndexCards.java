package vn.parindex.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.parindex.index.IndexCalculation.Figures;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyRef;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.NotFoundException;

/**
 * A body's result card: its figures, rank and band; its score by domain against the level's average and best (in
 * percent of each domain's maximum, as the bodies' maxima differ by what applies to them); and every criterion with
 * what the province deducted and why, the body's explanation and the council's decision. The province reads any
 * body's; a body's people their own (404 for another), the level's comparison only once published.
 */
@Service
public class IndexCards {

    private final IndexService indexes;
    private final IndexAppraisal appraisal;
    private final IndexResults results;
    private final JdbcClient jdbc;

    IndexCards(IndexService indexes, IndexAppraisal appraisal, IndexResults results, JdbcClient jdbc) {
        this.indexes = indexes;
        this.appraisal = appraisal;
        this.results = results;
        this.jdbc = jdbc;
    }

    /** A domain's line: the body's score and maximum, its percent, the level's mean and best percent. */
    public record DomainLine(String code, String name, BigDecimal score, BigDecimal maximum, BigDecimal percent,
            BigDecimal levelAverage, BigDecimal levelBest) {
    }

    /**
     * A criterion's line (leaves and parents alike, in the table's order): {@code leaf} when it has no parts (the
     * criteria that are scored and appraised), {@code version} the criterion's (the forms that change it).
     */
    public record CriterionLine(String code, String parentCode, String name, BigDecimal maxScore, boolean applies,
            String applicabilityReason, BigDecimal selfAssessed, BigDecimal appraised, BigDecimal deduction,
            String reason, String explanation, String decisionReason, boolean leaf, long version) {

        /** A leaf that applies and is not appraised yet (self-assessed or not): what the province still appraises. */
        public boolean awaitingAppraisal() {
            return leaf && applies && appraised == null;
        }
    }

    /** One criterion of one body, as the province acts on it (its applicability, appraisal, final decision). */
    public record CriterionAct(IndexYear index, BodyRef body, CriterionLine line) {
    }

    /** A published year of the body: its index, rank among how many, band. */
    public record TrendPoint(int year, BigDecimal index, Integer rank, int of, String band) {
    }

    /** The card, with the body's published results of every year (oldest first). */
    public record Card(IndexYear index, IndexResults.Row row, List<DomainLine> domains,
            List<CriterionLine> criteria, List<TrendPoint> trend) {
    }

    public Card card(CurrentUser user, int year, BodyLevel level, String bodyCode) {
        IndexYear index = indexes.find(year, level);
        BodyRef body = appraisal.body(index, bodyCode);
        if (!user.isProvince() && (user.bodyId() == null || user.bodyId() != body.id())) {
            // another body's card is none of theirs: as unknown as a code that is no body's
            throw new NotFoundException("notFound.indexBody", bodyCode, level.name());
        }
        boolean published = index.getStatus() == IndexStatus.PUBLISHED;
        boolean compare = user.isProvince() || published;
        List<CriterionLine> lines = BodyScope.call(body.id(), () -> lines(index, null));
        // the level's trees: every body's (the province, or anyone once published), else the body's own
        List<IndexResults.Tree> trees = compare ? BodyScope.callAll(() -> results.trees(index))
                : BodyScope.call(body.id(), () -> results.trees(index));
        Optional<IndexResults.Row> row;
        if (published) {
            row = BodyScope.callAll(() -> results.published(index)).stream().filter(r -> r.bodyId() == body.id())
                    .findFirst();
        } else {
            row = results.live(index, trees, user.isProvince()).stream().filter(r -> r.bodyId() == body.id())
                    .findFirst();
        }
        return new Card(index, row.orElse(null), domains(trees, body.id(), lines, compare), lines,
                trend(body.id(), index.getLevel()));
    }

    /** The body's published results of its level, year by year (the province's published rows, read by all). */
    private List<TrendPoint> trend(long body, BodyLevel level) {
        return jdbc.sql("""
                select i.year, r.index_value, r.rank,
                       (select count(*) from index_result a where a.index_year_id = i.id and a.rank is not null), r.band
                from index_result r join index_year i on i.id = r.index_year_id
                where r.assessed_body_id = ? and i.level = ? and i.status = 'PUBLISHED'
                order by i.year""").params(body, level.name())
                .query((rs, i) -> new TrendPoint(rs.getInt(1), rs.getBigDecimal(2), (Integer) rs.getObject(3),
                        rs.getInt(4), rs.getString(5))).list();
    }

    /**
     * One leaf criterion of a body of the index, for the province's acts on it: 404 for a code that is no criterion
     * of the body's cycle of the index.
     */
    public CriterionAct criterion(CurrentUser user, int year, BodyLevel level, String bodyCode, String code) {
        IndexYear index = indexes.find(year, level);
        BodyRef body = appraisal.body(index, bodyCode);
        if (!user.isProvince()) {
            throw new NotFoundException("notFound.indexBody", bodyCode, level.name());
        }
        CriterionLine line = BodyScope.call(body.id(), () -> lines(index, code)).stream().findFirst()
                .orElseThrow(() -> NotFoundException.criterion(year, code));
        return new CriterionAct(index, body, line);
    }

    /** The body's criteria of the index in the table's order, or only the one of that code. */
    private List<CriterionLine> lines(IndexYear index, String code) {
        return jdbc.sql("""
                select c.code, p.code, c.name, c.max_score, c.applies, c.applicability_reason, c.current_score,
                       c.appraised_score, c.appraisal_reason, c.explanation, c.decision_reason,
                       not exists (select 1 from criterion k where k.parent_id = c.id), c.version
                from criterion c
                join index_body x on x.cycle_id = c.cycle_id and x.index_year_id = ?
                left join criterion p on p.id = c.parent_id
                where cast(? as varchar) is null or c.code = ?
                order by c.position""").params(index.getId(), code, code).query((rs, i) -> {
                    BigDecimal self = rs.getBigDecimal(7);
                    BigDecimal appraised = rs.getBigDecimal(8);
                    BigDecimal deduction = self == null || appraised == null || appraised.compareTo(self) >= 0 ? null
                            : self.subtract(appraised);
                    return new CriterionLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBoolean(5), rs.getString(6), self, appraised, deduction, rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getLong(13));
                }).list();
    }

    private static List<DomainLine> domains(List<IndexResults.Tree> trees, long body, List<CriterionLine> lines,
            boolean compare) {
        Map<String, List<BigDecimal>> percents = new HashMap<>();
        Map<String, Figures> own = Map.of();
        for (IndexResults.Tree tree : trees) {
            if (tree.nodes() == null) {
                continue;
            }
            Map<String, Figures> domains = IndexCalculation.domains(tree.nodes());
            if (tree.bodyId() == body) {
                own = domains;
            }
            domains.forEach((code, f) -> percents.computeIfAbsent(code, c -> new ArrayList<>()).add(f.index()));
        }
        List<DomainLine> result = new ArrayList<>();
        for (CriterionLine line : lines) {
            Figures f = own.get(line.code());
            if (line.parentCode() != null || f == null) {
                continue;
            }
            List<BigDecimal> all = percents.getOrDefault(line.code(), List.of());
            BigDecimal best = all.stream().filter(java.util.Objects::nonNull).max(BigDecimal::compareTo).orElse(null);
            result.add(new DomainLine(line.code(), line.name(), f.score(), f.maximum(), f.index(),
                    compare ? IndexCalculation.mean(all) : null, compare ? best : null));
        }
        return result;
    }

}
