package vn.parindex.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.dashboard.DashboardService;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyRef;
import vn.parindex.organisation.Bodies;
import vn.parindex.reminders.TodoService;
import vn.parindex.scoring.Figures;
import vn.parindex.system.BodyScope;

/**
 * The province's view of its bodies: each body's latest cycle with its self-assessed index (the projection: last
 * year's official result moved by what the body has assessed), the province's appraised index once every
 * criterion is appraised, the official index once the cycle is closed, and how many of its to-do items are late.
 * Each body's figures are read in that body's scope, through the same services (and kept values) as its own
 * dashboard and to-do list: not in a transaction of its own, which would hold one body's connection for all.
 */
@Service
public class ProvinceOverview {

    /** One body's line. */
    public record Line(BodyRef body, Integer year, BigDecimal selfAssessed, BigDecimal appraised,
            BigDecimal official, long late) {
    }

    /** The bodies of one level, with their lines. */
    public record Group(BodyLevel level, List<Line> lines) {
    }

    private final Bodies bodies;
    private final KeptCycles cycles;
    private final DashboardService dashboards;
    private final TodoService todos;

    ProvinceOverview(Bodies bodies, KeptCycles cycles, DashboardService dashboards, TodoService todos) {
        this.bodies = bodies;
        this.cycles = cycles;
        this.dashboards = dashboards;
        this.todos = todos;
    }

    /** Every body, grouped by level (communes, wards, special zones, departments, districts), by name within one. */
    public List<Group> groups() {
        List<Line> lines = new ArrayList<>();
        for (BodyRef body : bodies.all()) {
            lines.add(BodyScope.call(body.id(), () -> line(body)));
        }
        List<Group> groups = new ArrayList<>();
        for (BodyLevel level : BodyLevel.values()) {
            List<Line> ofLevel = lines.stream().filter(l -> l.body().level() == level)
                    .sorted(Comparator.comparing((Line l) -> l.body().name(), VIETNAMESE).thenComparing(
                            l -> l.body().code()))
                    .toList();
            if (!ofLevel.isEmpty()) {
                groups.add(new Group(level, ofLevel));
            }
        }
        return groups;
    }

    private static final Comparator<String> VIETNAMESE = java.text.Collator.getInstance(
            java.util.Locale.forLanguageTag("vi"))::compare;

    private Line line(BodyRef body) {
        Cycle cycle = cycles.current().orElse(null);
        if (cycle == null) {
            return new Line(body, null, null, null, null, 0);
        }
        Figures total = dashboards.build(cycle).board().total();
        long late = todos.list(cycle, null, null).lateCount();
        return new Line(body, cycle.getYear(), total.projection(), total.appraised(),
                cycle.getStatus() == CycleStatus.CLOSED ? total.official() : null, late);
    }
}
