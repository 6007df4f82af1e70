package vn.parindex.index;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.appraisal.AppraisalService;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.CriterionLookup;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyRef;
import vn.parindex.organisation.Bodies;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * The province's acts on one body of an open index (whether a criterion applies to it, its appraisal) and the
 * publication of the level's result. The province's Home Affairs only; a body's acts run in that body's scope.
 */
@Service
public class IndexAppraisal {

    private final IndexService indexes;
    private final IndexYearRepository repository;
    private final IndexResults results;
    private final Bodies bodies;
    private final CriterionLookup criteria;
    private final CriterionScoreService scores;
    private final AppraisalService appraisals;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IndexOfBody ofBody;

    IndexAppraisal(IndexService indexes, IndexYearRepository repository, IndexResults results, Bodies bodies,
            CriterionLookup criteria, CriterionScoreService scores, AppraisalService appraisals, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock, IndexOfBody ofBody) {
        this.ofBody = ofBody;
        this.indexes = indexes;
        this.repository = repository;
        this.results = results;
        this.bodies = bodies;
        this.criteria = criteria;
        this.scores = scores;
        this.appraisals = appraisals;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The body of that code on the index's level, or 404 (an unknown code, or a body of another level). */
    BodyRef body(IndexYear index, String code) {
        return bodies.byCode(code).filter(b -> b.level() == index.getLevel())
                .orElseThrow(() -> new NotFoundException("notFound.indexBody", code, index.getLevel().name()));
    }

    /**
     * Marks whether a criterion applies to one body: the reason is required when it does not (400); refused unless
     * the index is open (409). Returns the criterion as written.
     */
    @PreAuthorize("hasRole('PROVINCE')")
    public Criterion applicability(CurrentUser user, int year, BodyLevel level, String bodyCode, String code,
            Boolean applies, String reason) {
        IndexYear index = indexes.find(year, level);
        BodyRef body = body(index, bodyCode);
        FieldErrors errors = new FieldErrors();
        String text = AppraisalService.checkReason(reason, "reason", errors);
        if (applies == null) {
            errors.add("applies", "index.appliesRequired");
        } else if (!applies && text.isEmpty()) {
            errors.add("reason", "index.reasonRequired");
        }
        errors.throwIfAny();
        index.requireOpen();
        return BodyScope.call(body.id(), () -> transactions.execute(status -> {
            Criterion criterion = criteria.findByYearAndCode(year, code)
                    .orElseThrow(() -> NotFoundException.criterion(year, code));
            ofBody.requireOpenHolding(year, criterion.getVersion());
            if (criterion.getCycle().isClosed()) {
                throw new ConflictException("conflict.cycleClosed", criterion.getVersion());
            }
            scores.applyApplicability(user, criterion, applies, applies ? null : text);
            return criterion;
        }));
    }

    /**
     * The province's appraisal of one body's criterion ({@link AppraisalService#appraise}, in the body's scope, on
     * the criterion as it now is): refused unless the index is open (409), on a criterion that does not apply (400).
     */
    @PreAuthorize("hasRole('PROVINCE')")
    public Criterion appraise(CurrentUser user, int year, BodyLevel level, String bodyCode, String code,
            String score, String reason, Long version) {
        IndexYear index = indexes.find(year, level);
        BodyRef body = body(index, bodyCode);
        index.requireOpen();
        return BodyScope.call(body.id(), () -> {
            Long basedOn = version;
            if (basedOn == null) {
                basedOn = criteria.findByYearAndCode(year, code).map(Criterion::getVersion)
                        .orElseThrow(() -> NotFoundException.criterion(year, code));
            }
            return appraisals.appraise(user, year, code,
                    new AppraisalService.AppraisalChange(score, reason, basedOn));
        });
    }

    /**
     * The appraisal council's final score of one body's criterion, with its reason (required, at most 2 000
     * characters): the appraised score from now on. 400 for a score out of range, a domain, a criterion that does not
     * apply; 409 unless the index is open, or where the criterion is not appraised yet
     * ({@code conflict.notAppraised}).
     */
    @PreAuthorize("hasRole('PROVINCE')")
    public Criterion decide(CurrentUser user, int year, BodyLevel level, String bodyCode, String code, String score,
            String reason) {
        IndexYear index = indexes.find(year, level);
        BodyRef body = body(index, bodyCode);
        index.requireOpen();
        return BodyScope.call(body.id(), () -> transactions.execute(status -> {
            Criterion criterion = criteria.findByYearAndCode(year, code)
                    .orElseThrow(() -> NotFoundException.criterion(year, code));
            FieldErrors errors = new FieldErrors();
            java.math.BigDecimal value = CriterionScoreService.parseScore(score, "finalScore",
                    criterion.getMaxScore(), errors);
            if (criteria.existsByParentId(criterion.getId())) {
                errors.add("finalScore", "appraisal.parent");
            } else if (!criterion.appliesWithParents()) {
                errors.add("finalScore", "appraisal.notApplicable");
            }
            String text = AppraisalService.checkReason(reason, "reason", errors);
            if (text.isEmpty()) {
                errors.add("reason", "decision.reasonRequired");
            }
            errors.throwIfAny();
            ofBody.requireOpenHolding(year, criterion.getVersion());
            if (criterion.getCycle().isClosed()) {
                throw new ConflictException("conflict.cycleClosed", criterion.getVersion());
            }
            if (criterion.getAppraisedScore() == null) {
                throw new ConflictException("conflict.notAppraised", criterion.getVersion());
            }
            scores.applyDecision(user, criterion, value, text);
            return criterion;
        }));
    }

    /**
     * Publishes the level's result: every body appraised on every criterion that applies to it (else 409
     * {@code conflict.indexUnappraised}, the bodies in the details) and the bands set (409
     * {@code conflict.indexNoBands}). The ranks and bands are kept as published; nothing changes afterwards.
     */
    @PreAuthorize("hasRole('PROVINCE')")
    public List<IndexResults.Row> publish(CurrentUser user, int year, BodyLevel level, Long version) {
        return BodyScope.callAll(() -> transactions.execute(status -> {
            IndexYear index = indexes.lock(year, level)
                    .orElseThrow(() -> new NotFoundException("notFound.index", level.name(), year));
            index.requireOpen();
            // the level's cycles of the year held until the result is kept: a body's write under way finishes first
            // (its share lock), one after sees the index published (IndexOfBody#requireOpenHolding)
            indexes.lockCycles(index);
            if (version != null && version != index.getVersion()) {
                throw new ConflictException("conflict.index", index.getVersion());
            }
            if (indexes.bands(index.getId()).isEmpty()) {
                throw new ConflictException("conflict.indexNoBands", index.getVersion());
            }
            // the bodies of the level with a cycle of the year (one added after the opening has none: not ranked)
            List<IndexResults.Row> rows = results.live(index, true).stream().filter(r -> r.figures() != null)
                    .toList();
            List<String> unappraised = rows.stream().filter(r -> !r.appraised()).map(IndexResults.Row::code)
                    .toList();
            if (rows.isEmpty() || !unappraised.isEmpty()) {
                throw new ConflictException("conflict.indexUnappraised", index.getVersion(), unappraised);
            }
            results.keep(index, rows);
            index.publish(OffsetDateTime.now(clock));
            repository.saveAndFlush(index);
            audit.recordEvent(user.actor(), IndexService.ENTITY, index.getId(), null, "PUBLISHED",
                    rows.size() + " đơn vị");
            return results.published(index);
        }));
    }
}
