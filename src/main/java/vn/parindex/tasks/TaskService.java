package vn.parindex.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.Unit;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;

/**
 * The plan's tasks, read: per cycle (or per lead unit), one, those serving a criterion, counts per unit and overdue.
 * Their progress updates are {@link TaskUpdates}'. Plain SQL: a task list is one statement for the tasks and one for
 * their units and criteria, whatever their number.
 */
@Service
public class TaskService {

    /** Change history entries of tasks carry this entity type. */
    static final String ENTITY = "TASK";

    /** Dates ("today", overdue) are those of the district. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * The author {@code a} of an update as pages show people: name and office ("Nguyễn Văn A (Phòng Tư pháp)"), the
     * office left out when the name says it; needs {@code left join unit an on an.id = a.unit_id}.
     */
    static final String AUTHOR = """
            case when an.name is null or position(lower(an.name) in lower(a.display_name)) > 0 then a.display_name
                 else a.display_name || ' (' || an.name || ')' end""";

    private static final String TASKS = """
            select t.id, c.year, d.code, d.name, t.title, t.description, t.start_date, t.due_date, t.status,
                   t.version, u.at, """ + AUTHOR + """
            , u.note, u.percent, t.all_communes
            from task t
            join cycle c on c.id = t.cycle_id
            join criterion d on d.id = t.domain_id
            left join lateral (select * from task_update x where x.task_id = t.id
                               order by x.at desc, x.id desc limit 1) u on true
            left join app_user a on a.id = u.author_id
            left join unit an on an.id = a.unit_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    TaskService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The cycle's tasks in the plan's order (domain, then position); with a unit code (any case), those the unit
     * reports on (it leads them, or it is a commune and they name all communes: {@code task_unit_effective}). A code that is not one (too long, other characters) is a 400, an unknown one a 404.
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasks(Cycle cycle, String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return read(TASKS + " where t.cycle_id = ? order by d.position, t.position, t.id", cycle.getId());
        }
        String code = Unit.code(unitCode).orElseThrow(() -> InvalidInputException.of("unit", "unit.codeInvalid"));
        Long unit = jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
        return read(TASKS + """
                 where t.cycle_id = ? and exists (select 1 from task_unit_effective l
                     where l.task_id = t.id and l.unit_id = ? and l.reports)
                 order by d.position, t.position, t.id""", cycle.getId(), unit);
    }

    /** One task, or a 404. */
    @Transactional(readOnly = true)
    public TaskView task(long id) {
        return read(TASKS + " where t.id = ?", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.task", id));
    }

    /** A task as other pages list it: one line with its lead units' names, due date, status and whether overdue. */
    public record TaskLine(long id, String title, String leadUnits, LocalDate dueDate, TaskStatus status,
            boolean overdue) {
    }

    /**
     * The tasks a criterion's page lists, in the plan's order: for a domain its tasks, for a criterion those that
     * serve it or any of its parts. One statement.
     */
    @Transactional(readOnly = true)
    public List<TaskLine> forCriterion(long criterionId, LocalDate today) {
        return jdbc.sql("""
                with recursive tree as (
                    select id from criterion where id = ?
                    union all
                    select c.id from criterion c join tree on c.parent_id = tree.id)
                select t.id, t.title,
                       (select string_agg(u.name, ', ' order by tu.position) from task_unit tu
                        join unit u on u.id = tu.unit_id where tu.task_id = t.id and tu.role = 'LEAD'),
                       t.due_date, t.status
                from task t
                where t.domain_id = ? or exists (select 1 from task_criterion tc
                    where tc.task_id = t.id and tc.criterion_id in (select id from tree))
                order by t.position, t.id""")
                .params(criterionId, criterionId)
                .query((rs, n) -> {
                    TaskStatus status = TaskStatus.valueOf(rs.getString(5));
                    LocalDate due = rs.getObject(4, LocalDate.class);
                    return new TaskLine(rs.getLong(1), rs.getString(2), rs.getString(3), due, status,
                            TaskView.overdue(status, due, today));
                }).list();
    }

    /** How the tasks a unit reports on (leads, or as a commune) of a cycle stand: in all, done, in progress, overdue (not done past due). */
    public record UnitTaskCounts(int total, int done, int inProgress, int overdue) {
    }

    /**
     * Counts of the tasks each unit reports on in the cycle (it leads them, or they name all communes and it is a
     * commune), by unit id (units with none are absent). One statement.
     */
    @Transactional(readOnly = true)
    public Map<Long, UnitTaskCounts> countsByUnit(Cycle cycle, LocalDate today) {
        Map<Long, UnitTaskCounts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select tu.unit_id, count(*), count(*) filter (where t.status = 'DONE'),
                       count(*) filter (where t.status = 'IN_PROGRESS'),
                       count(*) filter (where t.status <> 'DONE' and t.due_date < ?)
                from task t join task_unit_effective tu on tu.task_id = t.id and tu.reports
                where t.cycle_id = ? group by tu.unit_id""")
                .params(today, cycle.getId())
                .query((rs, n) -> counts.put(rs.getLong(1), new UnitTaskCounts(rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5))))
                .list();
        return counts;
    }

    /** How many of the cycle's tasks are overdue today (not done, past their due date). One statement. */
    @Transactional(readOnly = true)
    public long overdueCount(Cycle cycle) {
        return jdbc.sql("select count(*) from task where cycle_id = ? and status <> 'DONE' and due_date < ?")
                .params(cycle.getId(), today()).query(Long.class).single();
    }

    /** Today in Vietnam, as "overdue" counts it. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<TaskView> read(String sql, Object... params) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<UnitRef>> leads = new LinkedHashMap<>();
        Map<Long, List<UnitRef>> helpers = new LinkedHashMap<>();
        Map<Long, List<Long>> reporting = new LinkedHashMap<>();
        jdbc.sql("""
                select tu.task_id, tu.role, u.id, u.code, u.name, tu.reports
                from task_unit_effective tu join unit u on u.id = tu.unit_id
                where tu.task_id = any(?) order by tu.task_id, tu.role, tu.position, u.code""")
                .param(ids).query((rs, n) -> {
                    (rs.getString(2).equals("LEAD") ? leads : helpers)
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new UnitRef(rs.getLong(3), rs.getString(4), rs.getString(5)));
                    if (rs.getBoolean(6)) {
                        reporting.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(3));
                    }
                    return null;
                }).list();
        Map<Long, List<String>> criteria = new LinkedHashMap<>();
        jdbc.sql("""
                select tc.task_id, c.code from task_criterion tc join criterion c on c.id = tc.criterion_id
                where tc.task_id = any(?) order by tc.task_id, c.position, c.code""")
                .param(ids).query((rs, n) -> criteria.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2))).list();
        return rows.stream().map(r -> new TaskView(r.id(), r.year(), r.domainCode(), r.domainName(),
                List.copyOf(criteria.getOrDefault(r.id(), List.of())), r.title(), r.description(),
                List.copyOf(leads.getOrDefault(r.id(), List.of())), List.copyOf(helpers.getOrDefault(r.id(), List.of())),
                r.start(), r.due(), r.status(), TaskView.overdue(r.status(), r.due(), today), r.last(), r.version(),
                r.allCommunes(), List.copyOf(reporting.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    private record Row(long id, int year, String domainCode, String domainName, String title, String description,
            LocalDate start, LocalDate due, TaskStatus status, long version, TaskView.LastUpdate last,
            boolean allCommunes) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(11, OffsetDateTime.class);
        TaskView.LastUpdate last = at == null ? null
                : new TaskView.LastUpdate(at, rs.getString(12), rs.getString(13), rs.getObject(14, Integer.class));
        return new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                TaskStatus.valueOf(rs.getString(9)), rs.getLong(10), last, rs.getBoolean(15));
    }
}
