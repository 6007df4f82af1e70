package vn.parindex.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * The tasks' progress updates: written by the head of a lead unit (or of a commune, for a task that names all
 * communes: its part, never "done") or by Home Affairs, each on record, and read as a
 * task's history with their documents. Reading the tasks themselves is {@link TaskService}'s. Plain SQL.
 */
@Service
public class TaskUpdates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    TaskUpdates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
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
        Boolean leads = user.isAdmin() ? Boolean.TRUE : reports(taskId, user.unitId());
        if (leads == null) {
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
        // a commune reports its own part of a task that names all communes: the task is done when its lead says so
        if (!leads && newStatus == TaskStatus.DONE) {
            if (forwardOnly) {
                newStatus = TaskStatus.IN_PROGRESS;
            } else {
                errors.add("status", "task.status.leadOnly");
            }
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
            audit.record(user.actor(), TaskService.ENTITY, taskId, null, "status", task.status().name(),
                    newStatus.name(), text);
        }
        audit.recordEvent(user.actor(), TaskService.ENTITY, taskId, null, "progress", text);
        return id;
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
        return jdbc.sql("select u.id, u.at, " + TaskService.AUTHOR + """
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
        if (!user.isAdmin() && reports(taskId, user.unitId()) == null) {
            throw new AccessDeniedException("only the lead unit's head or Home Affairs update a task");
        }
        Long closedAt = jdbc.sql("""
                select t.version from task t join cycle c on c.id = t.cycle_id where t.id = ? and c.status = 'CLOSED'""")
                .param(taskId).query(Long.class).optional().orElse(null);
        if (closedAt != null) {
            throw new ConflictException("conflict.cycleClosed", closedAt);
        }
    }

    /**
     * Whether this person could record progress on the task were its year open, as {@link #addUpdate} asks: Home
     * Affairs, or the head of a unit leading it (false for a task that does not exist).
     */
    @Transactional(readOnly = true)
    boolean mayUpdate(CurrentUser user, long taskId) {
        if (user == null || !(user.isAdmin() || (user.isUnitHead() && user.unitId() != null))) {
            return false;
        }
        return user.isAdmin() || reports(taskId, user.unitId()) != null;
    }

    /**
     * Whether the unit reports on the task ({@code task_unit_effective}): true when it leads it, false when it is a
     * commune and the task names all communes (it reports its part: progress, never "done"), null when neither.
     */
    private Boolean reports(long taskId, long unitId) {
        return jdbc.sql("""
                select bool_or(role = 'LEAD') from task_unit_effective where task_id = ? and unit_id = ? and reports""")
                .params(taskId, unitId).query(Boolean.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
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
}
