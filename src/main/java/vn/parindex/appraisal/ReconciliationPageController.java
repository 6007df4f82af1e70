package vn.parindex.appraisal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FormPage;

/**
 * The reconciliation of self-assessment and appraisal ({@code /cycles/{year}/reconciliation}), which everyone reads
 * and where Home Affairs enters the province's appraised scores. A refused form is shown again by {@link FormPage}:
 * 400 and the message next to the field, 409 with the conflict's message.
 */
@Controller
class ReconciliationPageController {

    /**
     * The reconciliation page served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptReconciliationPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/reconciliation");
    }

    /** One criterion's appraisal as typed in its row. */
    public record AppraisalForm(String code, String appraisedScore, String reason, Long version) {
    }

    private final CriteriaCatalog catalog;
    private final AppraisalService appraisals;

    ReconciliationPageController(CriteriaCatalog catalog, AppraisalService appraisals) {
        this.catalog = catalog;
        this.appraisals = appraisals;
    }

    @GetMapping("/cycles/{year}/reconciliation")
    String reconciliation(@AuthenticationPrincipal CurrentUser user, Cycle cycle, Model model) {
        // the tree read once for the reconciliation and the entry rows
        CycleView tree = catalog.cycle(cycle);
        model.addAttribute("cycle", cycle);
        model.addAttribute("view", Reconciliation.of(tree));
        if (user.isAdmin() && !cycle.isClosed()) {
            model.addAttribute("leaves", leaves(tree));
        }
        model.asMap().putIfAbsent("appraisal", new AppraisalForm(null, null, null, null));
        return "appraisal/reconciliation";
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/appraisal")
    String appraise(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @ModelAttribute("appraisal") AppraisalForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        String code = form.code() == null ? "" : form.code();
        return FormPage.of(result, model, response).staleMessage("conflict.criterion").submit(() -> {
            appraisals.appraise(user, cycle.getYear(), code,
                    new AppraisalService.AppraisalChange(form.appraisedScore(), form.reason(), form.version()));
            redirect.addFlashAttribute("notice", "appraisal.saved");
            return "redirect:/cycles/" + cycle.getYear() + "/reconciliation#appraise-" + code;
        }, () -> reconciliation(user, cycle, model));
    }

    /** The criteria that are scored (no parts), in the tree's order. */
    private static List<CriterionView> leaves(CycleView tree) {
        List<CriterionView> all = tree.criteria();
        java.util.Set<String> parents = new java.util.HashSet<>();
        all.forEach(c -> {
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        });
        return all.stream().filter(c -> !parents.contains(c.code())).toList();
    }
}
