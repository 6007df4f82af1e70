package vn.parindex.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import vn.parindex.assessment.AssessmentService;
import vn.parindex.assessment.AssessmentStatus;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.UnitName;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.system.NotFoundException;
import vn.parindex.tasks.TaskService;
import vn.parindex.web.VietnameseNumbers;

/**
 * What the progress pages show, each page read in ONE read-only transaction (the cycle's scoreboard, the latest
 * assessment statuses, the units) and handed to its template as records whose figures are already written the
 * Vietnamese way: templates only read properties, they call no methods per row.
 */
@Service
@Transactional(readOnly = true)
public class ProgressPages {

    private static final String NONE = "\u2014";

    /** The years a page heading shows. */
    public record CycleYears(int year, int baselineYear) {
    }

    /** A criterion in a unit's tables, with its figures as text and its latest submission's status (or null). */
    public record CriterionLine(String code, String name, String href, boolean survey, String weakness, String max,
            String baseline, String target, String current, String remaining, AssessmentStatus status) {
    }

    /** A unit with the criteria it leads and coordinates. */
    public record UnitCriteria(String code, String name, List<CriterionLine> leading,
            List<CriterionLine> coordinating) {
    }

    /** "Nhiệm vụ của tôi" and the assignments overview. */
    public record AssignmentsPage(CycleYears cycle, List<UnitCriteria> units) {
    }

    /** One line of the unit table: the sums of the led criteria's figures, as text ({@code —} when absent). */
    public record UnitLine(String code, String name, int leading, int coordinating, String max, String baseline,
            String target, String projection, String assessed, int belowTarget, int awaitingReview, int returned) {
    }

    /** The unit table with the cycles to choose from. */
    public record UnitTablePage(CycleYears cycle, List<Cycle> cycles, List<UnitLine> units) {
    }

    /**
     * One unit's page: its summary cards and its criteria.
     *
     * @param max the led criteria's maximum, null when none has one (the card then leaves the line out)
     * @param baseline likewise for last year's score
     */
    public record UnitPage(CycleYears cycle, UnitCriteria unit, int assessed, int leadingCount, String target,
            String max, String projection, String baseline, String remaining, int awaitingReview, int returned,
            TaskService.UnitTaskCounts tasks, long unitId) {
    }

    private final KeptCycles cycles;
    private final TaskService tasks;
    private final ScoreboardService scoreboards;
    private final AssessmentService assessments;
    private final UnitRepository units;
    private final VietnameseNumbers fmt;

    ProgressPages(KeptCycles cycles, ScoreboardService scoreboards, AssessmentService assessments,
            UnitRepository units, VietnameseNumbers fmt, TaskService tasks) {
        this.tasks = tasks;
        this.cycles = cycles;
        this.scoreboards = scoreboards;
        this.assessments = assessments;
        this.units = units;
        this.fmt = fmt;
    }

    /** The criteria a unit leads and coordinates in a cycle. */
    public AssignmentsPage mine(Cycle cycle, long unitId) {
        Read read = read(cycle);
        UnitName unit = units.nameById(unitId).orElseThrow(() -> new NotFoundException("notFound.unit", unitId));
        return new AssignmentsPage(read.years(), List.of(read.criteria(unit)));
    }

    /** Every unit's criteria: Home Affairs and leadership only (unit heads see their own). */
    @PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
    public AssignmentsPage overview(Cycle cycle) {
        Read read = read(cycle);
        return new AssignmentsPage(read.years(), units.names().stream().map(read::criteria).toList());
    }

    /** Every unit that leads or coordinates a criterion, with the sums of what it leads. */
    public UnitTablePage unitTable(Cycle cycle) {
        Read read = read(cycle);
        List<UnitLine> lines = new ArrayList<>();
        for (UnitName unit : units.names()) {
            UnitProgress p = read.progress(unit);
            if (p.leading().isEmpty() && p.coordinating().isEmpty()) {
                continue;
            }
            Figures f = p.figures();
            lines.add(new UnitLine(unit.code(), unit.name(), p.leading().size(), p.coordinating().size(),
                    orNone(fmt.score(f.max())), orNone(fmt.score(f.baseline())), orNone(fmt.score(f.target())),
                    orNone(fmt.score(f.projection())), p.assessed() + "/" + p.leading().size(), p.belowTarget(),
                    p.awaitingReview(), p.returned()));
        }
        return new UnitTablePage(read.years(), cycles.all(), lines);
    }

