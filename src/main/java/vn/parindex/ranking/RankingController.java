package vn.parindex.ranking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.system.UniqueViolations;

/** The province's ranking table for a cycle's baseline year: everyone reads it, Home Affairs keeps it. */
@Controller
class RankingController {

    private final CriteriaCatalog catalog;
    private final RankingService ranking;

    RankingController(CriteriaCatalog catalog, RankingService ranking) {
        this.catalog = catalog;
        this.ranking = ranking;
    }

    private Cycle cycle(int year) {
        return catalog.findCycle(year).orElseThrow(() -> NotFoundException.cycle(year));
    }

    @GetMapping("/cycles/{year}/ranking")
    String show(@PathVariable int year, Model model) {
        Cycle cycle = cycle(year);
        model.addAttribute("cycle", cycle);
        model.addAttribute("peers", ranking.peers(cycle.getId()));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("typed", Map.of());
        return "ranking/ranking";
    }

    /** Adds a district (no {@code id}) or corrects one's total ({@code id} and the {@code version} shown). */
    @PostMapping("/cycles/{year}/ranking")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @RequestParam(required = false) String district, @RequestParam(required = false) String total,
            @RequestParam(required = false) Long id, @RequestParam(required = false) Long version,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (id == null) {
                ranking.add(user, cycle(year).getId(), district, total);
            } else {
                ranking.correct(user, cycle(year).getId(), id, total, version);
            }
            redirect.addFlashAttribute("notice", "notice.rankingSaved");
            return "redirect:/cycles/" + year + "/ranking";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("typed", typed(id, district, total));
            return show(year, model);
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            response.setStatus(409);
            model.addAttribute("conflict", e instanceof ConflictException c ? c.messageKey() : "conflict.peer");
            model.addAttribute("typed", typed(id, district, total));
            return show(year, model);
        } catch (DataIntegrityViolationException e) {
            if (!UniqueViolations.isUniqueViolation(e)) {
                throw e;
            }
            // the same district added by another request at the same moment: the database's unique rule refused it
            response.setStatus(409);
            model.addAttribute("conflict", "conflict.peerExists");
            model.addAttribute("typed", typed(id, district, total));
            return show(year, model);
        }
    }

    private static Map<String, String> typed(Long id, String district, String total) {
        Map<String, String> typed = new java.util.HashMap<>();
        typed.put(id == null ? "district" : "district-" + id, district == null ? "" : district);
        typed.put(id == null ? "total" : "total-" + id, total == null ? "" : total);
        return typed;
    }

    @PostMapping("/cycles/{year}/ranking/{id}/delete")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable long id,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            ranking.remove(user, id, version);
        } catch (InvalidInputException | ConflictException | ObjectOptimisticLockingFailureException e) {
            response.setStatus(e instanceof InvalidInputException ? 400 : 409);
            model.addAttribute("conflict", e instanceof InvalidInputException ? "version.required" : "conflict.peer");
            return show(year, model);
        }
        redirect.addFlashAttribute("notice", "notice.rankingSaved");
        return "redirect:/cycles/" + year + "/ranking";
    }
}
