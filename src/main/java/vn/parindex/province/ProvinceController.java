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

    @GetMapping("/province")
    String province(Model model) {
        if (bodies.count() <= 1) {
            return "redirect:/todo";
        }
        model.addAttribute("groups", overview.groups());
        return "province/province";
    }
}
