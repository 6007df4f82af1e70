package vn.parindex.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRef;
import vn.parindex.reminders.TodoItem.Kind;
import vn.parindex.reporting.ReportCalendar;
import vn.parindex.reporting.ReportInputStatus;
import vn.parindex.reporting.ReportCalendars;
import vn.parindex.reporting.ReportService;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskStatus;
import vn.parindex.tasks.TaskView;
import vn.parindex.web.Caches;
import vn.parindex.web.DataRevision;

/**
 * What is due or late in the current cycle: for a unit head, what the unit owes ("Việc cần làm"); for Home Affairs
 * and leaders, the whole district ("Việc cần đôn đốc"): tasks due within {@value #HORIZON_DAYS} days or overdue,
 * report inputs due or late (and, for Home Affairs, those awaiting review), assessments returned and not sent again
 * (and awaiting review), and criteria without a self-assessment from {@value #SELF_ASSESSMENT_WARNING_DAYS} days
 * before the cycle's self-assessment deadline.
 */
@Service
public class TodoService {

    /** Items due within this many days are listed (and everything late). */
    public static final int HORIZON_DAYS = 7;

    /** Criteria without a self-assessment are listed from this many days before the deadline. */
    public static final int SELF_ASSESSMENT_WARNING_DAYS = 14;

    private final KeptCycles cycles;
    private final TaskService tasks;
    private final ReportService reports;
    private final ReportCalendars calendars;
    private final ScoreboardService scoreboards;
    private final JdbcClient jdbc;
    private final Cache kept;

    TodoService(KeptCycles cycles, TaskService tasks, ReportService reports, ReportCalendars calendars,
            ScoreboardService scoreboards, JdbcClient jdbc, DataRevision revisions, CacheManager caches) {
        this.calendars = calendars;
        this.kept = Caches.atRevision(caches, revisions, Caches.TODOS);
        this.cycles = cycles;
        this.tasks = tasks;
        this.reports = reports;
        this.scoreboards = scoreboards;
        this.jdbc = jdbc;
    }

    /** The person's list: the unit's for a unit head with a unit, the district's for everyone else. */
    @Transactional(readOnly = true)
    public TodoList forUser(CurrentUser user) {
        boolean district = !(user.isUnitHead() && user.unitId() != null);
        TodoList list = cycles.current()
                .map(cycle -> list(cycle, district ? null : user.unitId(), district ? null : user.unitCode()))
                .orElseGet(() -> new TodoList(district, 0, calendars.today(), List.of()));
        if (user.isAdmin()) {
            return list;
        }
        // the review queue is Home Affairs' page: others follow the link to the dashboard
        return list.withItems(list.items().stream()
                .map(i -> i.link().equals("/review") ? new TodoItem(i.kind(), i.late(), i.due(), i.subject(),
                        i.units(), "/", i.count()) : i)
                .toList());
    }

    /** What a list is kept under (with the data revision): its cycle and unit (none: the district's) and the day. */
    record Key(long cycleId, Long unitId, LocalDate day) {
    }

    /**
     * The list of a unit (by id and code), or of the whole district when both are null: kept per data revision and
     * day ({@value Caches#TODOS}), read again after any write or at midnight.
     */
    @Transactional(readOnly = true)
    public TodoList list(Cycle cycle, Long unitId, String unitCode) {
        LocalDate today = calendars.today();
        return Caches.get(kept, new Key(cycle.getId(), unitId, today),
                () -> read(cycle, unitId, unitCode, today));
    }

