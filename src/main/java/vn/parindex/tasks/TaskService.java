package vn.parindex.tasks;

import java.math.BigDecimal;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.Unit;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;

/**
 * The plan's tasks: read per cycle (or per lead unit), and their progress updates, written by the head of a lead
 * unit or by Home Affairs, each on record. Plain SQL: a task list is one statement for the tasks and one for their
 * units and criteria, whatever their number.
 */
@Service
public class TaskService {

    /** Change history entries of tasks carry this entity type. */
    static final String ENTITY = "TASK";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Dates ("today", overdue) are those of the district. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * The author {@code a} of an update as pages show people: name and office ("Nguyễn Văn A (Phòng Tư pháp)"), the
     * office left out when the name says it; needs {@code left join unit an on an.id = a.unit_id}.
     */
    private static final String AUTHOR = """
            case when an.name is null or position(lower(an.name) in lower(a.display_name)) > 0 then a.display_name
                 else a.display_name || ' (' || an.name || ')' end""";

    private static final String TASKS = """
            select t.id, c.year, d.code, d.name, t.title, t.description, t.start_date, t.due_date, t.status,
                   t.version, u.at, """ + AUTHOR + """
            , u.note, u.percent
            from task t
            join cycle c on c.id = t.cycle_id
            join criterion d on d.id = t.domain_id
            left join lateral (select * from task_update x where x.task_id = t.id
                               order by x.at desc, x.id desc limit 1) u on true
            left join app_user a on a.id = u.author_id
            left join unit an on an.id = a.unit_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    @Autowired
    TaskService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The cycle's tasks in the plan's order (domain, then position); with a unit code (any case), those the unit
     * leads. A code that is not one (too long, other characters) is a 400, an unknown one a 404.
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
                 where t.cycle_id = ? and exists (select 1 from task_unit l
                     where l.task_id = t.id and l.unit_id = ? and l.role = 'LEAD')
                 order by d.position, t.position, t.id""", cycle.getId(), unit);
    }

    /** One task, or a 404. */
    @Transactional(readOnly = true)
    public TaskView task(long id) {
        return read(TASKS + " where t.id = ?", id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.task", id));
    }

    /**
     * Records a progress update: a note (required, at most 4 000 characters), optionally a whole percent (0–100) and a
     * new status. The head of a lead unit or Home Affairs only; not in a closed cycle. Returns the update's id.
     *
     * <p>A leader's request is refused before anything is read. Then the task is locked with a statement that
     * writes it (changing nothing): like every writer, it takes the data revision first (V4's trigger), so writers
     * queue in one order, and the task's lead units, status and cycle are read under that lock: no update is
     * recorded "from" a status that changed meanwhile, none in a cycle closed meanwhile. Whether the person may
     * comes before whether the input is right: another unit's head gets 403 whatever was sent.
     */
    @Transactional
    public long addUpdate(CurrentUser user, long taskId, String note, BigDecimal percent, String status) {
        return update(user, taskId, note, percent, status, false);
    }

    /**
     * A progress update that only moves the task forward (a unit's report input, when sent): decided under the task's
     * row lock, so a report sent in parallel with another, or a draft older than the task's last move, never reopens
     * it. Same checks as {@link #addUpdate}.
     *
     * @return whether the task moved (nothing is recorded when it stands at the status given or further)
     */
    @Transactional
    public boolean advance(CurrentUser user, long taskId, String note, TaskStatus status) {
        return update(user, taskId, note, null, status.name(), true) > 0;
    }

    private long update(CurrentUser user, long taskId, String note, BigDecimal percent, String status,
            boolean forwardOnly) {
        if (user == null || !(user.isAdmin() || (user.isUnitHead() && user.unitId() != null))) {
            throw new AccessDeniedException("only the lead unit's head or Home Affairs update a task");
        }
        Locked task = jdbc.sql("""
                update task t set version = t.version where t.id = ?
                returning t.status, t.version, (select c.status from cycle c where c.id = t.cycle_id)""")
                .param(taskId).query((rs, n) -> new Locked(TaskStatus.valueOf(rs.getString(1)), rs.getLong(2),
                        CycleStatus.valueOf(rs.getString(3))))
                .optional().orElseThrow(() -> new NotFoundException("notFound.task", taskId));
        if (!user.isAdmin() && !jdbc.sql("""
                select exists (select 1 from task_unit where task_id = ? and unit_id = ? and role = 'LEAD')""")
                .params(taskId, user.unitId()).query(Boolean.class).single()) {
            throw new AccessDeniedException("only the lead unit's head or Home Affairs update a task");
        }
        if (task.cycleStatus() == CycleStatus.CLOSED) {
            throw new ConflictException("conflict.cycleClosed", task.version());
        }
        TaskStatus newStatus = TaskStatus.parse(status);
        FieldErrors errors = new FieldErrors();
        if (note == null || note.isBlank()) {
            errors.add("note", "task.note.required");
        } else if (note.indexOf('\u0000') >= 0) {
            errors.add("note", "task.note.invalid");
        }
        errors.commentLength("note", note);
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 0)) {
            errors.add("percent", "task.percent.range");
        }
        if (status != null && newStatus == null) {
            errors.add("status", "task.status.invalid");
        }
        errors.throwIfAny();
        if (forwardOnly && newStatus.ordinal() <= task.status().ordinal()) {
            return 0;
        }
        String text = note.strip();
        long id = jdbc.sql("""
                insert into task_update (task_id, at, author_id, note, percent, status)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, OffsetDateTime.now(clock), user.id(), text,
                        percent == null ? null : percent.intValueExact(), newStatus == null ? null : newStatus.name())
                .query(Long.class).single();
        if (newStatus != null && newStatus != task.status()) {
            jdbc.sql("update task set status = ?, version = version + 1 where id = ?")
                    .params(newStatus.name(), taskId).update();
            audit.record(user.actor(), ENTITY, taskId, null, "status", task.status().name(), newStatus.name(), text);
        }
        audit.recordEvent(user.actor(), ENTITY, taskId, null, "progress", text);
        return id;
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

    /** How a unit's led tasks of a cycle stand: in all, done, in progress, overdue (not done past due). */
    public record UnitTaskCounts(int total, int done, int inProgress, int overdue) {
    }

    /** Counts of the tasks each unit leads in the cycle, by unit id (units leading none are absent). One statement. */
    @Transactional(readOnly = true)
    public Map<Long, UnitTaskCounts> countsByUnit(Cycle cycle, LocalDate today) {
        Map<Long, UnitTaskCounts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select tu.unit_id, count(*), count(*) filter (where t.status = 'DONE'),
                       count(*) filter (where t.status = 'IN_PROGRESS'),
                       count(*) filter (where t.status <> 'DONE' and t.due_date < ?)
                from task t join task_unit tu on tu.task_id = t.id and tu.role = 'LEAD'
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

    /** A progress update as shown in a task's history, with the evidence documents sent with it. */
    public record Update(long id, OffsetDateTime at, String by, String note, Integer percent, TaskStatus status,
            List<File> files) {
    }

    /**
     * An evidence document of a progress update: its id (downloaded at /evidence/{id}), name and size, and the
     * document's number, date of issue and summary when given.
     */
    public record File(long id, String name, long size, String documentNumber, LocalDate issuedOn, String summary) {

        /** The date of issue as pages show it (dd/MM/yyyy), or an empty text. */
        public String issuedOnText() {
            return issuedOn == null ? "" : TaskDraft.DAY_MONTH_YEAR.format(issuedOn);
        }
    }

    /** A task's progress updates, newest first, each with its documents. Two statements. */
    @Transactional(readOnly = true)
    public List<Update> updates(long taskId) {
        Map<Long, List<File>> files = new LinkedHashMap<>();
        jdbc.sql("""
                select e.task_update_id, e.id, e.file_name, e.size_bytes, e.document_number, e.issued_on, e.summary
                from evidence e
                join task_update u on u.id = e.task_update_id where u.task_id = ? order by e.id""").param(taskId)
                .query((rs, n) -> files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new File(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                rs.getObject(6, LocalDate.class), rs.getString(7))))
                .list();
        return jdbc.sql("select u.id, u.at, " + AUTHOR + """
                , u.note, u.percent, u.status
                from task_update u join app_user a on a.id = u.author_id left join unit an on an.id = a.unit_id
                where u.task_id = ? order by u.at desc, u.id desc""").param(taskId)
                .query((rs, n) -> new Update(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, Integer.class),
                        rs.getString(6) == null ? null : TaskStatus.valueOf(rs.getString(6)),
                        List.copyOf(files.getOrDefault(rs.getLong(1), List.of()))))
                .list();
    }

    /**
     * Refuses (403) anyone but Home Affairs and the head of a unit leading the task, (404) a task that does not
     * exist, and (409, {@code conflict.cycleClosed}) an update in a closed year: called before a request's files
     * are read.
     */
    @Transactional(readOnly = true)
    public void requireMayUpdate(CurrentUser user, long taskId) {
        if (user == null || !(user.isAdmin() || (user.isUnitHead() && user.unitId() != null))) {
            throw new AccessDeniedException("only the lead unit's head or Home Affairs update a task");
        }
        if (!jdbc.sql("select exists (select 1 from task where id = ?)").param(taskId).query(Boolean.class).single()) {
            throw new NotFoundException("notFound.task", taskId);
        }
        if (!user.isAdmin() && !jdbc.sql("""
                select exists (select 1 from task_unit where task_id = ? and unit_id = ? and role = 'LEAD')""")
                .params(taskId, user.unitId()).query(Boolean.class).single()) {
            throw new AccessDeniedException("only the lead unit's head or Home Affairs update a task");
        }
        Long closedAt = jdbc.sql("""
                select t.version from task t join cycle c on c.id = t.cycle_id where t.id = ? and c.status = 'CLOSED'""")
                .param(taskId).query(Long.class).optional().orElse(null);
        if (closedAt != null) {
            throw new ConflictException("conflict.cycleClosed", closedAt);
        }
    }

    /** Whether the progress update belongs to the task. */
    @Transactional(readOnly = true)
    public boolean isUpdateOf(long taskId, long updateId) {
        return jdbc.sql("select exists (select 1 from task_update where id = ? and task_id = ?)")
                .params(updateId, taskId).query(Boolean.class).single();
    }

    /** A task as locked for an update: its status and version, and its cycle's status. */
    private record Locked(TaskStatus status, long version, CycleStatus cycleStatus) {
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
        jdbc.sql("""
                select tu.task_id, tu.role, u.id, u.code, u.name from task_unit tu join unit u on u.id = tu.unit_id
                where tu.task_id = any(?) order by tu.task_id, tu.role, tu.position, u.code""")
                .param(ids).query((rs, n) -> {
                    (rs.getString(2).equals("LEAD") ? leads : helpers)
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new UnitRef(rs.getLong(3), rs.getString(4), rs.getString(5)));
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
                r.start(), r.due(), r.status(), TaskView.overdue(r.status(), r.due(), today), r.last(), r.version()))
                .toList();
    }

    private record Row(long id, int year, String domainCode, String domainName, String title, String description,
            LocalDate start, LocalDate due, TaskStatus status, long version, TaskView.LastUpdate last) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(11, OffsetDateTime.class);
        TaskView.LastUpdate last = at == null ? null
                : new TaskView.LastUpdate(at, rs.getString(12), rs.getString(13), rs.getObject(14, Integer.class));
        return new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                TaskStatus.valueOf(rs.getString(9)), rs.getLong(10), last);
    }
}
