package vn.parindex.dashboard;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.Cycle;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.RenderedFragments;
import vn.parindex.web.VietnameseNumbers;

/** The leadership dashboard and the full list of points at stake. */
@Controller
class DashboardController {

    /** Rows of each ranking the points page shows unless asked for all. */
    static final int POINTS_SHOWN = 50;

    /** Rows of the appendix up to which its page shows every criterion unless asked ({@code ?all=true}). */
    static final int APPENDIX_FULL_ROWS = 300;

    /** How many criteria the what-if panel offers: those with the most recoverable points. */
    static final int WHAT_IF_CRITERIA = 30;

    private final KeptCycles catalog;
    private final DashboardService dashboards;
    private final ScoreboardService scoreboards;
    private final RenderedFragments fragments;
    private final ObjectMapper json;
    private final VietnameseNumbers fmt;

    private final AppendixDownloads downloads;
    /** The business clock: the appendix page is "as of" the day business rules count as today. */
    private final java.time.Clock clock;
    /** The body's name at its level, in the printed appendix's title. */
    private final vn.parindex.organisation.BodyWordings bodies;

    DashboardController(KeptCycles catalog, DashboardService dashboards, ScoreboardService scoreboards,
            RenderedFragments fragments, ObjectMapper json, VietnameseNumbers fmt, AppendixDownloads downloads,
            java.time.Clock clock, vn.parindex.organisation.BodyWordings bodies) {
        this.clock = clock;
        this.bodies = bodies;
        this.downloads = downloads;
        this.fmt = fmt;
        this.catalog = catalog;
        this.dashboards = dashboards;
        this.scoreboards = scoreboards;
        this.fragments = fragments;
        this.json = json;
    }

    @GetMapping("/")
    String dashboard(Cycle cycle, @AuthenticationPrincipal CurrentUser user, Model model) {
        List<Cycle> cycles = catalog.all();
        boolean admin = user != null && user.isAdmin();
        // everything below the heading is the same for every viewer of one kind: kept until the data changes
        String content = fragments.html(admin ? "admin" : "other", "dashboard/content", "content", () -> {
                    DashboardView view = dashboards.build(cycle);
                    Map<String, Object> m = new HashMap<>();
                    m.put("view", view);
                    m.put("board", view.board());
                    m.put("cycle", view.board().cycle());
                    m.put("chartData", chartData(view));
                    m.put("admin", admin);
                    return m;
                });
        model.addAttribute("cycle", cycle);
        model.addAttribute("cycles", cycles);
        model.addAttribute("renderedContent", content);
        return "dashboard/index";
    }

    /** The criteria below one domain, as table rows: what the dashboard's appendix shows when a domain opens. */
    @GetMapping(path = "/cycles/{year}/domains/{code}/rows", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String domainRows(Cycle cycle, @PathVariable String code) {
        Scoreboard board = scoreboards.forCycle(cycle);
        ScoreRow domain = board.row(code);
        if (domain == null || !domain.isDomain()) {
            throw new NotFoundException("notFound.domain", code, cycle.getYear());
        }
        return fragments.everyone("dashboard/tables", "rows",
                () -> Map.of("board", board, "cycle", board.cycle(), "domain", domain));
    }

    /**
     * The appendix on one page: every criterion shown, for reading in full and for printing on A4. A framework of
     * more than {@value #APPENDIX_FULL_ROWS} rows shows its domains, each opened on demand (as on the dashboard),
     * unless {@code ?all=true}: a million characters of HTML is not what anyone opens first.
     */
    @GetMapping("/cycles/{year}/appendix")
    String appendix(Cycle cycle, @RequestParam(defaultValue = "false") boolean all, Model model) {
        Scoreboard board = scoreboards.forCycle(cycle);
        boolean full = all || board.rows().size() <= APPENDIX_FULL_ROWS;
        String table = fragments.everyone("dashboard/tables", "appendix",
                () -> Map.of("board", board, "cycle", board.cycle(), "full", full));
        model.addAttribute("cycle", cycle);
        model.addAttribute("renderedTable", table);
        model.addAttribute("full", full);
        model.addAttribute("rowCount", board.rows().size());
        model.addAttribute("asOf", java.time.LocalDate.now(clock));
        model.addAttribute("body", bodies.current());
        return "dashboard/appendix";
    }

    /** The appendix as an Excel workbook (the plan's layout, numbers as numbers). */
    @GetMapping("/cycles/{year}/appendix.xlsx")
    org.springframework.http.ResponseEntity<byte[]> appendixXlsx(Cycle cycle) throws java.io.IOException {
        return downloads.district(cycle, false);
    }

    /** The appendix as CSV (UTF-8 with a byte order mark). */
    @GetMapping("/cycles/{year}/appendix.csv")
    org.springframework.http.ResponseEntity<byte[]> appendixCsv(Cycle cycle) throws java.io.IOException {
        return downloads.district(cycle, true);
    }

    /** The criteria a unit leads, as an Excel workbook. */
    @GetMapping("/cycles/{year}/units/{unitCode}/criteria.xlsx")
    org.springframework.http.ResponseEntity<byte[]> unitXlsx(Cycle cycle, @PathVariable String unitCode)
            throws java.io.IOException {
        return downloads.unit(cycle, unitCode, false);
    }

    /** The criteria a unit leads, as CSV. */
    @GetMapping("/cycles/{year}/units/{unitCode}/criteria.csv")
    org.springframework.http.ResponseEntity<byte[]> unitCsv(Cycle cycle, @PathVariable String unitCode)
            throws java.io.IOException {
        return downloads.unit(cycle, unitCode, true);
    }

    /**
     * The criteria with points still to win, ranked two ways: the first {@value #POINTS_SHOWN} of each unless
     * {@code ?all=true} (a plan of 2 000 criteria would otherwise print 4 000 rows nobody reads first).
     */
    @GetMapping("/cycles/{year}/points")
    String points(Cycle cycle, @RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("tables", fragments.everyone("dashboard/points", "tables", () -> {
                    DashboardView view = dashboards.build(cycle);
                    int shown = all ? Integer.MAX_VALUE : POINTS_SHOWN;
                    Map<String, Object> m = new HashMap<>();
                    m.put("year", view.board().cycle().year());
                    m.put("byRecoverable", PointsRow.of(first(view.byRecoverable(), shown), true, view.statuses(), fmt));
                    m.put("byGap", PointsRow.of(first(view.byGap(), shown), false, view.statuses(), fmt));
                    m.put("total", Math.max(view.byRecoverable().size(), view.byGap().size()));
                    m.put("shown", Math.min(shown, Math.max(view.byRecoverable().size(), view.byGap().size())));
                    return m;
                }));
        return "dashboard/points";
    }

    private static <T> List<T> first(List<T> rows, int count) {
        return rows.size() <= count ? rows : rows.subList(0, count);
    }

    /** Figures for the charts and the what-if panel, as JSON for a non-executable data block. */
    private String chartData(DashboardView view) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domains", view.board().domains().stream().map(d -> {
            Figures f = d.figures();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("name", d.criterion().name());
            m.put("shortName", DomainNames.shortName(d.criterion().name()));
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
        // the what-if panel offers the criteria with the most points still to win (a long list helps nobody)
        data.put("criteria", view.topRecoverable(WHAT_IF_CRITERIA).stream().map(DashboardController::whatIfRow)
                .toList());
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
