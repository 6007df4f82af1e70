package vn.parindex.progress;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;

/**
 * "Nhiệm vụ của tôi": the criteria a unit leads and coordinates, with the gap, the weakness and the latest
 * submission; the assignments overview by unit for Home Affairs and leadership; every unit's progress. The cycle
 * is the one of {@code ?year=}, else the current one ({@code criteria.CycleArgumentResolver}); each page's data
 * comes from one call to {@link ProgressPages}.
 */
@Controller
class ProgressController {

    private final ProgressPages pages;

    ProgressController(ProgressPages pages) {
        this.pages = pages;
    }

    @GetMapping("/assignments")
    String mine(@AuthenticationPrincipal CurrentUser user, Cycle cycle, Model model) {
        if (user.unitId() == null) {
            return "redirect:/assignments/overview";
        }
        model.addAttribute("page", pages.mine(cycle, user.unitId()));
        return "progress/assignments";
    }

    /** Home Affairs and leadership ({@code @PreAuthorize} on {@link ProgressPages#overview}). */
    @GetMapping("/assignments/overview")
    String overview(Cycle cycle, Model model) {
        model.addAttribute("page", pages.overview(cycle));
        return "progress/overview";
    }

    /** Every unit's progress on the criteria it leads: everyone may read it. */
    @GetMapping("/units")
    String unitTable(Cycle cycle, Model model) {
        var page = pages.unitTable(cycle);
        model.addAttribute("page", page);
        model.addAttribute("cycles", page.cycles());
        return "progress/units";
    }

    /** One unit: the criteria it leads and coordinates, with figures, gaps, weaknesses and latest submissions. */
    @GetMapping("/units/{code}")
    String unitPage(@PathVariable String code, Cycle cycle, Model model) {
        model.addAttribute("page", pages.unit(cycle, code));
        return "progress/unit";
    }
}
