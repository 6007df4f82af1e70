package vn.parindex.criteria;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/** Home Affairs sets a criterion's baseline, target or current score directly, with a required comment. */
@Service
public class CriterionScoreService {

    static final String ENTITY = "CRITERION";

    private final CriterionRepository criteria;
    private final ReviewPermissions permissions;
    private final AuditTrail audit;
    private final EntityManager entities;
    private final java.util.List<SelfAssessmentFreeze> freezes;

    CriterionScoreService(CriterionRepository criteria, ReviewPermissions permissions, AuditTrail audit,
            EntityManager entities, java.util.List<SelfAssessmentFreeze> freezes) {
        this.criteria = criteria;
        this.permissions = permissions;
        this.audit = audit;
        this.entities = entities;
        this.freezes = freezes;
    }

    /** Refuses (409) a change of the self-assessed score that a {@link SelfAssessmentFreeze} says is frozen. */
    private void requireSelfAssessmentOpen(Criterion criterion) {
        for (SelfAssessmentFreeze freeze : freezes) {
            String key = freeze.frozen(criterion);
            if (key != null) {
                throw new vn.parindex.system.ConflictException(key, criterion.getVersion());
            }
        }
    }

    /** New values as typed; null means "leave unchanged". */
    public record ScoreChange(String baselineScore, String targetScore, String currentScore, String comment,
            Long version) {
    }

    @Transactional
    public Criterion update(CurrentUser user, int year, String code, ScoreChange change) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findByYearAndCode(year, code)
                .orElseThrow(() -> NotFoundException.criterion(year, code));
        FieldErrors errors = new FieldErrors();
        BigDecimal max = criterion.getMaxScore();
        BigDecimal baseline = change.baselineScore() == null ? null
                : parseScore(change.baselineScore(), "baselineScore", max, errors);
        BigDecimal target = change.targetScore() == null ? null
                : parseScore(change.targetScore(), "targetScore", max, errors);
        BigDecimal current = change.currentScore() == null ? null
                : parseScore(change.currentScore(), "currentScore", max, errors);
        if (change.currentScore() != null && criteria.existsByParentId(criterion.getId())) {
            errors.add("currentScore", "score.parentCurrent");
        }
        if (change.baselineScore() == null && change.targetScore() == null && change.currentScore() == null) {
            errors.add("baselineScore", "score.nothingToChange");
        }
        if (change.comment() == null || change.comment().isBlank()) {
            errors.add("comment", "comment.required");
        }
        errors.commentLength("comment", change.comment());
        if (change.version() == null) {
            errors.add("version", "version.required");
        }
        errors.throwIfAny();
        // the row is locked (and read again) before anything is written: a concurrent correction waits here, then
        // sees the new version and is refused, rather than each holding a lock the other needs (the history's
        // insert, the data revision) and deadlocking
        entities.refresh(criterion, LockModeType.PESSIMISTIC_WRITE);
        if (criterion.getCycle().isClosed()) {
            throw new vn.parindex.system.ConflictException("conflict.cycleClosed", criterion.getVersion());
        }
        criterion.requireVersion(change.version());
        String comment = change.comment().strip();
        if (baseline != null) {
            audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "baselineScore",
                    criterion.getBaselineScore(), baseline, comment);
            criterion.changeBaselineScore(baseline);
        }
        if (target != null) {
            audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "targetScore",
                    criterion.getTargetScore(), target, comment);
            criterion.changeTargetScore(target);
        }
        if (current != null) {
            requireSelfAssessmentOpen(criterion);
            audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "currentScore",
                    criterion.getCurrentScore(), current, comment);
            criterion.changeCurrentScore(current);
        }
        criteria.saveAndFlush(criterion);
        return criterion;
    }

    /**
     * A figure read from an imported table, already checked (the importer refuses anything out of range before
     * writing anything): {@code field} is baselineScore, targetScore or currentScore. On record with the comment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyImported(CurrentUser user, long criterionId, String field, BigDecimal value, String comment) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findById(criterionId).orElseThrow();
        switch (field) {
            case "baselineScore" -> {
                audit.record(user.actor(), ENTITY, criterionId, criterionId, field, criterion.getBaselineScore(), value,
                        comment);
                criterion.changeBaselineScore(value);
            }
            case "targetScore" -> {
                audit.record(user.actor(), ENTITY, criterionId, criterionId, field, criterion.getTargetScore(), value,
                        comment);
                criterion.changeTargetScore(value);
            }
            case "currentScore" -> {
                requireSelfAssessmentOpen(criterion);
                audit.record(user.actor(), ENTITY, criterionId, criterionId, field, criterion.getCurrentScore(), value,
                        comment);
                criterion.changeCurrentScore(value);
            }
            default -> throw new IllegalArgumentException("Not an imported figure: " + field);
        }
        criteria.saveAndFlush(criterion);
    }

    /** An approved assessment's score becomes the current score. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyApproved(CurrentUser user, Criterion criterion, BigDecimal score, String comment) {
        requireSelfAssessmentOpen(criterion);
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "currentScore",
                criterion.getCurrentScore(), score, comment);
        criterion.changeCurrentScore(score);
        criteria.saveAndFlush(criterion);
    }

    /**
     * The province's appraisal of a criterion, already checked ({@code appraisal.AppraisalService}: the form, the API,
     * an import): on record with the comment; both null clears it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyAppraisal(CurrentUser user, Criterion criterion, BigDecimal score, String reason,
            String comment) {
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "appraisedScore",
                criterion.getAppraisedScore(), score, comment);
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "appraisalReason",
                criterion.getAppraisalReason(), reason, comment);
        criterion.recordAppraisal(score, reason);
        criteria.saveAndFlush(criterion);
    }

    /**
     * Marks whether a criterion applies to its body (the province, {@code index}), on record in its history; the
     * reason is required when it does not.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void applyApplicability(CurrentUser user, Criterion criterion, boolean applies, String reason) {
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "applies", criterion.isApplies(),
                applies, null);
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "applicabilityReason",
                criterion.getApplicabilityReason(), applies ? null : reason, null);
        criterion.markApplicability(applies, reason);
        criteria.saveAndFlush(criterion);
    }

    /** Records the body's explanation of a deduction (giải trình), on record in the criterion's history. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyExplanation(CurrentUser user, Criterion criterion, String text) {
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "explanation",
                criterion.getExplanation(), text, null);
        criterion.recordExplanation(text);
        criteria.saveAndFlush(criterion);
    }

    /**
     * Records the appraisal council's final score and reason (the province, {@code index}): the appraised score from
     * now on, the appraisal before it in the criterion's history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyDecision(CurrentUser user, Criterion criterion, BigDecimal score, String reason) {
        String comment = "Hội đồng thẩm định quyết định";
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "appraisedScore",
                criterion.getAppraisedScore(), score, comment);
        audit.record(user.actor(), ENTITY, criterion.getId(), criterion.getId(), "decisionReason",
                criterion.getDecisionReason(), reason, comment);
        criterion.recordDecision(score, reason);
        criteria.saveAndFlush(criterion);
    }

    /** Parses a typed score and checks it lies between 0 and the maximum; problems go to {@code errors}. */
    public static BigDecimal parseScore(String text, String field, BigDecimal max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "score.required");
            return null;
        }
        try {
            BigDecimal score = Scores.parse(text);
            if (score.compareTo(max) > 0) {
                errors.add(field, "score.aboveMax");
                return null;
            }
            return score;
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }
}
