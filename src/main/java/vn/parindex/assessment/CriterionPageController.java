package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.AssignmentService;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.criteria.UnitRole;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;

/**
 * A criterion's page: its figures, weakness and units, the assessment thread with evidence, the history, and —
 * for those allowed — the forms to submit, review and correct scores. Bad input re-shows the form with what was
 * typed and a message next to each field.
 */
@Controller
class CriterionPageController {

    private final ScoreboardService scoreboards;
    private final AssessmentService assessments;
    private final CriterionScoreService scores;
    private final CriterionPages pages;
    private final ReviewPermissions permissions;
    private final AuditTrail audit;
    private final AssignmentService assignments;
    private final vn.parindex.criteria.CriteriaCatalog catalog;

    CriterionPageController(ScoreboardService scoreboards, AssessmentService assessments,
            CriterionScoreService scores, CriterionPages pages, ReviewPermissions permissions, AuditTrail audit,
            AssignmentService assignments, vn.parindex.criteria.CriteriaCatalog catalog) {
        this.assignments = assignments;
        this.catalog = catalog;
        this.scoreboards = scoreboards;
        this.assessments = assessments;
        this.scores = scores;
        this.pages = pages;
        this.permissions = permissions;
        this.audit = audit;
    }

    static String url(int year, String code) {
        return "/cycles/" + year + "/criteria/" + code;
    }

    @GetMapping("/cycles/{year}/criteria/{code}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String code,
            Model model) {
        Scoreboard board = scoreboards.forYear(year).orElseThrow(() -> NotFoundException.cycle(year));
        ScoreRow row = board.row(code);
        if (row == null) {
            throw AssessmentService.notFound(year, code);
        }
        long id = row.criterion().id();
        boolean leaf = board.children(code).isEmpty();
        model.addAttribute("board", board);
        model.addAttribute("row", row);
        model.addAttribute("children", board.children(code));
        // a domain (or any criterion with parts) lists everything below it with all figures
        model.addAttribute("descendants", leaf ? java.util.List.of() : board.descendants(code));
        model.addAttribute("statuses", leaf ? java.util.Map.of() : assessments.latestStatuses(board.cycle().id()));
        model.addAttribute("trend", catalog.trend(code));
        model.addAttribute("parent", row.criterion().parentCode() == null ? null
                : board.row(row.criterion().parentCode()));
        model.addAttribute("thread", assessments.thread(id));
        model.addAttribute("evidence", pages.evidence(id));
        model.addAttribute("history", audit.forCriterion(id));
        model.addAttribute("canSubmit", permissions.canSubmit(user, row.criterion(), leaf, board.cycle().status()));
        model.addAttribute("canReview", permissions.canReview(user));
        model.addAttribute("canEditScores", permissions.canEditScores(user));
        model.addAttribute("leaf", leaf);
        model.addAttribute("leads", permissions.leads(user, row.criterion()));
        model.addAttribute("coordinates", permissions.coordinates(user, row.criterion()));
        model.addAttribute("maxFileSizeMb", pages.maxFileSizeMb());
        if (permissions.canEditScores(user)) {
            model.addAttribute("units", pages.units());
            model.addAttribute("directLeads", pages.directUnits(id, UnitRole.LEAD));
            model.addAttribute("directHelpers", pages.directUnits(id, UnitRole.COORDINATING));
        }
        model.asMap().putIfAbsent("errors", Map.of());
        return "assessment/criterion";
    }

