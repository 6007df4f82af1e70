package vn.parindex.index;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.organisation.Bodies;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.NotFoundException;

/**
 * The pages of the province's index: the list of levels' years, a level's year at a glance (who has submitted, who
 * is late, what each still owes, the appraisal, the ranks and bands, a chart for the leaders, the decision's
 * appendix), and a body's result card, the province's view of it and the body's own ({@code /cycles/{year}/index}).
 */
@Controller
class IndexPageController {

    private final IndexService indexes;
    private final IndexResults results;
    private final IndexCards cards;
    private final IndexOfBody ofBody;
    private final Bodies bodies;
    private final ObjectMapper json;

    IndexPageController(IndexService indexes, IndexResults results, IndexCards cards, IndexOfBody ofBody,
            Bodies bodies, ObjectMapper json) {
        this.indexes = indexes;
        this.results = results;
        this.cards = cards;
        this.ofBody = ofBody;
        this.bodies = bodies;
        this.json = json;
    }

    /** A bar of the chart: a body's name and index. */
    record ChartPoint(String label, java.math.BigDecimal value) {
    }

    @GetMapping("/province/indexes")
    String list(Model model) {
        model.addAttribute("indexes", indexes.all());
        return "index/list";
    }

    @GetMapping("/province/indexes/{year}/{level}")
    String overview(@PathVariable int year, @PathVariable String level, Model model) {
        IndexYear index = indexes.find(year, level(level, year));
        List<IndexResults.Row> rows = results.ranked(index);
        List<ChartPoint> chart = rows.stream().filter(r -> r.figures() != null && r.figures().index() != null)
                .map(r -> new ChartPoint(r.name(), r.figures().index())).toList();
        model.addAttribute("index", index);
        model.addAttribute("rows", rows);
        model.addAttribute("bands", BodyScope.callAll(() -> indexes.bands(index.getId())));
        model.addAttribute("counts", IndexResults.Glance.of(rows));
        model.addAttribute("chartData", json.writeValueAsString(chart));
        return "index/overview";
    }

    @GetMapping("/province/indexes/{year}/{level}/bodies/{code}")
    String provinceCard(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @PathVariable String code, Model model) {
        model.addAttribute("card", cards.card(user, year, level(level, year), code));
        model.addAttribute("province", true);
        return "index/card";
    }

    /** The body's own card of the year: where the province's index of its level stands for it. */
    @GetMapping("/cycles/{year}/index")
    String ownCard(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, Model model) {
        IndexYear index = ofBody.find(year).filter(i -> i.getStatus() != IndexStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("notFound.ownIndex", year));
        String code = bodies.current().code();
        model.addAttribute("card", cards.card(user, year, index.getLevel(), code));
        model.addAttribute("province", false);
        return "index/card";
    }

    private static BodyLevel level(String text, int year) {
        BodyLevel level = BodyLevel.parse(text);
        if (level == null) {
            throw new NotFoundException("notFound.index", text, year);
        }
        return level;
    }
}
