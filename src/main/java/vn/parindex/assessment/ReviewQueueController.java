package vn.parindex.assessment;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.criteria.Cycle;
import vn.parindex.web.RenderedFragments;

/** The review queue of Home Affairs: the submissions awaiting review in the current cycle, with their criteria. */
@Controller
class ReviewQueueController {

    private final CriterionPages pages;
    private final RenderedFragments fragments;

    ReviewQueueController(CriterionPages pages, RenderedFragments fragments) {
        this.pages = pages;
        this.fragments = fragments;
    }

    /** The current cycle's queue ({@code ?year=} another cycle's). */
    @GetMapping("/review")
    @PreAuthorize("hasRole('ADMIN')")
    String queue(Cycle cycle, Model model) {
        // the same for all of Home Affairs: rendered once per data revision and day (the days waiting)
        model.addAttribute("renderedContent", fragments.everyone("assessment/queue", "content", () -> Map.of("year", cycle.getYear(), "baselineYear", cycle.getBaselineYear(),
                        "queue", pages.queue(cycle))));
        return "assessment/queue";
    }
}
