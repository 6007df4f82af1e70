package vn.parindex.province;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.organisation.Bodies;

/**
 * The province's page (Sở Nội vụ): its bodies by level, and the way into each ({@code ?body=CODE}, remembered for
 * the session by {@code security.BodyScopeFilter}). A deployment of one body has no province page: its
 * province account goes straight to the body's to-do list.
 */
@Controller
class ProvinceController {

    private final Bodies bodies;
    private final ProvinceOverview overview;

    ProvinceController(Bodies bodies, ProvinceOverview overview) {
        this.bodies = bodies;
        this.overview = overview;
    }

    /**
     * Kept per data revision of every body ({@code web.CachedPages}): bench/pages.sh measured it rendered for each
     * request at 120 cpu-ms (12,7 req/s, 0,00× the static file) on a province of 121 bodies, each line a body's
     * dashboard and to-do list; a write anywhere renders it again once.
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptProvincePage() {
        return new vn.parindex.web.KeptPages("/province");
    }

    @GetMapping("/province")
    String province(Model model) {
        if (bodies.count() <= 1) {
            return "redirect:/todo";
        }
        model.addAttribute("groups", overview.groups());
        return "province/province";
    }
}
