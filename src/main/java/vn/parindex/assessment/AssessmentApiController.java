package vn.parindex.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
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
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.evidence.DocumentDetails;
import vn.parindex.evidence.EvidenceInfo;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.evidence.TaskProgress;
import vn.parindex.evidence.Uploads;
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
@Tag(name = "Assessments", description = "Self-assessments, evidence, Home Affairs' review and direct score "
        + "corrections, with their record (the same rules as the pages)")
class AssessmentApiController {

    record SubmitRequest(BigDecimal score, String comment) {
    }

    static final String DETAILS_NUMBER = "The document's number and symbol (số, ký hiệu), at most 100 characters, "
            + "one line; optional";
    static final String DETAILS_DATE = "The document's date of issue (ngày ban hành), yyyy-MM-dd, from 2000-01-01 "
            + "to today; optional";
    static final String DETAILS_SUMMARY = "The document's summary (trích yếu), at most 1 000 characters, one line; "
            + "optional";

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
    private final EvidenceService evidence;
    private final vn.parindex.tasks.TaskUpdates taskUpdates;
    private final TaskProgress taskProgress;

    AssessmentApiController(AssessmentService assessments, CriterionScoreService scores, CriterionPages pages,
            ScoreboardService scoreboards, EvidenceService evidence, vn.parindex.tasks.TaskUpdates taskUpdates,
            TaskProgress taskProgress) {
        this.taskUpdates = taskUpdates;
        this.taskProgress = taskProgress;
        this.evidence = evidence;
        this.assessments = assessments;
        this.scores = scores;
        this.pages = pages;
        this.scoreboards = scoreboards;
    }

