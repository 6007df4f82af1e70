package vn.parindex.progress;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.RenderedFragments;

/**
 * "Nhiệm vụ của tôi": the criteria a unit leads and coordinates, with the gap, the weakness and the latest
 * submission; the assignments overview by unit for Home Affairs and leadership; every unit's progress. The cycle
 * is the one of {@code ?year=}, else the current one ({@code criteria.CycleArgumentResolver}); each page's data
 * comes from one call to {@link ProgressPages}. What is below the heading is the same for everyone who may see it,
 * so it is rendered once per data revision ({@link RenderedFragments}): without that the unit table and "Nhiệm vụ
 * của tôi" cost 2,1–2,4 ms of CPU a request against 0,2 ms for the small static file (bench/pages.sh).
 */
@Controller
class ProgressController {

    /**
     * A unit's page served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptUnitPages() {
        return new vn.parindex.web.KeptPages("/units/*");
    }

    private final ProgressPages pages;
    private final RenderedFragments fragments;

    private final vn.parindex.reminders.TodoService todos;

    private final vn.parindex.criteria.KeptCycles cycles;

    ProgressController(ProgressPages pages, RenderedFragments fragments, vn.parindex.reminders.TodoService todos,
            vn.parindex.criteria.KeptCycles cycles) {
        this.cycles = cycles;
        this.todos = todos;
        this.pages = pages;
        this.fragments = fragments;
    }

    @GetMapping("/assignments")
    String mine(@AuthenticationPrincipal CurrentUser user, Cycle cycle, Model model) {
        if (user.unitId() == null) {
            return "redirect:/assignments/overview";
        }
        long unitId = user.unitId();
        model.addAttribute("renderedContent", fragments.html(unitId, "progress/assignments", "content",
                () -> Map.of("page", pages.mine(cycle, unitId))));
        return "progress/assignments";
    }

    /** Home Affairs and leadership ({@code @PreAuthorize} on {@link ProgressPages#overview}). */
    @GetMapping("/assignments/overview")
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER')") // checked here too: a kept overview is shown without the service
    String overview(Cycle cycle, Model model) {
        model.addAttribute("renderedContent", fragments.everyone("progress/overview", "content", () -> Map.of("page", pages.overview(cycle))));
        return "progress/overview";
    }

    /** Every unit's progress on the criteria it leads: everyone may read it. */
    @GetMapping("/units")
    String unitTable(Cycle cycle, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("renderedContent", fragments.everyone("progress/units", "content", () -> {
                    var page = pages.unitTable(cycle);
                    return Map.of("page", page, "cycles", page.cycles());
                }));
        return "progress/units";
    }

    /** One unit: the criteria it leads and coordinates, with figures, gaps, weaknesses and latest submissions. */
    @GetMapping("/units/{code}")
    String unitPage(@PathVariable String code, Cycle cycle, Model model) {
        ProgressPages.UnitPage page = pages.unit(cycle, code);
        model.addAttribute("page", page);
        // its two tables of criteria are the same for everyone who may see the unit: rendered once per data revision
        // (without that the page cost 4,3 ms of CPU a request, 84 % of it in these tables' template)
        model.addAttribute("renderedLeading", fragments.everyone("progress/criteria-table", "leading",
                () -> Map.of("unit", page.unit(), "cycle", page.cycle())));
        model.addAttribute("renderedCoordinating", fragments.everyone("progress/criteria-table", "coordinating",
                () -> Map.of("unit", page.unit(), "cycle", page.cycle())));
        // what is due or late for this unit (this year's only), returned submissions first: a head of office lands
        // here after signing in
        if (cycles.current().map(current -> current.getId().equals(cycle.getId())).orElse(false)) {
            vn.parindex.reminders.TodoList todo = todos.list(cycle, page.unitId(), page.unit().code());
            java.util.List<vn.parindex.reminders.TodoItem> items = new java.util.ArrayList<>(todo.items());
            items.sort(java.util.Comparator.comparing(
                    (vn.parindex.reminders.TodoItem i) -> i.kind() != vn.parindex.reminders.TodoItem.Kind.ASSESSMENT_RETURNED));
            model.addAttribute("todo", todo.withItems(items));
        }
        return "progress/unit";
    }
}
