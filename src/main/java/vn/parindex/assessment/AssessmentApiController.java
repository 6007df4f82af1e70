package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.audit.AuditTrail;
import vn.parindex.audit.HistoryEntry;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.scoring.ApiJson.CriterionJson;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.criteria.Scores;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;

/** Write API of the workflow (HTTP Basic; the same rules as the pages, enforced by the services). */
@RestController
@RequestMapping("/api/v1")
class AssessmentApiController {

    record SubmitRequest(BigDecimal score, String comment) {
    }

    record ReviewRequest(String comment, Long version) {
    }

    record ScorePatch(BigDecimal baselineScore, BigDecimal targetScore, BigDecimal currentScore, String comment,
            Long version) {
    }

    record AssessmentJson(long id, String status, BigDecimal score, String comment, String submittedBy,
            OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt, String reviewComment,
            long version) {

        static AssessmentJson of(AssessmentView a) {
            return new AssessmentJson(a.id(), a.status().name(), a.score(), a.explanation(), a.submittedBy(),
                    a.submittedAt(), a.reviewedBy(), a.reviewedAt(), a.reviewComment(), a.version());
        }
    }

    record HistoryJson(OffsetDateTime at, String by, String field, String oldValue, String newValue,
            String comment, String entityType, long entityId) {

        static HistoryJson of(HistoryEntry h) {
            return new HistoryJson(h.at(), h.by(), h.field(), h.oldValue(), h.newValue(), h.comment(),
                    h.entityType(), h.entityId());
        }
    }

    private final AssessmentService assessments;
    private final CriterionScoreService scores;
    private final CriterionPages pages;
    private final ScoreboardService scoreboards;
    private final AuditTrail audit;
    private final EvidenceService evidence;

    AssessmentApiController(AssessmentService assessments, CriterionScoreService scores, CriterionPages pages,
            ScoreboardService scoreboards, AuditTrail audit, EvidenceService evidence) {
        this.evidence = evidence;
        this.assessments = assessments;
        this.scores = scores;
        this.pages = pages;
        this.scoreboards = scoreboards;
        this.audit = audit;
    }

    @PostMapping("/cycles/{year}/criteria/{code}/assessments")
    ResponseEntity<Map<String, Object>> submit(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String code, @RequestBody SubmitRequest request) {
        FieldErrors errors = new FieldErrors();
        String score = scoreText(request.score(), "score", errors);
        errors.throwIfAny();
        Assessment assessment = assessments.submit(user, cycle.getYear(), code, score, request.comment(), List.of());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + assessment.getId()))
                .body(Map.of("id", assessment.getId(), "status", assessment.getStatus().name()));
    }

    @GetMapping("/cycles/{year}/criteria/{code}/assessments")
    List<AssessmentJson> thread(Cycle cycle, @PathVariable String code) {
        return assessments.thread(pages.criterionId(cycle.getYear(), code)).stream().map(AssessmentJson::of).toList();
    }

    @PostMapping(path = "/cycles/{year}/criteria/{code}/evidence", consumes = "multipart/form-data")
    ResponseEntity<List<EvidenceInfo>> upload(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String code, HttpServletRequest request) {
        // the permission first: a body nobody may send is never parsed (multipart is resolved lazily)
        assessments.requireCanUpload(user, cycle.getYear(), code);
        try (Uploads uploads = Uploads.receive(request, "file", evidence.maxFileSize().toBytes())) {
            if (uploads.files().isEmpty()) {
                throw InvalidInputException.of("file", "evidence.required");
            }
            List<EvidenceInfo> stored = assessments.upload(user, cycle.getYear(), code, uploads.files());
            return ResponseEntity.status(201).body(stored);
        }
    }

    @GetMapping("/cycles/{year}/criteria/{code}/evidence")
    List<EvidenceInfo> evidence(Cycle cycle, @PathVariable String code) {
        return pages.evidence(pages.criterionId(cycle.getYear(), code));
    }

    @PostMapping("/assessments/{id}/approve")
    Map<String, Object> approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) ReviewRequest request) {
        ReviewRequest r = request == null ? new ReviewRequest(null, null) : request;
        Assessment a = assessments.approve(user, id, r.comment(), r.version());
        return Map.of("id", a.getId(), "status", a.getStatus().name(), "version", a.getVersion());
    }

    @PostMapping("/assessments/{id}/return")
    Map<String, Object> giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) ReviewRequest request) {
        ReviewRequest r = request == null ? new ReviewRequest(null, null) : request;
        Assessment a = assessments.giveBack(user, id, r.comment(), r.version());
        return Map.of("id", a.getId(), "status", a.getStatus().name(), "version", a.getVersion());
    }

    @PatchMapping("/cycles/{year}/criteria/{code}")
    CriterionJson patch(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @RequestBody ScorePatch patch) {
        FieldErrors errors = new FieldErrors();
        String baseline = scoreText(patch.baselineScore(), "baselineScore", errors);
        String target = scoreText(patch.targetScore(), "targetScore", errors);
        String current = scoreText(patch.currentScore(), "currentScore", errors);
        errors.throwIfAny();
        Criterion criterion = scores.update(user, cycle.getYear(), code, new CriterionScoreService.ScoreChange(
                baseline, target, current, patch.comment(), patch.version()));
        // the cycle read again: its data revision has just changed
        return scoreboards.forYear(cycle.getYear()).map(b -> CriterionJson.of(b.row(criterion.getCode())))
                .orElseThrow(() -> NotFoundException.cycle(cycle.getYear()));
    }

    @GetMapping("/cycles/{year}/criteria/{code}/history")
    List<HistoryJson> history(Cycle cycle, @PathVariable String code) {
        return audit.forCriterion(pages.criterionId(cycle.getYear(), code)).stream().map(HistoryJson::of).toList();
    }

    /**
     * A number from JSON as text for the services, checked by its precision and scale first: never written out
     * when it cannot be a score ({@code 1e999999999} would be a billion digits).
     */
    private static String scoreText(BigDecimal value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return Scores.plainText(value);
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }
}
