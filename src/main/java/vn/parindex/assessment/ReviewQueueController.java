package vn.parindex.assessment;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.Cycle;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.system.NotFoundException;

/** The review queue of Home Affairs: the submissions awaiting review in the current cycle, with their criteria. */
@Controller
class ReviewQueueController {

    /** A submission awaiting review, with its criterion. */
    record QueueItem(AssessmentView assessment, ScoreRow criterion) {
    }

    private final CriteriaCatalog catalog;
    private final ScoreboardService scoreboards;
    private final AssessmentService assessmentService;

    ReviewQueueController(CriteriaCatalog catalog, ScoreboardService scoreboards,
            AssessmentService assessmentService) {
        this.catalog = catalog;
        this.scoreboards = scoreboards;
        this.assessmentService = assessmentService;
    }

    private Scoreboard currentBoard() {
        int year = catalog.currentCycle().map(Cycle::getYear)
                .orElseThrow(() -> NotFoundException.noCycle());
        return scoreboards.forYear(year).orElseThrow(() -> NotFoundException.cycle(year));
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("forbidden");
        }
        Scoreboard board = currentBoard();
        Map<Long, ScoreRow> byId = board.rows().stream()
                .collect(Collectors.toMap(r -> r.criterion().id(), Function.identity()));
        model.addAttribute("board", board);
        model.addAttribute("queue", assessmentService.awaitingReview().stream()
                .filter(a -> byId.containsKey(a.criterionId()))
                .map(a -> new QueueItem(a, byId.get(a.criterionId()))).toList());
        return "assessment/queue";
    }
}
