package vn.parindex.index;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FormPage;

/**
 * The province's acts on one body's criterion of an open index, one page with three forms: whether the criterion
 * applies to the body (with the reason when it does not), the appraisal (score and reason), and the appraisal
 * council's final decision. The same rules as the API ({@link IndexAppraisal}); a refused form is the page again.
 */
@Controller
class IndexCriterionPageController {

    /** Whether the criterion applies ({@code true}/{@code false}), and why not. */
    public record ApplicabilityForm(Boolean applies, String reason) {
    }

    /** The province's appraisal, based on the criterion's version shown. */
    public record AppraisalForm(String appraisedScore, String reason, Long version) {
    }

    /** The council's final score and its reason. */
    public record DecisionForm(String finalScore, String reason) {
    }

    private static final String PAGE = "/province/indexes/{year}/{level}/bodies/{body}/criteria/{code}";

    private final IndexCards cards;
    private final IndexAppraisal appraisal;

    IndexCriterionPageController(IndexCards cards, IndexAppraisal appraisal) {
        this.cards = cards;
        this.appraisal = appraisal;
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @PathVariable String body, @PathVariable String code, Model model) {
        IndexCards.CriterionAct act = cards.criterion(user, year, IndexPageController.level(level, year), body,
                code);
        IndexCards.CriterionLine line = act.line();
        model.addAttribute("act", act);
        model.asMap().putIfAbsent("applicabilityForm", new ApplicabilityForm(line.applies(),
                line.applicabilityReason()));
        model.asMap().putIfAbsent("appraisalForm", new AppraisalForm(
                line.appraised() == null ? null : vn.parindex.criteria.Scores.plainText(line.appraised())
                        .replace('.', ','), line.reason(), line.version()));
        model.asMap().putIfAbsent("decisionForm", new DecisionForm(null, line.decisionReason()));
        return "index/criterion";
    }

    @PostMapping(PAGE + "/applicability")
    String applicability(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level, @PathVariable String body, @PathVariable String code,
            @ModelAttribute("applicabilityForm") ApplicabilityForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(user, year, level, body, code, new Answer(result, model, redirect, response),
                "index.applicabilitySaved",
                parsed -> appraisal.applicability(user, year, parsed, body, code, form.applies(), form.reason()));
    }

    @PostMapping(PAGE + "/appraisal")
    String appraise(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @PathVariable String body, @PathVariable String code, @ModelAttribute("appraisalForm") AppraisalForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(user, year, level, body, code, new Answer(result, model, redirect, response), "appraisal.saved",
                parsed -> appraisal.appraise(user, year, parsed, body, code, form.appraisedScore(), form.reason(),
                        form.version()));
    }

    @PostMapping(PAGE + "/decision")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @PathVariable String body, @PathVariable String code, @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(user, year, level, body, code, new Answer(result, model, redirect, response), "index.decided",
                parsed -> appraisal.decide(user, year, parsed, body, code, form.finalScore(), form.reason()));
    }

    /** What a form's answer is made of: its binding, the page's model, the redirect's message, the status. */
    private record Answer(BindingResult result, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
    }

    /** One act's form: the write, then the criterion's page with a notice, or the page again with the refusal. */
    private String act(CurrentUser user, int year, String level, String body, String code, Answer answer,
            String notice, java.util.function.Consumer<BodyLevel> write) {
        BodyLevel parsed = IndexPageController.level(level, year);
        return FormPage.of(answer.result(), answer.model(), answer.response()).staleMessage("conflict.criterion")
                .submit(() -> {
                    write.accept(parsed);
                    answer.redirect().addFlashAttribute("notice", notice);
                    return redirect(year, parsed, body, code);
                }, () -> show(user, year, level, body, code, answer.model()));
    }

    private static String redirect(int year, BodyLevel level, String body, String code) {
        return "redirect:/province/indexes/" + year + "/" + level.name() + "/bodies/" + body + "/criteria/" + code;
    }
}
