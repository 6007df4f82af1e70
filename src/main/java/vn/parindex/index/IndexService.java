package vn.parindex.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.audit.AuditTrail;
import vn.parindex.index.IndexCalculation.Band;
import vn.parindex.index.IndexCalculation.TieBreak;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;

/**
 * The province's index of a level for a year: its framework (imported by {@code imports}), its settings, its
 * opening (every body of the level gets its cycle of the framework), and its publication. The province's Home
 * Affairs only; every write works on every body's data (the province's connection), in one transaction.
 */
@Service
public class IndexService {

    static final String ENTITY = "INDEX";

    /** Longest framework kept: the rows of a level's table. */
    public static final int MAX_FRAMEWORK_NODES = 2_000;

    private final IndexYearRepository indexes;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IndexService(IndexYearRepository indexes, JdbcClient jdbc, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.indexes = indexes;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A node of a level's framework as imported: code, parent's code, row order, name, maximum. */
    public record FrameworkNode(String code, String parentCode, int position, String name, BigDecimal max) {
    }

    /** The settings of a year's index as sent (null: unchanged). */
    public record Settings(LocalDate selfAssessmentDue, LocalDate explanationFrom, LocalDate explanationTo,
            Boolean scaleTo100, String tieBreak, List<Band> bands) {

        static final Settings NONE = new Settings(null, null, null, null, null, null);
    }

    /**
     * Keeps a level's framework for a year (the import of {@code kind=framework} with a {@code level}), inside the
     * import's transaction on every body's data: a draft index is created, or a draft's framework replaced. Refused
     * once the index is open (409 {@code conflict.indexOpen}). Returns whether the index is new.
     */
    @PreAuthorize("hasRole('PROVINCE')")
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean keepFramework(CurrentUser user, int year, BodyLevel level, List<FrameworkNode> nodes,
            Boolean scaleTo100, String fileName) {
        requireEveryBody();
        Optional<IndexYear> existing = lock(year, level);
        if (existing.isPresent() && existing.get().getStatus() != IndexStatus.DRAFT) {
            throw new ConflictException("conflict.indexOpen", existing.get().getVersion());
        }
        IndexYear index;
        try {
            index = existing.orElseGet(() -> indexes.saveAndFlush(new IndexYear(year, level)));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // the same level's year created by a parallel import (index_year_key)
            throw new ConflictException("conflict.index", 0);
        }
        if (scaleTo100 != null) {
            index.scaleTo100(scaleTo100);
            indexes.saveAndFlush(index);
        }
        jdbc.sql("delete from index_framework_node where index_year_id = ?").param(index.getId()).update();
        // one statement for the whole framework: its columns as arrays (numbers as their exact text)
        jdbc.sql("insert into index_framework_node (index_year_id, code, parent_code, position, name, max_score)"
                + " select ?, c, p, n::int, t, m::numeric from unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[]) as f (c, p, n, t, m)")
                .params(index.getId(), nodes.stream().map(FrameworkNode::code).toArray(String[]::new),
                        nodes.stream().map(FrameworkNode::parentCode).toArray(String[]::new),
                        nodes.stream().map(n -> String.valueOf(n.position())).toArray(String[]::new),
                        nodes.stream().map(FrameworkNode::name).toArray(String[]::new),
                        nodes.stream().map(n -> n.max().toPlainString()).toArray(String[]::new))
                .update();
        audit.recordEvent(user.actor(), ENTITY, index.getId(), null, "FRAMEWORK",
                "Khung tiêu chí " + level.name() + " năm " + year + ": " + nodes.size() + " dòng"
                        + (fileName == null ? "" : " (" + fileName + ")"));
        return existing.isEmpty();
    }

    /**
     * The index of a level's year, its row locked for the caller's transaction (on every body's data): the
     * province's acts on one index follow one another (a framework re-imported, an opening, settings, publication).
     */
    Optional<IndexYear> lock(int year, BodyLevel level) {
        List<Long> ids = jdbc.sql("select id from index_year where year = ? and level = ? for update")
                .params(year, level.name()).query(Long.class).list();
        return ids.isEmpty() ? Optional.empty() : indexes.findById(ids.get(0));
    }

    /** Locks every cycle of the index (the publication's transaction). */
    void lockCycles(IndexYear index) {
        jdbc.sql("select c.id from cycle c join index_body x on x.cycle_id = c.id where x.index_year_id = ?"
                + " order by c.id for update of c").param(index.getId()).query(Long.class).list();
    }

    /** The index of a level's year, or 404 {@code notFound.index}. */
    public IndexYear find(int year, BodyLevel level) {
        return BodyScope.callAll(() -> indexes.findByYearAndLevel(year, level))
                .orElseThrow(() -> new NotFoundException("notFound.index", level.name(), year));
    }

    /** Every index on record, latest year first. */
    public List<IndexYear> all() {
        return BodyScope.callAll(indexes::findAllByOrderByYearDescLevelAsc);
    }

    /** A framework's maximum (the sum of its domains' maxima) and its number of nodes. */
    record FrameworkSize(BigDecimal maximum, int nodes) {
    }

    /** The size of an index's framework (one statement). */
    FrameworkSize frameworkSize(long indexId) {
        return jdbc.sql("select coalesce(sum(max_score) filter (where parent_code is null), 0), count(*)"
                + " from index_framework_node where index_year_id = ?").param(indexId)
                .query((rs, i) -> new FrameworkSize(rs.getBigDecimal(1), rs.getInt(2))).single();
    }

    /** The bands of an index, lowest first. */
    public List<Band> bands(long indexId) {
        return jdbc.sql("select name, from_index, to_index from index_band where index_year_id = ? order by from_index")
                .param(indexId).query((rs, i) -> new Band(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
    }

    /** What opening did: the bodies given a new cycle and those whose own cycle of the year was carried over. */
    public record Opened(IndexYear index, List<String> created, List<String> carriedOver) {
    }

    /**
     * Opens a level's year on its framework: every body of the level gets its cycle of the year with the framework's
     * criteria, or keeps its own if it has one with the same criteria and maxima (else 409
     * {@code conflict.indexCycleDiffers}, the bodies in the details). 409 {@code conflict.indexOpen} when already open.
     */
    @PreAuthorize("hasRole('PROVINCE')")
    public Opened open(CurrentUser user, int year, BodyLevel level, Settings settings) {
        return BodyScope.callAll(() -> transactions.execute(status -> {
            IndexYear index = lock(year, level)
                    .orElseThrow(() -> InvalidInputException.of("level", "index.frameworkMissing"));
            if (index.getStatus() != IndexStatus.DRAFT) {
                throw new ConflictException("conflict.indexOpen", index.getVersion());
            }
            apply(user, index, settings == null ? Settings.NONE : settings);
            // the bodies of the level with a cycle of the year already: theirs is kept if it has the framework's
            // codes and maxima exactly and is open and unappraised (the appraisal is the province's from now on)
            List<String> kept = new ArrayList<>();
            List<String> differing = new ArrayList<>();
            jdbc.sql("""
                    select b.code, c.status = 'CLOSED'
                        or exists (select 1 from criterion x where x.cycle_id = c.id and (x.appraised_score is not null
                            or x.decision_reason is not null or x.explanation is not null or not exists (select 1
                            from index_framework_node n where n.index_year_id = ? and n.code = x.code
                            and n.max_score = x.max_score)))
                        or exists (select 1 from index_framework_node n where n.index_year_id = ? and not exists
                            (select 1 from criterion x where x.cycle_id = c.id and x.code = n.code))
                    from cycle c join body b on b.id = c.body_id where b.level = ? and c.year = ?
                    order by b.code""").params(index.getId(), index.getId(), level.name(), year)
                    .query((rs, i) -> (rs.getBoolean(2) ? differing : kept).add(rs.getString(1))).list();
            if (!differing.isEmpty()) {
                status.setRollbackOnly();
                throw new ConflictException("conflict.indexCycleDiffers", index.getVersion(), differing);
            }
            List<Long> cycles = jdbc.sql("insert into cycle (body_id, year, baseline_year, status, title)"
                    + " select b.id, ?, ?, 'ACTIVE', ? from body b where b.level = ? and not exists"
                    + " (select 1 from cycle c where c.body_id = b.id and c.year = ?) returning id")
                    .params(year, year - 1, "Chỉ số CCHC năm " + year, level.name(), year).query(Long.class).list();
            List<String> created = new ArrayList<>();
            if (!cycles.isEmpty()) {
                Long[] ids = cycles.toArray(Long[]::new);
                jdbc.sql("insert into criterion (body_id, cycle_id, code, level, position, name, max_score,"
                        + " scoring_method) select c.body_id, c.id, n.code, cardinality(string_to_array(n.code, '.')),"
                        + " n.position, n.name, n.max_score, 'SELF_ASSESSMENT' from cycle c"
                        + " join index_framework_node n on n.index_year_id = ? where c.id = any (?)")
                        .params(index.getId(), ids).update();
                jdbc.sql("update criterion child set parent_id = parent.id from index_framework_node n, criterion"
                        + " parent where child.cycle_id = any (?) and n.index_year_id = ? and n.code = child.code"
                        + " and parent.cycle_id = child.cycle_id and parent.code = n.parent_code")
                        .params(ids, index.getId()).update();
                created.addAll(jdbc.sql("select b.code from cycle c join body b on b.id = c.body_id"
                        + " where c.id = any (?) order by b.code").param(ids).query(String.class).list());
            }
            // the cycles of the index: these are ranked, a body's own cycle of the year made later is not
            jdbc.sql("insert into index_body (index_year_id, assessed_body_id, cycle_id) select ?, c.body_id, c.id"
                    + " from cycle c join body b on b.id = c.body_id where b.level = ? and c.year = ?")
                    .params(index.getId(), level.name(), year).update();
            index.open(OffsetDateTime.now(clock));
            indexes.saveAndFlush(index);
            audit.recordEvent(user.actor(), ENTITY, index.getId(), null, "OPENED",
                    created.size() + " kỳ đánh giá mới, " + kept.size() + " giữ nguyên");
            return new Opened(index, created, kept);
        }));
    }

    /** Changes the settings of a year's index (refused once published: 409 {@code conflict.indexPublished}). */
    @PreAuthorize("hasRole('PROVINCE')")
    public IndexYear configure(CurrentUser user, int year, BodyLevel level, Settings settings, Long version) {
        return BodyScope.callAll(() -> transactions.execute(status -> {
            IndexYear index = lock(year, level)
                    .orElseThrow(() -> new NotFoundException("notFound.index", level.name(), year));
            index.requireNotPublished();
            if (version != null && version != index.getVersion()) {
                throw new ConflictException("conflict.index", index.getVersion());
            }
            apply(user, index, settings);
            return indexes.saveAndFlush(index);
        }));
    }

    /** Checks and applies settings in the caller's transaction; the problems all at once (400). */
    private void apply(CurrentUser user, IndexYear index, Settings settings) {
        FieldErrors errors = new FieldErrors();
        LocalDate due = or(settings.selfAssessmentDue(), index.getSelfAssessmentDue());
        LocalDate from = or(settings.explanationFrom(), index.getExplanationFrom());
        LocalDate to = or(settings.explanationTo(), index.getExplanationTo());
        for (Map.Entry<String, LocalDate> date : Map.of("selfAssessmentDue", due == null ? LocalDate.MIN : due,
                "explanationFrom", from == null ? LocalDate.MIN : from, "explanationTo",
                to == null ? LocalDate.MIN : to).entrySet()) {
            LocalDate d = date.getValue();
            if (d != LocalDate.MIN && (d.getYear() < index.getYear() - 1 || d.getYear() > index.getYear() + 1)) {
                errors.add(date.getKey(), "index.dateOutsideYear");
            }
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add("explanationTo", "index.explanationPeriod");
        } else if (from == null != (to == null)) {
            errors.add(from == null ? "explanationFrom" : "explanationTo", "index.explanationPeriod");
        }
        if (due != null && from != null && from.isBefore(due)) {
            errors.add("explanationFrom", "index.explanationBeforeDue");
        }
        TieBreak tieBreak = index.getTieBreak();
        if (settings.tieBreak() != null) {
            tieBreak = TieBreak.parse(settings.tieBreak());
            if (tieBreak == null) {
                errors.add("tieBreak", "index.tieBreakInvalid");
            }
        }
        boolean scale = settings.scaleTo100() == null ? index.isScaleTo100() : settings.scaleTo100();
        if (settings.bands() != null) {
            BigDecimal top = scale ? new BigDecimal("100") : frameworkSize(index.getId()).maximum();
            List<String> problems = IndexCalculation.bandProblems(settings.bands(), top);
            if (!problems.isEmpty()) {
                errors.add("bands", problems.get(0));
            }
        }
        errors.throwIfAny();
        record(user, index, "selfAssessmentDue", index.getSelfAssessmentDue(), due);
        record(user, index, "explanationFrom", index.getExplanationFrom(), from);
        record(user, index, "explanationTo", index.getExplanationTo(), to);
        record(user, index, "tieBreak", index.getTieBreak(), tieBreak);
        record(user, index, "scaleTo100", index.isScaleTo100(), scale);
        index.settings(due, from, to, tieBreak);
        index.scaleTo100(scale);
        if (settings.bands() != null) {
            List<Band> before = bands(index.getId());
            jdbc.sql("delete from index_band where index_year_id = ?").param(index.getId()).update();
            int position = 0;
            for (Band band : settings.bands()) {
                jdbc.sql("insert into index_band (index_year_id, position, name, from_index, to_index)"
                        + " values (?, ?, ?, ?, ?)").params(index.getId(), ++position, band.name().strip(),
                                band.from(), band.to()).update();
            }
            record(user, index, "bands", describe(before), describe(bands(index.getId())));
        }
    }

    private void record(CurrentUser user, IndexYear index, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            audit.record(user.actor(), ENTITY, index.getId(), null, field, before, after, null);
        }
    }

    private static String describe(List<Band> bands) {
        return bands.isEmpty() ? null : String.join("; ", bands.stream()
                .map(b -> b.name() + " " + b.from().stripTrailingZeros().toPlainString() + "–"
                        + b.to().stripTrailingZeros().toPlainString()).toList());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static void requireEveryBody() {
        if (!BodyScope.current().all()) {
            throw new IllegalStateException("The province's index is written on every body's data only");
        }
    }
}
