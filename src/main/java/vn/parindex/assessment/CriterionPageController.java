package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.assessment.CriterionForms.AssignmentForm;
import vn.parindex.assessment.CriterionForms.ReviewForm;
import vn.parindex.assessment.CriterionForms.ScoresForm;
import vn.parindex.assessment.CriterionForms.ScoringMethodForm;
import vn.parindex.assessment.CriterionForms.SubmitForm;
import vn.parindex.criteria.AssignmentService;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.ScoringMethodService;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.web.RenderedFragments;
import vn.parindex.system.InvalidInputException;

/**
 * A criterion's page ({@link CriterionPage}, read by {@link CriterionPages}) and its forms: submit a
 * self-assessment with files, approve or return it, correct scores, assign units. Bad input shows the page again
 * (400) with what was typed and each message next to its field; a stale form shows it with the message (409).
 */
@Controller
class CriterionPageController {

    private static final String PAGE = "assessment/criterion";

    private final CriterionPages pages;
    private final AssessmentService assessments;
    private final CriterionScoreService scores;
    private final AssignmentService assignments;
    private final RenderedFragments fragments;
    private final ScoringMethodService scoringMethods;

    CriterionPageController(CriterionPages pages, AssessmentService assessments, CriterionScoreService scores,
            AssignmentService assignments, RenderedFragments fragments, ScoringMethodService scoringMethods) {
        this.pages = pages;
        this.scoringMethods = scoringMethods;
        this.fragments = fragments;
        this.assessments = assessments;
        this.scores = scores;
        this.assignments = assignments;
    }

    /**
     * Rows of a criterion's parts table shown unless {@code ?all=true}: a domain of a large framework (hundreds of
     * criteria) would otherwise put them all in the page before anything else below it.
     */
    static final int PARTS_SHOWN = 50;

    /** The trend, the submissions with the evidence, and the history, rendered once for every reader alike. */
    record KeptBlocks(String trend, String record, String history) {
    }

    static String url(int year, String code) {
        return "/cycles/" + year + "/criteria/" + code;
    }

    @GetMapping("/cycles/{year}/criteria/{code}")
    String show(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean all, Model model) {
        CriterionPage page = pages.page(user, cycle, code);
        model.addAttribute("page", page);
        if (!page.leaf()) { // the parts' table is the same for everyone: rendered once per data revision
            int shown = all ? page.parts().size() : Math.min(PARTS_SHOWN, page.parts().size());
            model.addAttribute("partsTable", fragments.everyone(PAGE, "parts",
                    () -> Map.of("p", page, "rows", page.parts().subList(0, shown))));
        }
        if (page.thread().stream().noneMatch(CriterionPage.ThreadItem::reviewable)) {
            // nothing in these blocks is this reader's own: the same HTML for everyone, once per data revision
            Supplier<Map<String, Object>> data = () -> Map.of("p", page);
            model.addAttribute("kept", new KeptBlocks(fragments.everyone(PAGE, "trend", data),
                    fragments.everyone(PAGE, "record", data), fragments.everyone(PAGE, "history", data)));
        }
        Map<String, Object> forms = model.asMap();
        forms.putIfAbsent("submitForm", SubmitForm.EMPTY);
        forms.putIfAbsent("approveForm", ReviewForm.EMPTY);
        forms.putIfAbsent("returnForm", ReviewForm.EMPTY);
        if (page.canEditScores()) {
            forms.putIfAbsent("scoresForm", ScoresForm.EMPTY);
            forms.putIfAbsent("assignmentForm", page.assignmentForm());
        }
        if (page.canChangeScoringMethod()) {
            forms.putIfAbsent("scoringMethodForm", page.scoringMethodForm());
        }
        return PAGE;
    }

    @PostMapping("/cycles/{year}/criteria/{code}/assessments")
    String submit(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // the permission first: the form's body (its files) is read only for those who may submit
        assessments.requireCanSubmit(user, cycle.getYear(), code);
        SubmitForm form = null;
        try (Uploads uploads = Uploads.receive(request, "files", assessments.maxFileSizeBytes(),
                Uploads.Dates.PAGE)) {
            form = SubmitForm.of(request);
            assessments.submit(user, cycle.getYear(), code, form.score(), form.comment(), uploads.files(),
                    uploads.details());
            redirect.addFlashAttribute("notice", "notice.submitted");
            return "redirect:" + url(cycle.getYear(), code);
        } catch (InvalidInputException e) {
            BindingResult result = bound(model, "submitForm", form != null ? form : SubmitForm.of(request));
            e.rejectInto(result);
            return invalid(user, cycle, code, model, response);
        } catch (ConflictException e) {
            bound(model, "submitForm", form != null ? form : SubmitForm.of(request));
            return conflict(user, cycle, code, model, response, e.messageKey());
        }
    }

