package vn.parindex.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.reporting.ReportRows.Led;
import vn.parindex.reporting.ReportRows.Row;
import vn.parindex.reporting.ReportViews.PeriodOverview;
import vn.parindex.reporting.ReportViews.PeriodSummary;
import vn.parindex.reporting.ReportViews.TaskResult;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;
import vn.parindex.tasks.TaskStatus;

/**
 * The units' inputs as read (section III of the plan): every unit that leads a task of the cycle sends, for each
 * period, what it did on each task it leads and its difficulties and proposals. Who owes what, per period and per
 * unit, and one unit's input. Writing an input and its review: {@link ReportInputs}; the calendar:
 * {@link ReportCalendars}; the district's report: {@link DistrictReports}.
 */
@Service
public class ReportService {

    private final JdbcClient jdbc;
    private final ReportCalendars calendars;
    private final ReportRows rows;

    ReportService(JdbcClient jdbc, ReportCalendars calendars, ReportRows rows) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.rows = rows;
    }

    /** Every period of the cycle with its deadline and counts of the units' inputs. */
    @Transactional(readOnly = true)
    public List<PeriodSummary> periods(Cycle cycle) {
        ReportCalendar calendar = calendars.calendar(cycle);
        List<Led> led = rows.expectedUnits(cycle);
        Map<String, Map<Long, Row>> byPeriod = new HashMap<>();
        for (Row row : rows.rows(cycle, null)) {
            byPeriod.computeIfAbsent(row.period(), k -> new HashMap<>()).put(row.unitId(), row);
        }
        LocalDate today = calendars.today();
        List<PeriodSummary> all = new ArrayList<>();
        for (ReportPeriod period : ReportPeriod.of(cycle.getYear())) {
            LocalDate deadline = calendar.deadline(period);
            Map<Long, Row> ofPeriod = byPeriod.getOrDefault(period.code(), Map.of());
            int[] counts = new int[ReportInputStatus.values().length];
            int late = 0;
            List<UnitRef> expected = led.stream().filter(l -> l.runsIn(period)).map(Led::unit).toList();
            for (UnitRef unit : expected) {
                Row row = ofPeriod.get(unit.id());
                ReportInputStatus status = row == null ? ReportInputStatus.NOT_STARTED : row.status();
                counts[status.ordinal()]++;
                if (status.owed() && today.isAfter(deadline)) {
                    late++;
                }
            }
            all.add(new PeriodSummary(period, deadline, expected.size(), counts[0], counts[1], counts[2], counts[3],
                    counts[4], late));
        }
        return all;
    }

    /** An input a unit still owes (nothing sent, or returned) for a period due by then, or one awaiting review. */
    public record Pending(ReportPeriod period, LocalDate deadline, UnitRef unit, ReportInputStatus status,
            boolean late) {
    }

    /**
     * The inputs owed for every period whose deadline falls on or before {@code horizon} (late when past), and the
     * inputs sent and awaiting Home Affairs' review; only {@code unitId}'s when given. Two statements.
     */
    @Transactional(readOnly = true)
    public List<Pending> pending(Cycle cycle, Long unitId, LocalDate horizon) {
        return statuses(cycle, unitId, horizon, false);
    }

    /**
     * Where a unit's input stands for every period it owes one (it leads a task running then), whatever its status.
     */
    @Transactional(readOnly = true)
    public List<Pending> statuses(Cycle cycle, long unitId) {
        return statuses(cycle, unitId, LocalDate.MAX, true);
    }

    private List<Pending> statuses(Cycle cycle, Long unitId, LocalDate horizon, boolean every) {
        ReportCalendar calendar = calendars.calendar(cycle);
        LocalDate today = calendars.today();
        Map<String, Map<Long, Row>> byPeriod = new HashMap<>();
        for (Row row : rows.rows(cycle, null)) {
            byPeriod.computeIfAbsent(row.period(), k -> new HashMap<>()).put(row.unitId(), row);
        }
        List<Pending> pending = new ArrayList<>();
        List<Led> units = rows.expectedUnits(cycle).stream()
                .filter(l -> unitId == null || l.unit().id() == unitId).toList();
        for (ReportPeriod period : ReportPeriod.of(cycle.getYear())) {
            LocalDate deadline = calendar.deadline(period);
            Map<Long, Row> ofPeriod = byPeriod.getOrDefault(period.code(), Map.of());
            for (Led led : units) {
                if (!led.runsIn(period)) {
                    continue;
                }
                UnitRef unit = led.unit();
                Row row = ofPeriod.get(unit.id());
                ReportInputStatus status = row == null ? ReportInputStatus.NOT_STARTED : row.status();
                if (every || (status.owed() && !deadline.isAfter(horizon)) || status == ReportInputStatus.SUBMITTED) {
                    pending.add(new Pending(period, deadline, unit, status, status.owed() && today.isAfter(deadline)));
                }
            }
        }
        return pending;
    }

    /** Each unit that leads a task of the cycle running in the period, with where its input for it stands. */
    @Transactional(readOnly = true)
    public PeriodOverview overview(Cycle cycle, ReportPeriod period) {
        LocalDate deadline = calendars.calendar(cycle).deadline(period);
        Map<Long, Row> byUnit = new HashMap<>();
        rows.rows(cycle, period.code()).forEach(r -> byUnit.put(r.unitId(), r));
        List<UnitStatus> units = new ArrayList<>();
        LocalDate today = calendars.today();
        for (Led led : rows.expectedUnits(cycle)) {
            if (led.runsIn(period)) {
                units.add(ReportRows.status(led.unit(), byUnit.get(led.unit().id()), deadline, today));
            }
        }
        return new PeriodOverview(period, deadline, List.copyOf(units));
    }

    /** A unit's input for the period, with every task the unit leads that runs during it. */
    @Transactional(readOnly = true)
    public UnitInput input(Cycle cycle, ReportPeriod period, String unitCode) {
        UnitRef unit = rows.unit(unitCode);
        return input(cycle, period, unit, calendars.calendar(cycle).deadline(period), calendars.today());
    }

    /**
     * A unit's input as {@code reader} may see it: a draft (saved and not sent, or returned and being redone) is the
     * unit's and Home Affairs' only; anyone else gets 404, as for something that is not there (the district's
     * report leaves such inputs out too).
     */
    @Transactional(readOnly = true)
    public UnitInput input(CurrentUser reader, Cycle cycle, ReportPeriod period, String unitCode) {
        UnitInput input = input(cycle, period, unitCode);
        ReportInputStatus status = input.status().status();
        if ((status == ReportInputStatus.DRAFT || status == ReportInputStatus.RETURNED)
                && !mayReadDraft(reader, input.status().unit().id())) {
            throw new NotFoundException("notFound.reportInput", input.status().unit().code());
        }
        return input;
    }

    /** Home Affairs, or the head of the unit itself. */
    static boolean mayReadDraft(CurrentUser reader, long unitId) {
        return reader != null && (reader.isAdmin()
                || (reader.isUnitHead() && reader.unitId() != null && reader.unitId() == unitId));
    }

    /** A unit's input for the period as of {@code today} (for the writers and the district's report). */
    UnitInput input(Cycle cycle, ReportPeriod period, UnitRef unit, LocalDate deadline, LocalDate today) {
        Row row = rows.rows(cycle, period.code()).stream().filter(r -> r.unitId() == unit.id()).findFirst().orElse(null);
        Map<Long, String> results = new HashMap<>();
        Map<Long, TaskStatus> statuses = new HashMap<>();
        if (row != null) {
            jdbc.sql("select task_id, result, status from report_input_task where input_id = ?").param(row.id())
                    .query((rs, n) -> {
                        if (rs.getString(3) != null) {
                            statuses.put(rs.getLong(1), TaskStatus.valueOf(rs.getString(3)));
                        }
                        return results.put(rs.getLong(1), rs.getString(2));
                    }).list();
        }
        List<TaskResult> tasksOfUnit = rows.tasksRunning(cycle, period, unit).stream()
                .map(t -> new TaskResult(t, results.getOrDefault(t.id(), ""), statuses.get(t.id()))).toList();
        return new UnitInput(period, deadline, ReportRows.status(unit, row, deadline, today), tasksOfUnit,
                row == null ? "" : row.difficulties(), row == null ? "" : row.proposals());
    }
}
