package vn.parindex.ranking;

import jakarta.servlet.http.HttpServletResponse;
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
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FormPage;

/**
 * The province's ranking table for a cycle's baseline year: everyone reads it, Home Affairs keeps it (the URL
 * rules let only ADMIN post here, and {@link RankingService} checks the role again). A refused form shows the
 * page again ({@link FormPage}): 400 with the message next to the field and what was typed kept, 409 for a conflict.
 */
@Controller
class RankingController {

    /** A district added to the table. */
    public record NewPeerForm(String district, String total) {
    }

    /** A district's total corrected in its row, with the version shown. */
    public record CorrectionForm(Long id, String total, Long version) {
    }

    /**
     * The ranking page served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}):
     * measured below the goal when rendered for each request (bench/pages.sh, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptRankingPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/ranking");
    }

    private final RankingService ranking;

    RankingController(RankingService ranking) {
        this.ranking = ranking;
    }

    /** The navigation bar's "Xếp hạng": the current cycle's ranking. */
    @GetMapping("/ranking")
    String current(Cycle cycle) {
        return "redirect:/cycles/" + cycle.getYear() + "/ranking";
    }

    @GetMapping("/cycles/{year}/ranking")
    String show(Cycle cycle, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("peers", ranking.peers(cycle.getId()));
        model.asMap().putIfAbsent("newPeer", new NewPeerForm("", ""));
        model.asMap().putIfAbsent("correction", new CorrectionForm(null, null, null));
        return "ranking/ranking";
    }

    /**
     * Adds a district (the form without {@code id}) or corrects one's total ({@code id} and the {@code version}
     * shown). One mapping for both: a condition on parameters would be checked for every POST before its path,
     * reading (and so parsing) the bodies of uploads elsewhere before their permission check.
     */
    @PostMapping("/cycles/{year}/ranking")
    String record(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @RequestParam(name = "id", required = false) String idParameter,
            @ModelAttribute("newPeer") NewPeerForm added, BindingResult addedResult,
            @ModelAttribute("correction") CorrectionForm corrected, BindingResult correctedResult, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (idParameter == null || idParameter.isBlank()) {
            return save(cycle, addedResult, model, redirect, response,
                    () -> ranking.add(user, cycle.getId(), added.district(), added.total()));
        }
        // the new-district form stays blank when a row was corrected
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "newPeer");
        model.addAttribute("newPeer", new NewPeerForm("", ""));
        if (corrected.id() == null && !correctedResult.hasFieldErrors("id")) {
            correctedResult.rejectValue("total", "version.required");
        }
        return save(cycle, correctedResult, model, redirect, response,
                () -> ranking.correct(user, cycle.getId(), corrected.id(), corrected.total(), corrected.version()));
    }

    /**
     * The write of one form: a stale row is {@code conflict.peer}; the same district added by another request at the
     * same moment (the database's unique rule) is {@code conflict.peerExists}.
     */
    private String save(Cycle cycle, BindingResult result, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Runnable change) {
        return FormPage.of(result, model, response)
                .staleMessage("conflict.peer")
                .duplicateMessage("conflict.peerExists")
                .submit(() -> {
                    change.run();
                    redirect.addFlashAttribute("notice", "notice.rankingSaved");
                    return "redirect:/cycles/" + cycle.getYear() + "/ranking";
                }, () -> show(cycle, model));
    }

    @PostMapping("/cycles/{year}/ranking/{id}/delete")
    String remove(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable long id,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        // a button: a missing version is the page's alert (400), a changed or deleted row conflict.peer (409)
        return FormPage.of(model, response).conflictMessage("conflict.peer").submit(() -> {
            ranking.remove(user, id, version);
            redirect.addFlashAttribute("notice", "notice.rankingSaved");
            return "redirect:/cycles/" + cycle.getYear() + "/ranking";
        }, () -> show(cycle, model));
    }
}
