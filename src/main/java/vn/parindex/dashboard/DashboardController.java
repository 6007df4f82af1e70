package vn.parindex.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.framework.CriteriaCatalog;
import vn.parindex.framework.Cycle;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.web.NotFoundException;

/** The leadership dashboard and the full list of points at stake. */
@Controller
class DashboardController {

    private final CriteriaCatalog catalog;
    private final DashboardService dashboards;
    private final ObjectMapper json;

    DashboardController(CriteriaCatalog catalog, DashboardService dashboards, ObjectMapper json) {
        this.catalog = catalog;
        this.dashboards = dashboards;
        this.json = json;
    }

    private Cycle cycle(Integer year, List<Cycle> cycles) {
        if (year == null) {
            return cycles.stream().filter(c -> c.getStatus() != vn.parindex.framework.CycleStatus.CLOSED).findFirst()
                    .or(() -> cycles.stream().findFirst())
                    .orElseThrow(() -> new NotFoundException("Chưa có kỳ đánh giá nào"));
        }
        return cycles.stream().filter(c -> c.getYear() == year).findFirst()
                .orElseThrow(() -> NotFoundException.cycle(year));
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) Integer year, Model model) {
        List<Cycle> cycles = catalog.cycles();
        DashboardView view = dashboards.build(cycle(year, cycles));
        model.addAttribute("view", view);
        model.addAttribute("board", view.board());
        model.addAttribute("cycles", cycles);
        model.addAttribute("chartData", chartData(view));
        return "dashboard/index";
    }

    @GetMapping("/cycles/{year}/points")
    String points(@PathVariable int year, Model model) {
        DashboardView view = dashboards.build(cycle(year, catalog.cycles()));
        model.addAttribute("view", view);
        model.addAttribute("board", view.board());
        return "dashboard/points";
    }

    /** Figures for the charts and the what-if panel, as JSON for a non-executable data block. */
    private String chartData(DashboardView view) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domains", view.board().domains().stream().map(d -> {
            Figures f = d.figures();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("name", d.criterion().name());
            m.put("max", f.max());
            m.put("baseline", f.baseline());
            m.put("target", f.target());
            m.put("current", f.current());
            m.put("projection", f.projection());
            m.put("baselinePercent", f.baselinePercent());
            m.put("targetPercent", f.targetPercent());
            m.put("currentPercent", f.currentPercent());
            m.put("projectionPercent", f.projectionPercent());
            return m;
        }).toList());
        data.put("criteria", view.byRecoverable().stream().map(DashboardController::whatIfRow).toList());
        data.put("total", view.board().total().projection());
        data.put("peers", view.peerTotals());
        data.put("targetRank", view.board().cycle().targetRank());
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> whatIfRow(ScoreRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.criterion().name());
        m.put("max", r.figures().max());
        m.put("target", r.figures().target());
        m.put("projection", r.figures().projection());
        return m;
    }
}