    @PostMapping("/cycles/{year}/criteria/{code}/assessments")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String code,
            HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // the permission first: the form's body (its files) is read only for those who may submit
        assessments.requireCanSubmit(user, year, code);
        String score = null;
        String comment = null;
        try (Uploads uploads = Uploads.receive(request, "files", assessments.maxFileSizeBytes())) {
            score = request.getParameter("score");
            comment = request.getParameter("comment");
            assessments.submit(user, year, code, score, comment, uploads.files());
            redirect.addFlashAttribute("notice", "notice.submitted");
            return "redirect:" + url(year, code);
        } catch (InvalidInputException e) {
            if (score == null && comment == null) {
                score = request.getParameter("score");
                comment = request.getParameter("comment");
            }
            return reshow(user, year, code, model, response, 400, e.fieldErrors(), null,
                    Map.of("score", nz(score), "comment", nz(comment)), "submit");
        } catch (ConflictException e) {
            return reshow(user, year, code, model, response, 409, Map.of(), e.messageKey(),
                    Map.of("score", nz(score), "comment", nz(comment)), "submit");
        }
    }

    @PostMapping("/assessments/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int year,
            @RequestParam String code, @RequestParam(required = false) String comment, @RequestParam long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, id, year, code, comment, version, true, model, redirect, response);
    }

    @PostMapping("/assessments/{id}/return")
    String giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int year,
            @RequestParam String code, @RequestParam(required = false) String comment, @RequestParam long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, id, year, code, comment, version, false, model, redirect, response);
    }

    private String review(CurrentUser user, long id, int year, String code, String comment, long version,
            boolean approve, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (approve) {
                assessments.approve(user, id, comment, version);
            } else {
                assessments.giveBack(user, id, comment, version);
            }
            redirect.addFlashAttribute("notice", approve ? "notice.approved" : "notice.returned");
            return "redirect:" + url(year, code);
        } catch (InvalidInputException e) {
            return reshow(user, year, code, model, response, 400, e.fieldErrors(), null,
                    Map.of("reviewComment", nz(comment), "reviewId", String.valueOf(id)), "review");
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            return reshow(user, year, code, model, response, 409, Map.of(), "conflict.assessment",
                    Map.of("reviewComment", nz(comment)), "review");
        }
    }

    @PostMapping("/cycles/{year}/criteria/{code}/scores")
    String editScores(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String baselineScore, @RequestParam(required = false) String targetScore,
            @RequestParam(required = false) String currentScore, @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = Map.of("baselineScore", nz(baselineScore), "targetScore", nz(targetScore),
                "currentScore", nz(currentScore), "scoreComment", nz(comment));
        try {
            scores.update(user, year, code, new CriterionScoreService.ScoreChange(blankToNull(baselineScore),
                    blankToNull(targetScore), blankToNull(currentScore), comment, version));
            redirect.addFlashAttribute("notice", "notice.scoresSaved");
            return "redirect:" + url(year, code);
        } catch (InvalidInputException e) {
            return reshow(user, year, code, model, response, 400, e.fieldErrors(), null, typed, "scores");
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            return reshow(user, year, code, model, response, 409, Map.of(), "conflict.criterion", typed, "scores");
        }
    }

    @PostMapping("/cycles/{year}/criteria/{code}/units")
    String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String code,
            @RequestParam(name = "leadUnits", required = false) List<String> leads,
            @RequestParam(name = "coordinatingUnits", required = false) List<String> helpers,
            @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> typed = Map.of("assignmentComment", nz(comment));
        try {
            assignments.assign(user, year, code, leads, helpers, comment, version);
            redirect.addFlashAttribute("notice", "notice.assignmentSaved");
            return "redirect:" + url(year, code);
        } catch (InvalidInputException e) {
            return reshow(user, year, code, model, response, 400, e.fieldErrors(), null, typed, "units");
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            return reshow(user, year, code, model, response, 409, Map.of(), "conflict.criterion", typed, "units");
        }
    }

    /** A document, streamed slice by slice from the database: never whole in memory. */
    @GetMapping("/evidence/{id}")
    void download(@PathVariable long id, HttpServletResponse response) throws java.io.IOException {
        Evidence file = pages.evidenceFile(id);
        response.setContentType(MediaType.parseMediaType(file.getContentType()).toString());
        response.setContentLengthLong(file.getSizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.getFileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        pages.copyEvidence(file.getId(), file.getSizeBytes(), response.getOutputStream());
    }

    private String reshow(CurrentUser user, int year, String code, Model model, HttpServletResponse response,
            int status, Map<String, String> errors, String conflict, Map<String, String> typed, String form) {
        response.setStatus(status);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("typed", typed);
        model.addAttribute("openForm", form);
        return show(user, year, code, model);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** In the correction form an empty box means "leave unchanged". */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
