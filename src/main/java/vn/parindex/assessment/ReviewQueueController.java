package vn.parindex.assessment;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.criteria.Cycle;

/** The review queue of Home Affairs: the submissions awaiting review in the current cycle, with their criteria. */
@Controller
class ReviewQueueController {

    private final CriterionPages pages;

    ReviewQueueController(CriterionPages pages) {
        this.pages = pages;
    }

    /** The current cycle's queue ({@code ?year=} another cycle's). */
    @GetMapping("/review")
    @PreAuthorize("hasRole('ADMIN')")
    String queue(Cycle cycle, Model model) {
        model.addAttribute("year", cycle.getYear());
        model.addAttribute("queue", pages.queue(cycle));
        return "assessment/queue";
    }
}