    /** One unit's page; an unknown code is a 404. */
    public UnitPage unit(Cycle cycle, String code) {
        Read read = read(cycle);
        UnitName unit = units.nameByCode(code).orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
        UnitProgress p = read.progress(unit);
        Figures f = p.figures();
        return new UnitPage(read.years(), read.criteria(unit), p.assessed(), p.leading().size(),
                orNone(fmt.headline(f.target())), f.max() == null ? null : fmt.max(f.max()),
                orNone(fmt.headline(f.projection())), f.baseline() == null ? null : fmt.headline(f.baseline()),
                fmt.headlineShortfall(f.remainingToTarget(), f.current() != null), p.awaitingReview(), p.returned(),
                tasks.countsByUnit(cycle, tasks.today()).getOrDefault(unit.id(),
                        new TaskService.UnitTaskCounts(0, 0, 0, 0)), unit.id());
    }

    private static String orNone(String text) {
        return text.isEmpty() ? NONE : text;
    }

    private Read read(Cycle cycle) {
        Scoreboard board = scoreboards.forCycle(cycle);
        Map<Long, AssessmentStatus> statuses = assessments.latestStatuses(cycle.getId());
        // every criterion without parts, indexed by the units that lead and coordinate it (one pass)
        Map<Long, List<ScoreRow>> leading = new HashMap<>();
        Map<Long, List<ScoreRow>> coordinating = new HashMap<>();
        for (ScoreRow row : board.rows()) {
            if (board.hasChildren(row.code())) {
                continue;
            }
            index(leading, row.criterion().leadUnits(), row);
            index(coordinating, row.criterion().coordinatingUnits(), row);
        }
        return new Read(new CycleYears(cycle.getYear(), cycle.getBaselineYear()), statuses, leading, coordinating);
    }

    private static void index(Map<Long, List<ScoreRow>> byUnit, List<UnitRef> units, ScoreRow row) {
        for (UnitRef unit : units) {
            List<ScoreRow> rows = byUnit.computeIfAbsent(unit.id(), id -> new ArrayList<>());
            if (rows.isEmpty() || rows.get(rows.size() - 1) != row) { // a unit named twice counts once
                rows.add(row);
            }
        }
    }

    /** What one page read, and the lines it makes of it. */
    private final class Read {
        private final CycleYears years;
        private final Map<Long, AssessmentStatus> statuses;
        private final Map<Long, List<ScoreRow>> leading;
        private final Map<Long, List<ScoreRow>> coordinating;

        Read(CycleYears years, Map<Long, AssessmentStatus> statuses, Map<Long, List<ScoreRow>> leading,
                Map<Long, List<ScoreRow>> coordinating) {
            this.years = years;
            this.statuses = statuses;
            this.leading = leading;
            this.coordinating = coordinating;
        }

        CycleYears years() {
            return years;
        }

        UnitProgress progress(UnitName unit) {
            return UnitProgress.of(unit, leading.getOrDefault(unit.id(), List.of()),
                    coordinating.getOrDefault(unit.id(), List.of()), statuses);
        }

        UnitCriteria criteria(UnitName unit) {
            return new UnitCriteria(unit.code(), unit.name(),
                    lines(leading.getOrDefault(unit.id(), List.of()), true),
                    lines(coordinating.getOrDefault(unit.id(), List.of()), false));
        }

        private List<CriterionLine> lines(List<ScoreRow> rows, boolean withWeakness) {
            return rows.stream().map(r -> line(r, withWeakness)).toList();
        }

        private CriterionLine line(ScoreRow row, boolean withWeakness) {
            CriterionView c = row.criterion();
            Figures f = row.figures();
            return new CriterionLine(c.code(), c.name(),
                    "/cycles/" + years.year() + "/criteria/" + UriUtils.encodePathSegment(c.code(), "UTF-8"),
                    c.isSurvey(), withWeakness ? c.weakness() : null, fmt.score(f.max()), fmt.score(f.baseline()),
                    fmt.score(f.target()), f.current() == null ? NONE : fmt.score(f.current()),
                    fmt.shortfall(f.remainingToTarget(), f.current() != null), statuses.get(c.id()));
        }
    }
}