    private TodoList read(Cycle cycle, Long unitId, String unitCode, LocalDate today) {
        boolean district = unitId == null;
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        int year = cycle.getYear();
        List<TodoItem> items = new ArrayList<>();

        for (TaskView t : tasks.tasks(cycle, unitCode)) {
            if (t.status() != TaskStatus.DONE && !t.dueDate().isAfter(horizon)) {
                items.add(new TodoItem(Kind.TASK, t.overdue(), t.dueDate(), t.title(), names(t.leadUnits()),
                        "/tasks/" + t.id(), 1));
            }
        }

        Map<String, List<ReportService.Pending>> owedByPeriod = new LinkedHashMap<>();
        for (ReportService.Pending p : reports.pending(cycle, unitId, horizon)) {
            if (p.status() == ReportInputStatus.SUBMITTED) {
                if (district) {
                    items.add(new TodoItem(Kind.REPORT_REVIEW, false, p.deadline(), p.period().vietnameseName(),
                            List.of(p.unit().name()), "/cycles/" + year + "/reports/" + p.period().code() + "/units/"
                            + p.unit().code(), 1));
                }
            } else if (district) {
                owedByPeriod.computeIfAbsent(p.period().code(), k -> new ArrayList<>()).add(p);
            } else {
                items.add(new TodoItem(Kind.REPORT_INPUT, p.late(), p.deadline(), p.period().vietnameseName(),
                        List.of(p.unit().name()), "/cycles/" + year + "/reports/" + p.period().code() + "/units/"
                        + p.unit().code(), 1));
            }
        }
        owedByPeriod.forEach((code, owed) -> items.add(new TodoItem(Kind.REPORT_INPUT, owed.get(0).late(),
                owed.get(0).deadline(), owed.get(0).period().vietnameseName(),
                owed.stream().map(p -> p.unit().name()).toList(), "/cycles/" + year + "/reports/" + code,
                owed.size())));

        assessments(cycle, unitId, today, items);
        items.sort(Comparator.comparing(TodoItem::late).reversed()
                .thenComparing(TodoItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TodoItem::kind));
        return new TodoList(district, year, today, List.copyOf(items),
                cycle.getStatus() == CycleStatus.CLOSED);
    }

    private void assessments(Cycle cycle, Long unitId, LocalDate today, List<TodoItem> items) {
        // the tree from the scoreboard kept per data revision (reading it again costs more than the rest of the list)
        Scoreboard board = scoreboards.forCycle(cycle);
        List<CriterionView> criteria = board.rows().stream().map(ScoreRow::criterion).toList();
        Set<String> parents = new java.util.HashSet<>();
        criteria.forEach(c -> {
            if (c.parentCode() != null) {
                parents.add(c.parentCode());
            }
        });
        Map<Long, String> latest = new HashMap<>();
        jdbc.sql("""
                select distinct on (a.criterion_id) a.criterion_id, a.status
                from assessment a join criterion c on c.id = a.criterion_id
                where c.cycle_id = ? order by a.criterion_id, a.submitted_at desc, a.id desc""")
                .param(cycle.getId()).query((rs, n) -> latest.put(rs.getLong(1), rs.getString(2))).list();
        ReportCalendar calendar = calendars.calendar(cycle);
        LocalDate selfDue = calendar.selfAssessmentDue();
        boolean warn = selfDue != null && !today.isBefore(selfDue.minusDays(SELF_ASSESSMENT_WARNING_DAYS));
        int awaiting = 0;
        int missing = 0;
        Set<String> missingUnits = new LinkedHashSet<>();
        String year = Integer.toString(cycle.getYear());
        for (CriterionView c : criteria) {
            if (parents.contains(c.code()) || c.scoringMethod() != ScoringMethod.SELF_ASSESSMENT) {
                continue;
            }
            boolean ours = unitId == null || c.leadUnits().stream().anyMatch(u -> u.id() == unitId);
            if (!ours) {
                continue;
            }
            String status = latest.get(c.id());
            String link = "/cycles/" + year + "/criteria/" + c.code();
            if ("RETURNED".equals(status)) {
                items.add(new TodoItem(Kind.ASSESSMENT_RETURNED, false, null, c.code() + ". " + c.name(),
                        names(c.leadUnits()), link, 1));
            } else if ("SUBMITTED".equals(status)) {
                awaiting++;
            } else if (status == null && warn) {
                if (unitId == null) {
                    missing++;
                    missingUnits.addAll(names(c.leadUnits()));
                } else {
                    items.add(new TodoItem(Kind.SELF_ASSESSMENT_MISSING, today.isAfter(selfDue), selfDue,
                            c.code() + ". " + c.name(), names(c.leadUnits()), link, 1));
                }
            }
        }
        if (unitId == null && awaiting > 0) {
            items.add(new TodoItem(Kind.ASSESSMENT_REVIEW, false, null, "", List.of(), "/review", awaiting));
        }
        if (missing > 0) {
            items.add(new TodoItem(Kind.SELF_ASSESSMENT_MISSING, today.isAfter(selfDue), selfDue, "",
                    List.copyOf(missingUnits), "/cycles/" + year + "/appendix", missing));
        }
    }

    private static List<String> names(List<UnitRef> units) {
        return units.stream().map(UnitRef::name).toList();
    }
}
