package vn.parindex.appraisal;

import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.CriterionLookup;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Home Affairs records the province's appraisal (thẩm định) of a criterion once published: the appraised score and
 * the province's reason for any deduction. The appraised score becomes the criterion's official result. Checked here,
 * written by {@code criteria} ({@link CriterionScoreService#applyAppraisal}: every write of a criterion is that
 * module's).
 */
@Service
public class AppraisalService {

    /** Longest reason kept (the column's bound). */
    public static final int MAX_REASON_LENGTH = 2000;

    private final CriterionLookup criteria;
    private final ReviewPermissions permissions;
    private final CriterionScoreService scores;
    private final java.util.List<ProvinceAppraises> province;

    AppraisalService(CriterionLookup criteria, ReviewPermissions permissions, CriterionScoreService scores,
            java.util.List<ProvinceAppraises> province) {
        this.criteria = criteria;
        this.permissions = permissions;
        this.scores = scores;
        this.province = province;
    }

    /**
     * Refuses an appraisal the body may not enter (409): any once the province published the year's result
     * ({@code conflict.indexPublished}), the body's own while the province appraises it ({@code
     * conflict.appraisedByProvince}).
     */
    public void requireMayAppraise(CurrentUser user, int year, long currentVersion) {
        for (ProvinceAppraises p : province) {
            ProvinceAppraises.State state = p.of(year);
            if (state == ProvinceAppraises.State.PUBLISHED) {
                throw new ConflictException("conflict.indexPublished", currentVersion);
            }
            if (state == ProvinceAppraises.State.OPEN && !user.isProvince()) {
                throw new ConflictException("conflict.appraisedByProvince", currentVersion);
            }
        }
    }

    /**
     * A score sent as a JSON number, as the text the services parse (plain, at most 4 decimals); 400 on
     * {@code field} for one that cannot be, or for none when {@code required}; null for none otherwise.
     */
    public static String scoreText(BigDecimal value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw vn.parindex.system.InvalidInputException.of(field, "score.required");
            }
            return null;
        }
        try {
            return vn.parindex.criteria.Scores.plainText(value);
        } catch (IllegalArgumentException e) {
            throw vn.parindex.system.InvalidInputException.of(field, e.getMessage());
        }
    }

    /** A reason's problems (too long, a control character) added on {@code field}; the stripped text. */
    public static String checkReason(String reason, String field, FieldErrors errors) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() > MAX_REASON_LENGTH) {
            errors.add(field, "appraisal.reasonTooLong");
        } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(field, "appraisal.reasonInvalid");
        }
        return text;
    }

    /** The appraisal as typed: the score (9,5 or 9.5), the reason, the version of the criterion it is based on. */
    public record AppraisalChange(String appraisedScore, String reason, Long version) {
    }

    @Transactional
    public Criterion appraise(CurrentUser user, int year, String code, AppraisalChange change) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findByYearAndCode(year, code)
                .orElseThrow(() -> NotFoundException.criterion(year, code));
        FieldErrors errors = new FieldErrors();
        BigDecimal score = CriterionScoreService.parseScore(change.appraisedScore(), "appraisedScore",
                criterion.getMaxScore(), errors);
        if (criteria.existsByParentId(criterion.getId())) {
            errors.add("appraisedScore", "appraisal.parent");
        } else if (!criterion.appliesWithParents()) {
            // its maximum left the body's with "không áp dụng": no score fits under it
            errors.add("appraisedScore", "appraisal.notApplicable");
        }
        String reason = checkReason(change.reason(), "reason", errors);
        BigDecimal selfAssessed = criterion.getCurrentScore();
        if (score != null && selfAssessed != null && score.compareTo(selfAssessed) < 0 && reason.isEmpty()) {
            errors.add("reason", "appraisal.reasonRequired");
        }
        if (change.version() == null) {
            errors.add("version", "version.required");
        }
        errors.throwIfAny();
        requireMayAppraise(user, year, criterion.getVersion());
        if (criterion.getDecisionReason() != null) {
            // the appraisal council settled it: only its decision changes it now
            throw new ConflictException("conflict.decided", criterion.getVersion());
        }
        if (criterion.getCycle().isClosed()) {
            throw new ConflictException("conflict.cycleClosed", criterion.getVersion());
        }
        criterion.requireVersion(change.version());
        scores.applyAppraisal(user, criterion, score, reason.isEmpty() ? null : reason, "appraisal");
        return criterion;
    }

    /** An appraisal read from an imported table, already checked; on record with the comment. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void applyImported(CurrentUser user, long criterionId, BigDecimal score, String reason, String comment) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findById(criterionId).orElseThrow();
        if (score != null && !criterion.appliesWithParents()) {
            throw vn.parindex.system.InvalidInputException.of("appraisedScore", "appraisal.notApplicable");
        }
        scores.applyAppraisal(user, criterion, score, reason, comment);
    }
}
