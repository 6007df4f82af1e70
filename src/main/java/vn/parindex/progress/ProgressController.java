package vn.parindex.progress;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.parindex.assessment.AssessmentService;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.system.NotFoundException;

/**
 * "Nhiệm vụ của tôi": the criteria a unit leads and coordinates, with the gap, the weakness and the latest
 * submission; the assignments overview by unit for Home Affairs and leadership; every unit's progress.
 */
@Controller
class ProgressController {

    /** A unit's criteria. */
    record UnitAssignments(Unit unit, List<ScoreRow> leading, List<ScoreRow> coordinating) {
    }

    private final CriteriaCatalog catalog;
    private final ScoreboardService scoreboards;
    private final AssessmentService assessmentService;
    private final UnitRepository units;

    ProgressController(CriteriaCatalog catalog, ScoreboardService scoreboards, AssessmentService assessmentService,
            UnitRepository units) {
        this.catalog = catalog;
        this.scoreboards = scoreboards;
        this.assessmentService = assessmentService;
        this.units = units;
    }

    private Scoreboard currentBoard() {
        int year = catalog.currentCycle().map(Cycle::getYear)
                .orElseThrow(() -> NotFoundException.noCycle());
        return scoreboards.forYear(year).orElseThrow(() -> NotFoundException.cycle(year));
    }

    private Map<Long, AssessmentStatus> latestStatus(Scoreboard board) {
        return assessmentService.latestStatuses(board.cycle().id());
    }

    private static boolean names(List<UnitRef> units, Long unitId) {
        return units.stream().anyMatch(u -> u.id() == unitId);
    }

    private static UnitAssignments assignments(Scoreboard board, Unit unit) {
        List<ScoreRow> leaves = board.rows().stream().filter(r -> board.children(r.code()).isEmpty()).toList();
        return new UnitAssignments(unit,
                leaves.stream().filter(r -> names(r.criterion().leadUnits(), unit.getId())).toList(),
                leaves.stream().filter(r -> names(r.criterion().coordinatingUnits(), unit.getId())).toList());
    }

    @GetMapping("/assignments")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.unitId() == null) {
            return "redirect:/assignments/overview";
        }
        Scoreboard board = currentBoard();
        Unit unit = units.findById(user.unitId()).orElseThrow();
        UnitAssignments mine = assignments(board, unit);
        model.addAttribute("board", board);
        model.addAttribute("mine", mine);
        model.addAttribute("statuses", latestStatus(board));
        return "progress/assignments";
    }

    @GetMapping("/assignments/overview")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.role() == Role.UNIT_HEAD) {
            throw new AccessDeniedException("forbidden");
        }
        Scoreboard board = currentBoard();
        model.addAttribute("board", board);
        model.addAttribute("byUnit", units.findAllByOrderByIdAsc().stream().map(u -> assignments(board, u)).toList());
        model.addAttribute("statuses", latestStatus(board));
        return "progress/overview";
    }

    private Scoreboard board(Integer year) {
        return year == null ? currentBoard()
                : scoreboards.forYear(year).orElseThrow(() -> NotFoundException.cycle(year));
    }

    /** Every unit's progress on the criteria it leads: for Home Affairs and leadership (everyone may read it). */
    @GetMapping("/units")
    String unitTable(@RequestParam(required = false) Integer year, Model model) {
        Scoreboard board = board(year);
        Map<Long, AssessmentStatus> statuses = latestStatus(board);
        model.addAttribute("board", board);
        model.addAttribute("cycles", catalog.cycles());
        model.addAttribute("units", units.findAllByOrderByIdAsc().stream().map(u -> {
            UnitAssignments a = assignments(board, u);
            return UnitProgress.of(u, a.leading(), a.coordinating(), statuses);
        }).filter(p -> !p.leading().isEmpty() || !p.coordinating().isEmpty()).toList());
        return "progress/units";
    }

    /** One unit: the criteria it leads and coordinates, with figures, gaps, weaknesses and latest submissions. */
    @GetMapping("/units/{code}")
    String unitPage(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        Scoreboard board = board(year);
        Unit unit = units.findByCode(code).orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
        Map<Long, AssessmentStatus> statuses = latestStatus(board);
        UnitAssignments a = assignments(board, unit);
        model.addAttribute("board", board);
        model.addAttribute("statuses", statuses);
        model.addAttribute("progress", UnitProgress.of(unit, a.leading(), a.coordinating(), statuses));
        return "progress/unit";
    }
}
