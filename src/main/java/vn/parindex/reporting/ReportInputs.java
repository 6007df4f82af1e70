package vn.parindex.reporting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.reporting.ReportRows.Row;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.UniqueViolations;
import vn.parindex.tasks.TaskUpdates;
import vn.parindex.tasks.TaskStatus;
import vn.parindex.tasks.TaskView;

/**
 * Writing the units' inputs: a unit's head (or Home Affairs) saves and sends its input for a period; Home Affairs
 * accepts it or returns it with a reason. Sending moves the tasks reported on forward ({@link TaskUpdates#advance}).
 *
 * <p>Writers touch the data revision first (V4's triggers), so they queue in one order and what they check (the
 * input's status and version, the cycle's status) cannot change before they write; one input per unit and period is
 * a unique constraint of the database.
 */
@Service
public class ReportInputs {

    /** At most this many tasks in one input (the message {@code task.list.tooLong} says 100). */
    static final int MAX_TASKS = 100;

    /** Change history entries of inputs carry this entity type. */
    static final String ENTITY = "REPORT_INPUT";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TaskUpdates taskUpdates;
    private final ReportService inputs;
    private final ReportCalendars calendars;
    private final ReportRows rows;
    private final Clock clock;

    ReportInputs(JdbcClient jdbc, AuditTrail audit, TaskUpdates taskUpdates, ReportService inputs,
            ReportCalendars calendars, ReportRows rows, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.taskUpdates = taskUpdates;
        this.inputs = inputs;
        this.calendars = calendars;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * What a unit writes for a period: per task id the result and the task's status (IN_PROGRESS, DONE; none: the
     * task's own, "in progress" for a task not started), its difficulties and proposals, and whether to send.
     */
    public record InputDraft(Long version, Map<Long, String> results, Map<Long, String> statuses,
            String difficulties, String proposals, boolean submit) {

        public InputDraft(Long version, Map<Long, String> results, String difficulties, String proposals,
                boolean submit) {
            this(version, results, Map.of(), difficulties, proposals, submit);
        }
    }

    /**
     * Saves (and with {@code submit} sends) a unit's input: its head or Home Affairs; not once accepted (409), not
     * in a closed cycle (409), not on a version someone changed meanwhile (409). Every result belongs to a task the
     * unit leads that runs during the period; sending needs at least one result.
     *
     * <p>A result comes with the status it gives its task: a task with a result has started, so "not started" is
     * refused, and a task not started without a status given is "in progress"; a status goes with a result (the
     * form offers one for every task: those left without a result keep their own). Sending applies each status to its task as a progress update by the sender ("Báo cáo quý I năm
     * 2023: …", in the task's history), so the report's results and the tasks' statuses agree.
     */
    @Transactional
    public UnitInput save(CurrentUser user, Cycle cycle, ReportPeriod period, String unitCode, InputDraft draft) {
        UnitRef unit = rows.unit(unitCode);
        if (user == null || !(user.isAdmin() || (user.isUnitHead() && user.unitId() != null
                && user.unitId() == unit.id()))) {
            throw new AccessDeniedException("only the unit's head or Home Affairs writes its input");
        }
        rows.touch();
        Row row = rows.locked(cycle, period, unit);
        long currentVersion = row == null ? 0 : row.version();
        if (rows.closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", currentVersion);
        }
        List<TaskView> led = rows.tasksRunning(cycle, period, unit);
        FieldErrors errors = new FieldErrors();
        Map<Long, String> results = new LinkedHashMap<>();
        Map<Long, String> sent = draft.results() == null ? Map.of() : draft.results();
        if (sent.size() > MAX_TASKS) {
            errors.add("tasks", "task.list.tooLong");
        } else {
            for (Map.Entry<Long, String> e : sent.entrySet()) {
                if (e.getKey() == null || led.stream().noneMatch(t -> t.id() == e.getKey())) {
                    errors.add("tasks", "report.task.notLed");
                    continue;
                }
                String text = e.getValue() == null ? "" : e.getValue().strip();
                if (!text.isEmpty()) {
                    results.put(e.getKey(), text);
                }
                ReportRows.text(errors, "tasks", text);
            }
        }
        Map<Long, TaskStatus> statuses = new LinkedHashMap<>();
        Map<Long, String> stated = draft.statuses() == null ? Map.of() : draft.statuses();
        if (stated.size() > MAX_TASKS) {
            errors.add("tasks", "task.list.tooLong");
        } else {
            for (Map.Entry<Long, String> e : stated.entrySet()) {
                TaskView task = e.getKey() == null ? null
                        : led.stream().filter(t -> t.id() == e.getKey()).findFirst().orElse(null);
                if (task == null) {
                    errors.add("tasks", "report.task.notLed");
                    continue;
                }
                String text = e.getValue() == null ? "" : e.getValue().strip();
                if (text.isEmpty()) {
                    continue;
                }
                TaskStatus status = java.util.Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(text))
                        .findFirst().orElse(null);
                if (status == null) {
                    errors.add("tasks", "task.status.invalid");
                } else if (results.containsKey(task.id())) {
                    statuses.put(task.id(), status);
                }
            }
        }
        for (Long taskId : results.keySet()) {
            TaskView task = led.stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
            TaskStatus status = statuses.get(taskId);
            if (status == null) {
                statuses.put(taskId, task.status() == TaskStatus.NOT_STARTED ? TaskStatus.IN_PROGRESS : task.status());
            } else if (status == TaskStatus.NOT_STARTED) {
                errors.add("tasks", "report.task.resultNotStarted");
            }
        }
        String difficulties = draft.difficulties() == null ? "" : draft.difficulties().strip();
        String proposals = draft.proposals() == null ? "" : draft.proposals().strip();
        ReportRows.text(errors, "difficulties", difficulties);
        ReportRows.text(errors, "proposals", proposals);
        if (draft.submit() && results.isEmpty() && !errors.has("tasks")) {
            errors.add("tasks", "report.input.empty");
        }
        errors.throwIfAny();
        if (row != null && row.status() == ReportInputStatus.ACCEPTED) {
            throw new ConflictException("conflict.reportAccepted", currentVersion);
        }
        if (row != null && (draft.version() == null || draft.version() != row.version())) {
            throw new ConflictException("conflict.report", currentVersion);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ReportInputStatus next = draft.submit() ? ReportInputStatus.SUBMITTED
                : row == null ? ReportInputStatus.DRAFT : row.status();
        long id;
        try {
            if (row == null) {
                id = jdbc.sql("""
                        insert into report_input (cycle_id, period, unit_id, status, difficulties, proposals,
                            updated_at, updated_by, first_submitted_at, submitted_at, submitted_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                        .params(cycle.getId(), period.code(), unit.id(), next.name(), difficulties, proposals, now,
                                user.id(), draft.submit() ? now : null, draft.submit() ? now : null,
                                draft.submit() ? user.id() : null)
                        .query(Long.class).single();
            } else {
                id = row.id();
                jdbc.sql("""
                        update report_input set status = ?, difficulties = ?, proposals = ?, updated_at = ?,
                            updated_by = ?, first_submitted_at = coalesce(first_submitted_at, ?),
                            submitted_at = case when ? then ? else submitted_at end,
                            submitted_by = case when ? then ? else submitted_by end,
                            version = version + 1
                        where id = ?""")
                        .params(next.name(), difficulties, proposals, now, user.id(),
                                draft.submit() ? now : null, draft.submit(), now, draft.submit(), user.id(), id)
                        .update();
                jdbc.sql("delete from report_input_task where input_id = ?").param(id).update();
            }
        } catch (DataIntegrityViolationException e) {
            if (UniqueViolations.isUniqueViolation(e)) {
                throw new ConflictException("conflict.duplicate", 0);
            }
            throw e;
        }
        for (Map.Entry<Long, String> e : results.entrySet()) {
            jdbc.sql("insert into report_input_task (input_id, task_id, result, status) values (?, ?, ?, ?)")
                    .params(id, e.getKey(), e.getValue(), statuses.get(e.getKey()).name()).update();
        }
        audit.recordEvent(user.actor(), ENTITY, id, null, draft.submit() ? "submitted" : "saved",
                period.code() + " " + unit.code());
        if (draft.submit()) {
            for (TaskView task : led) {
                TaskStatus status = results.containsKey(task.id()) ? statuses.get(task.id()) : null;
                // a report only moves a task forward (TaskUpdates.advance, under the task's lock): a draft saved
                // before the task moved on, or another lead unit's input, never reopens it (the task's page does)
                if (status != null) {
                    String note = "Báo cáo " + period.vietnameseName() + ": " + results.get(task.id());
                    taskUpdates.advance(user, task.id(), note.length() > FieldErrors.MAX_COMMENT_LENGTH
                            ? cut(note, FieldErrors.MAX_COMMENT_LENGTH - 1) + "…" : note, status);
                }
            }
        }
        return inputs.input(cycle, period, unit, calendars.calendar(cycle).deadline(period), calendars.today());
    }

    /** The text cut to at most {@code length} chars, never inside a character (an emoji's surrogate pair). */
    static String cut(String text, int length) {
        int end = length;
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.min(end, text.length()));
    }

    /** Home Affairs returns a sent input with a reason (required, at most 4 000 characters). */
    @Transactional
    public UnitInput returnInput(CurrentUser user, Cycle cycle, ReportPeriod period, String unitCode, Long version,
            String reason) {
        UnitRef unit = rows.unit(unitCode);
        ReportRows.requireHomeAffairs(user);
        rows.touch();
        Row row = rows.locked(cycle, period, unit);
        if (rows.closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", row == null ? 0 : row.version());
        }
        FieldErrors errors = new FieldErrors();
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            errors.add("reason", "report.reason.required");
        }
        ReportRows.text(errors, "reason", text);
        errors.throwIfAny();
        review(cycle, row, version);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update report_input set status = 'RETURNED', reviewed_at = ?, reviewed_by = ?, return_reason = ?,
                    version = version + 1 where id = ?""").params(now, user.id(), text, row.id()).update();
        audit.record(user.actor(), ENTITY, row.id(), null, "status", row.status().name(), "RETURNED", text);
        return inputs.input(cycle, period, unit, calendars.calendar(cycle).deadline(period), calendars.today());
    }

    /** Home Affairs accepts a sent input: it is no longer changed. */
    @Transactional
    public UnitInput accept(CurrentUser user, Cycle cycle, ReportPeriod period, String unitCode, Long version) {
        UnitRef unit = rows.unit(unitCode);
        ReportRows.requireHomeAffairs(user);
        rows.touch();
        Row row = rows.locked(cycle, period, unit);
        review(cycle, row, version);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update report_input set status = 'ACCEPTED', reviewed_at = ?, reviewed_by = ?, return_reason = null,
                    version = version + 1 where id = ?""").params(now, user.id(), row.id()).update();
        audit.record(user.actor(), ENTITY, row.id(), null, "status", row.status().name(), "ACCEPTED", null);
        return inputs.input(cycle, period, unit, calendars.calendar(cycle).deadline(period), calendars.today());
    }

    /** A review needs a sent input, on the version the reviewer saw, in an open cycle. */
    private void review(Cycle cycle, Row row, Long version) {
        if (version == null) {
            throw InvalidInputException.of("version", "task.version.required");
        }
        if (row == null) {
            throw new ConflictException("conflict.reportNotSubmitted", 0);
        }
        if (rows.closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", row.version());
        }
        if (version != row.version()) {
            throw new ConflictException("conflict.report", row.version());
        }
        if (row.status() != ReportInputStatus.SUBMITTED) {
            throw new ConflictException("conflict.reportNotSubmitted", row.version());
        }
    }
}
