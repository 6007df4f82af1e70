package vn.parindex.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.evidence.DocumentDetails;
import vn.parindex.evidence.EvidenceInfo;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.evidence.UploadedFile;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.CriterionLookup;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * The assessment workflow: a lead unit submits a score with an explanation and evidence (SUBMITTED); Home
 * Affairs approves it (its score becomes the criterion's current score) or returns it with a reason (RETURNED),
 * and the unit may submit again. Every step is on record in the same transaction.
 */
@Service
public class AssessmentService {

    static final String ENTITY = "ASSESSMENT";
    /** The unique index behind "one submission awaiting review per criterion" (V5). */
    static final String ONE_PENDING = "assessment_one_pending";

    private final CriteriaCatalog catalog;
    private final CriterionLookup criteria;
    private final AssessmentRepository assessments;
    private final EvidenceService evidence;
    private final ReviewPermissions permissions;
    private final CriterionScoreService scores;
    private final AuditTrail audit;
    /** The business clock: a submission is dated on the day business rules count as today (a demo's date). */
    private final Clock clock;

    AssessmentService(CriteriaCatalog catalog, CriterionLookup criteria, AssessmentRepository assessments,
            EvidenceService evidence, ReviewPermissions permissions, CriterionScoreService scores,
            AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.criteria = criteria;
        this.assessments = assessments;
        this.evidence = evidence;
        this.permissions = permissions;
        this.scores = scores;
        this.audit = audit;
    }

    /**
     * Submits a self-assessment; score typed {@code 1,25} or {@code 1.25}; the files with the document's details
     * (already checked).
     */
    @Transactional
    public Assessment submit(CurrentUser user, int year, String code, String scoreText, String explanation,
            List<UploadedFile> files, DocumentDetails details) {
        Criterion criterion = criteria.findByYearAndCode(year, code).orElseThrow(() -> notFound(year, code));
        CriterionView view = catalog.criterion(year, code).orElseThrow(() -> notFound(year, code));
        Cycle cycle = criterion.getCycle();
        ReviewPermissions.require(permissions.maySubmit(user, view, !criteria.existsByParentId(criterion.getId())));
        ReviewPermissions.requireOpen(cycle.getStatus(), criterion.getVersion());
        FieldErrors errors = new FieldErrors();
        BigDecimal score = CriterionScoreService.parseScore(scoreText, "score", criterion.getMaxScore(), errors);
        if (explanation == null || explanation.isBlank()) {
            errors.add("comment", "comment.required");
        }
        errors.commentLength("comment", explanation);
        List<UploadedFile> attached = files == null ? List.of() : files.stream().filter(f -> f.fileName() != null
                && !f.fileName().isBlank()).toList();
        evidence.check(attached, "files", errors);
        errors.throwIfAny();
        if (assessments.existsByCriterionIdAndStatus(criterion.getId(), AssessmentStatus.SUBMITTED)) {
            throw new ConflictException("conflict.pending", criterion.getVersion());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Assessment assessment;
        try {
            assessment = assessments.saveAndFlush(new Assessment(criterion.getId(), user.unitId(), score,
                    explanation.strip(), user.id(), now));
        } catch (DataIntegrityViolationException e) {
            // a parallel submission won the race: the database's one-pending rule (V5) refused this one
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains(ONE_PENDING)) {
                throw new ConflictException("conflict.pending", criterion.getVersion());
            }
            throw e;
        }
        audit.record(user.actor(), ENTITY, assessment.getId(), criterion.getId(), "status", null,
                AssessmentStatus.SUBMITTED, explanation.strip());
        audit.record(user.actor(), ENTITY, assessment.getId(), criterion.getId(), "score", null, score, null);
        evidence.store(user, criterion.getId(), assessment.getId(), attached, details, now);
        return assessment;
    }

    /**
     * Refuses (403) whoever may not submit on the criterion, before anything they sent is read; 404 for an unknown
     * criterion; 409 ({@code conflict.cycleClosed}) when the year is closed. The submission itself checks again.
     */
    @Transactional(readOnly = true)
    public void requireCanSubmit(CurrentUser user, int year, String code) {
        Criterion criterion = criteria.findByYearAndCode(year, code).orElseThrow(() -> notFound(year, code));
        CriterionView view = catalog.criterion(year, code).orElseThrow(() -> notFound(year, code));
        ReviewPermissions.require(permissions.maySubmit(user, view, !criteria.existsByParentId(criterion.getId())));
        ReviewPermissions.requireOpen(criterion.getCycle().getStatus(), criterion.getVersion());
    }

    /** Like {@link #requireCanSubmit} for evidence uploaded on its own (Home Affairs may too). */
    @Transactional(readOnly = true)
    public void requireCanUpload(CurrentUser user, int year, String code) {
        Criterion criterion = criteria.findByYearAndCode(year, code).orElseThrow(() -> notFound(year, code));
        CriterionView view = catalog.criterion(year, code).orElseThrow(() -> notFound(year, code));
        ReviewPermissions.require(permissions.maySubmit(user, view, !criteria.existsByParentId(criterion.getId()))
                || permissions.canEditScores(user));
        ReviewPermissions.requireOpen(criterion.getCycle().getStatus(), criterion.getVersion());
    }

    public long maxFileSizeBytes() {
        return evidence.maxFileSize().toBytes();
    }

    /** Approves a submission (its score becomes the criterion's current score); refused on a stale version. */
    @Transactional
    public Assessment approve(CurrentUser user, long assessmentId, String comment, Long version) {
        ReviewPermissions.require(permissions.canReview(user));
        Assessment assessment = assessments.findForReview(assessmentId)
                .orElseThrow(() -> new NotFoundException("notFound.assessment", assessmentId));
        new FieldErrors().commentLength("comment", comment).throwIfAny();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        assessment.approve(user.id(), note, OffsetDateTime.now(clock), versionOrCurrent(assessment, version));
        audit.record(user.actor(), ENTITY, assessmentId, assessment.getCriterionId(), "status",
                AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED, note);
        Criterion criterion = criteria.findById(assessment.getCriterionId()).orElseThrow();
        scores.applyApproved(user, criterion, assessment.getScore(),
                "Thống nhất điểm bản tự đánh giá số " + assessmentId + (note == null ? "" : ": " + note));
        assessments.flush();
        return assessment;
    }

    /** Returns a submission to its unit with a required reason. */
    @Transactional
    public Assessment giveBack(CurrentUser user, long assessmentId, String reason, Long version) {
        ReviewPermissions.require(permissions.canReview(user));
        Assessment assessment = assessments.findForReview(assessmentId)
                .orElseThrow(() -> new NotFoundException("notFound.assessment", assessmentId));
        if (reason == null || reason.isBlank()) {
            new FieldErrors().add("comment", "reason.required").throwIfAny();
        }
        new FieldErrors().commentLength("comment", reason).throwIfAny();
        assessment.giveBack(user.id(), reason.strip(), OffsetDateTime.now(clock),
                versionOrCurrent(assessment, version));
        audit.record(user.actor(), ENTITY, assessmentId, assessment.getCriterionId(), "status",
                AssessmentStatus.SUBMITTED, AssessmentStatus.RETURNED, reason.strip());
        assessments.flush();
        return assessment;
    }

    /** Uploads evidence for a criterion outside a submission (same rights as submitting). */
    @Transactional
    public List<EvidenceInfo> upload(CurrentUser user, int year, String code, List<UploadedFile> files,
            DocumentDetails details) {
        Criterion criterion = criteria.findByYearAndCode(year, code).orElseThrow(() -> notFound(year, code));
        CriterionView view = catalog.criterion(year, code).orElseThrow(() -> notFound(year, code));
        ReviewPermissions.require(permissions.maySubmit(user, view, !criteria.existsByParentId(criterion.getId()))
                || permissions.canEditScores(user));
        ReviewPermissions.requireOpen(criterion.getCycle().getStatus(), criterion.getVersion());
        FieldErrors errors = new FieldErrors();
        if (files == null || files.isEmpty()) {
            errors.add("file", "evidence.required");
        } else {
            evidence.check(files, "file", errors);
        }
        errors.throwIfAny();
        List<Long> ids = evidence.store(user, criterion.getId(), null, files, details,
                OffsetDateTime.now(clock));
        return evidence.forCriterion(criterion.getId()).stream().filter(e -> ids.contains(e.id())).toList();
    }

    /**
     * The status of each assessed criterion's latest assessment, by criterion id. A criterion has at most one
     * submission awaiting review and it is always its latest, so this also tells what awaits review.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, AssessmentStatus> latestStatuses(long cycleId) {
        java.util.Map<Long, AssessmentStatus> statuses = new java.util.HashMap<>();
        for (Object[] row : assessments.findLatestStatusesByCycle(cycleId)) {
            statuses.put((Long) row[0], (AssessmentStatus) row[1]);
        }
        return statuses;
    }

    @Transactional(readOnly = true)
    public List<AssessmentView> awaitingReview() {
        return assessments.describeByStatus(AssessmentStatus.SUBMITTED);
    }

    /** Without a version the reviewer acts on the submission as it is now; its status still guards the race. */
    private static long versionOrCurrent(Assessment assessment, Long version) {
        return version != null ? version : assessment.getVersion();
    }

    static NotFoundException notFound(int year, String code) {
        return NotFoundException.criterion(year, code);
    }
}