    @PostMapping("/assessments/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Cycle cycle,
            @RequestParam String code, @ModelAttribute("approveForm") ReviewForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, id, cycle, code, form, result, true, model, redirect, response);
    }

    @PostMapping("/assessments/{id}/return")
    String giveBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Cycle cycle,
            @RequestParam String code, @ModelAttribute("returnForm") ReviewForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, id, cycle, code, form, result, false, model, redirect, response);
    }

    private String review(CurrentUser user, long id, Cycle cycle, String code, ReviewForm form, BindingResult result,
            boolean approve, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return write(user, cycle, code, result, model, redirect, response,
                approve ? "notice.approved" : "notice.returned", "conflict.assessment", () -> {
                    if (approve) {
                        assessments.approve(user, id, form.comment(), form.version());
                    } else {
                        assessments.giveBack(user, id, form.comment(), form.version());
                    }
                });
    }

    @PostMapping("/cycles/{year}/criteria/{code}/scores")
    String editScores(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("scoresForm") ScoresForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return write(user, cycle, code, result, model, redirect, response, "notice.scoresSaved",
                "conflict.criterion", () -> scores.update(user, cycle.getYear(), code,
                        new CriterionScoreService.ScoreChange(blankToNull(form.baselineScore()),
                                blankToNull(form.targetScore()), blankToNull(form.currentScore()), form.comment(),
                                form.version())));
    }

    @PostMapping("/cycles/{year}/criteria/{code}/units")
    String assign(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("assignmentForm") AssignmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return write(user, cycle, code, result, model, redirect, response, "notice.assignmentSaved",
                "conflict.criterion", () -> assignments.assign(user, cycle.getYear(), code, form.leadUnits(),
                        form.coordinatingUnits(), form.comment(), form.version()));
    }

    /**
     * Home Affairs changes how the criterion is scored. A submission awaiting review stands in the way: the page
     * again with 409 and the submission named.
     */
    @PostMapping("/cycles/{year}/criteria/{code}/scoring-method")
    String scoringMethod(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("scoringMethodForm") ScoringMethodForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (result.hasErrors()) {
            return invalid(user, cycle, code, model, response);
        }
        try {
            scoringMethods.change(user, cycle.getYear(), code, new ScoringMethodService.MethodChange(
                    form.scoringMethod(), form.reason(), form.version()));
            redirect.addFlashAttribute("notice", "notice.scoringMethodSaved");
            return "redirect:" + url(cycle.getYear(), code);
        } catch (InvalidInputException e) {
            e.rejectInto(result);
            return invalid(user, cycle, code, model, response);
        } catch (ConflictException e) {
            model.addAttribute("pending", e.details());
            model.asMap().remove("scoringMethodForm");
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "scoringMethodForm");
            return conflict(user, cycle, code, model, response, e.messageKey());
        } catch (ObjectOptimisticLockingFailureException e) {
            return conflict(user, cycle, code, model, response, "conflict.criterion");
        }
    }

    /**
     * A bound form's write, the same for every form of the page: the page again with 400 and the messages next to
     * the fields when the input is bad (by binding or by the service's rules), with 409 when someone changed the
     * record meanwhile, else back to the page with a notice.
     */
    private String write(CurrentUser user, Cycle cycle, String code, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response, String notice, String conflictKey,
            Runnable change) {
        if (result.hasErrors()) {
            return invalid(user, cycle, code, model, response);
        }
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + url(cycle.getYear(), code);
        } catch (InvalidInputException e) {
            e.rejectInto(result);
            return invalid(user, cycle, code, model, response);
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            return conflict(user, cycle, code, model, response, conflictKey);
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

    /** A form read by hand (the submission, after its permission check) as Spring would have bound it. */
    private static BindingResult bound(Model model, String name, Object form) {
        BindingResult result = new BeanPropertyBindingResult(form, name);
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
        return result;
    }

    /** The page again with what was typed and the messages next to the fields: 400. */
    private String invalid(CurrentUser user, Cycle cycle, String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("badInput", true);
        return show(user, cycle, code, false, model);
    }

    /** The page again with the current values and the conflict's message: 409. */
    private String conflict(CurrentUser user, Cycle cycle, String code, Model model, HttpServletResponse response,
            String messageKey) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("conflict", messageKey);
        return show(user, cycle, code, false, model);
    }

    /** In the correction form an empty box means "leave unchanged". */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
