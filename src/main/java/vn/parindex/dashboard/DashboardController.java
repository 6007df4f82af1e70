package vn.parindex.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.parindex.framework.CriteriaCatalog;
import vn.parindex.framework.Cycle;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.web.NotFoundException;

/** The first page: the plan's appendix with where the district stands, by domain and criterion. */
@Controller
class DashboardController {

    private final CriteriaCatalog catalog;
    private final ScoreboardService scoreboards;

    DashboardController(CriteriaCatalog catalog, ScoreboardService scoreboards) {
        this.catalog = catalog;
        this.scoreboards = scoreboards;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : catalog.currentCycle().map(Cycle::getYear)
                .orElseThrow(() -> new NotFoundException("Chưa có kỳ đánh giá nào"));
        Scoreboard board = scoreboards.forYear(shown).orElseThrow(() -> NotFoundException.cycle(shown));
        model.addAttribute("board", board);
        model.addAttribute("cycles", catalog.cycles());
        return "dashboard/index";
    }
}