    @Operation(summary = "Submit a self-assessment", description = "A unit head of a lead unit of the criterion "
            + "(or Home Affairs) submits a score (at most the criterion's maximum, at most 4 decimals) with an "
            + "explanation; it awaits Home Affairs' review.")
    @ApiResponse(responseCode = "201", description = "Submitted: the new assessment's id and status (Location: "
            + "/api/v1/assessments/{id})")
    @ApiResponse(responseCode = "400", description = "score missing, negative, above the maximum or with more than "
            + "4 decimals; comment missing or longer than 4 000 characters (errors[].field)")
    @ApiResponse(responseCode = "403", description = "The account's unit does not lead this criterion, the account "
            + "is a leader's, or the criterion is scored by the survey")
    @ApiResponse(responseCode = "409", description = "A submission for this criterion is already awaiting review, or "
            + "the year is closed")
    @RefusedWhenClosed(YearWriters.Submitters.class)
    @PostMapping("/cycles/{year}/criteria/{code}/assessments")
    ResponseEntity<Map<String, Object>> submit(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String code, @RequestBody SubmitRequest request) {
        FieldErrors errors = new FieldErrors();
        String score = scoreText(request.score(), "score", errors);
        errors.throwIfAny();
        Assessment assessment = assessments.submit(user, cycle.getYear(), code, score, request.comment(), List.of(),
                DocumentDetails.NONE);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + assessment.getId()))
                .body(Map.of("id", assessment.getId(), "status", assessment.getStatus().name()));
    }

    @Operation(summary = "A criterion's assessment thread", description = "Every submission of the criterion with "
            + "its review, oldest first.")
    @GetMapping("/cycles/{year}/criteria/{code}/assessments")
    List<AssessmentJson> thread(Cycle cycle, @PathVariable String code) {
        return pages.shared(cycle, code).assessmentViews().stream().map(AssessmentJson::of).toList();
    }

    @Operation(summary = "Upload an evidence document", description = "PDF, Word, Excel, images or ZIP, checked "
            + "by content (not by the name's extension), with the document's number and symbol, date of issue and "
            + "summary if given (the same for every file of the request); the permission is checked before the body "
            + "is read, the details before any file is received.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schemaProperties = {
                    @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
                            description = "the document")),
                    @SchemaProperty(name = "documentNumber", schema = @Schema(type = "string", maxLength = 100,
                            example = "125/KH-UBND", description = DETAILS_NUMBER)),
                    @SchemaProperty(name = "issuedOn", schema = @Schema(type = "string", format = "date",
                            example = "2023-03-15", description = DETAILS_DATE)),
                    @SchemaProperty(name = "summary", schema = @Schema(type = "string", maxLength = 1000,
                            description = DETAILS_SUMMARY))}))
    @ApiResponse(responseCode = "201", description = "Stored: the documents as recorded (name, type, size, SHA-256, "
            + "number, date of issue, summary)")
    @ApiResponse(responseCode = "400", description = "No file, a type that is not accepted, or content that does "
            + "not match the file's extension (errors[].field = file); a number longer than 100 characters, a summary "
            + "longer than 1 000, either with control characters, a date not written yyyy-MM-dd, before 2000 or in "
            + "the future (errors[].field = documentNumber, summary, issuedOn): nothing stored")
    @ApiResponse(responseCode = "403", description = "The account may not add evidence to this criterion")
    @ApiResponse(responseCode = "409", description = "The year is closed")
    @ApiResponse(responseCode = "413", description = "The file is larger than the evidence size limit")
    @RefusedWhenClosed(YearWriters.Uploaders.class)
    @PostMapping(path = "/cycles/{year}/criteria/{code}/evidence", consumes = "multipart/form-data")
    ResponseEntity<List<EvidenceInfo>> upload(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String code, HttpServletRequest request) {
        // the permission first: a body nobody may send is never parsed (multipart is resolved lazily)
        assessments.requireCanUpload(user, cycle.getYear(), code);
        try (Uploads uploads = Uploads.receive(request, "file", evidence.maxFileSize().toBytes(), Uploads.Dates.API)) {
            if (uploads.files().isEmpty()) {
                throw InvalidInputException.of("file", "evidence.required");
            }
            List<EvidenceInfo> stored = assessments.upload(user, cycle.getYear(), code, uploads.files(),
                    uploads.details());
            return ResponseEntity.status(201).body(stored);
        }
    }

    record StoredJson(List<Long> ids) {
    }

    @Operation(summary = "Attach evidence to a task's progress update", description = "The head of a lead unit of "
            + "the task, or Home Affairs, adds documents (PDF, Word, Excel, images or ZIP, checked by content) to a "
            + "progress update recorded with POST /api/v1/tasks/{id}/updates; the permission is checked before the "
            + "body is read. With the document's number and symbol, date of issue and summary if given. Downloaded from "
            + "the task's page.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schemaProperties = {
                    @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
                            description = "the document")),
                    @SchemaProperty(name = "documentNumber", schema = @Schema(type = "string", maxLength = 100,
                            example = "125/KH-UBND", description = DETAILS_NUMBER)),
                    @SchemaProperty(name = "issuedOn", schema = @Schema(type = "string", format = "date",
                            example = "2023-03-15", description = DETAILS_DATE)),
                    @SchemaProperty(name = "summary", schema = @Schema(type = "string", maxLength = 1000,
                            description = DETAILS_SUMMARY))}))
    @ApiResponse(responseCode = "201", description = "Stored: the documents' ids",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StoredJson.class)))
    @ApiResponse(responseCode = "400", description = "No file, a type that is not accepted, or content that does "
            + "not match the file's extension (errors[].field = file); bad document details (errors[].field = "
            + "documentNumber, summary, issuedOn): nothing stored")
    @ApiResponse(responseCode = "403", description = "The account's unit does not lead the task, or it is a leader's")
    @ApiResponse(responseCode = "409", description = "The task's cycle is closed")
    @ApiResponse(responseCode = "404", description = "No task of that id, or no such update of it")
    @ApiResponse(responseCode = "413", description = "The file is larger than the evidence size limit")
    @PostMapping(path = "/tasks/{id}/updates/{updateId}/evidence", consumes = "multipart/form-data")
    ResponseEntity<StoredJson> uploadForTask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long updateId, HttpServletRequest request) {
        // the permission first: a body nobody may send is never parsed (multipart is resolved lazily)
        taskUpdates.requireMayUpdate(user, id);
        try (Uploads uploads = Uploads.receive(request, "file", evidence.maxFileSize().toBytes(), Uploads.Dates.API)) {
            return ResponseEntity.status(201).body(new StoredJson(taskProgress.attach(user, id, updateId,
                    uploads.files(), uploads.details())));
        }
    }

    @Operation(summary = "A criterion's evidence documents", description = "Name, type, size, SHA-256, who "
            + "uploaded it and when, and the document's number, date of issue and summary (null when not given); "
            + "the content is downloaded from the page.")
    @GetMapping("/cycles/{year}/criteria/{code}/evidence")
    List<EvidenceInfo> evidence(Cycle cycle, @PathVariable String code) {
        return pages.shared(cycle, code).evidenceInfos();
    }

    @Operation(summary = "Approve a submission (Home Affairs)", description = "The submitted score becomes the "
            + "criterion's current score. An optional version guards against a concurrent review.")
    @ApiResponse(responseCode = "200", description = "Approved: id, status and the assessment's new version")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs reviews")
    @ApiResponse(responseCode = "404", description = "No such assessment")
    @ApiResponse(responseCode = "409", description = "Already reviewed, the version is stale (currentVersion), or the "
            + "year is closed (answered before the body is read)")
    @RefusedWhenClosed(ReviewWriters.class)
    @PostMapping("/assessments/{id}/approve")
    Map<String, Object> approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) ReviewRequest request) {
        ReviewRequest r = request == null ? new ReviewRequest(null, null) : request;
        Assessment a = assessments.approve(user, id, r.comment(), r.version());
        return Map.of("id", a.getId(), "status", a.getStatus().name(), "version", a.getVersion());
    }

    @Operation(summary = "Return a submission to its unit (Home Affairs)", description = "A reason is required; "
            + "the unit may submit again.")
    @ApiResponse(responseCode = "200", description = "Returned: id, status and the assessment's new version")
    @ApiResponse(responseCode = "400", description = "No reason given (errors[].field = comment)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs reviews")
    @ApiResponse(responseCode = "404", description = "No such assessment")
    @ApiResponse(responseCode = "409", description = "Already reviewed, the version is stale (currentVersion), or the "
            + "year is closed (answered before the body is read)")
    @RefusedWhenClosed(ReviewWriters.class)
    @PostMapping("/assessments/{id}/return")
    Map<String, Object> giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) ReviewRequest request) {
        ReviewRequest r = request == null ? new ReviewRequest(null, null) : request;
        Assessment a = assessments.giveBack(user, id, r.comment(), r.version());
        return Map.of("id", a.getId(), "status", a.getStatus().name(), "version", a.getVersion());
    }

    @Operation(summary = "Correct a criterion's scores (Home Affairs)", description = "Any of baseline, target "
            + "and current score, with a comment and the version the change is based on; recorded in the history.")
    @ApiResponse(responseCode = "200", description = "Corrected: the criterion with its figures and new version")
    @ApiResponse(responseCode = "400", description = "A score out of 0..maximum or with more than 4 decimals, a "
            + "current score on a domain, or no comment (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs corrects scores")
    @ApiResponse(responseCode = "409", description = "The version is stale: someone changed the criterion "
            + "(currentVersion)")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
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

    @Operation(summary = "A criterion's change history", description = "Every change to the criterion, its "
            + "assessments and evidence, newest first, with who made it (append-only).")
    @GetMapping("/cycles/{year}/criteria/{code}/history")
    List<HistoryJson> history(Cycle cycle, @PathVariable String code) {
        return pages.shared(cycle, code).historyEntries().stream().map(HistoryJson::of).toList();
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
