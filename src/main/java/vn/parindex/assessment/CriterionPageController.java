package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.evidence.Evidence;
import vn.parindex.evidence.Uploads;
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
import vn.parindex.web.FormPage;
import vn.parindex.web.RenderedFragments;

/**
 * A criterion's page ({@link CriterionPage}, read by {@link CriterionPages}) and its forms: submit a
 * self-assessment with files, approve or return it, correct scores, assign units. A refused form shows the page
 * again through {@link FormPage}: 400 with what was typed and each message next to its field, 409 with the message.
 */
@Controller
class CriterionPageController {

    /**
     * A criterion's page and a domain's served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptCriterionPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/criteria/*");
    }

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

    @RefusedWhenClosed(YearWriters.Submitters.class)
    @PostMapping("/cycles/{year}/criteria/{code}/assessments")
    String submit(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // the permission first: the form's body (its files) is read only for those who may submit
        assessments.requireCanSubmit(user, cycle.getYear(), code);
        // the form is read by hand, after the body was received; a conflict shows it as typed too
        return page(user, cycle, code, null, model, response)
                .typed("submitForm", () -> SubmitForm.of(request))
                .submit(() -> {
                    try (Uploads uploads = Uploads.receive(request, "files", assessments.maxFileSizeBytes(),
                            Uploads.Dates.PAGE)) {
                        SubmitForm form = SubmitForm.of(request);
                        assessments.submit(user, cycle.getYear(), code, form.score(), form.comment(),
                                uploads.files(), uploads.details());
                    }
                    redirect.addFlashAttribute("notice", "notice.submitted");
                    return "redirect:" + url(cycle.getYear(), code);
                }, () -> show(user, cycle, code, false, model));
    }

    @RefusedWhenClosed(ReviewWriters.class)
    @PostMapping("/assessments/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Cycle cycle,
            @RequestParam String code, @ModelAttribute("approveForm") ReviewForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, id, cycle, code, form, result, true, model, redirect, response);
    }

    @RefusedWhenClosed(ReviewWriters.class)
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

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
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

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/criteria/{code}/units")
    String assign(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("assignmentForm") AssignmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return write(user, cycle, code, result, model, redirect, response, "notice.assignmentSaved",
                "conflict.criterion", () -> assignments.assign(user, cycle.getYear(), code, form.leadUnits(),
                        form.coordinatingUnits(), form.allCommunes(), form.comment(), form.version()));
    }

    /**
     * Home Affairs changes how the criterion is scored. A submission awaiting review stands in the way: the page
     * again with 409 and the submission named.
     */
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/criteria/{code}/scoring-method")
    String scoringMethod(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("scoringMethodForm") ScoringMethodForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // a submission awaiting review stands in the way: named under the message, the current method shown
        return page(user, cycle, code, result, model, response)
                .staleMessage("conflict.criterion")
                .currentOnConflict()
                .onConflict(e -> model.addAttribute("pending", e.details()))
                .submit(() -> {
                    scoringMethods.change(user, cycle.getYear(), code, new ScoringMethodService.MethodChange(
                            form.scoringMethod(), form.reason(), form.version()));
                    redirect.addFlashAttribute("notice", "notice.scoringMethodSaved");
                    return "redirect:" + url(cycle.getYear(), code);
                }, () -> show(user, cycle, code, false, model));
    }

    /**
     * A bound form's write, the same for every form of the page: the page again with 400 and the messages next to
     * the fields when the input is bad (by binding or by the service's rules), with 409 and this form's conflict
     * message when someone changed the record meanwhile, else back to the page with a notice.
     */
    private String write(CurrentUser user, Cycle cycle, String code, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response, String notice, String conflictKey,
            Runnable change) {
        return page(user, cycle, code, result, model, response).conflictMessage(conflictKey).submit(() -> {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + url(cycle.getYear(), code);
        }, () -> show(user, cycle, code, false, model));
    }

    /** A form of this page: bad input also marks the page ({@code badInput}: the forms it belongs to open). */
    private static FormPage page(CurrentUser user, Cycle cycle, String code, BindingResult result, Model model,
            HttpServletResponse response) {
        return (result == null ? FormPage.of(model, response) : FormPage.of(result, model, response))
                .onInvalid(() -> model.addAttribute("badInput", true));
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

    /** In the correction form an empty box means "leave unchanged". */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
