package vn.parindex.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.Unit;
import vn.parindex.reporting.ReportViews.AssessmentCounts;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.PeriodOverview;
import vn.parindex.reporting.ReportViews.PeriodSummary;
import vn.parindex.reporting.ReportViews.TaskCounts;
import vn.parindex.reporting.ReportViews.TaskResult;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.system.UniqueViolations;
import vn.parindex.tasks.TaskDraft;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskStatus;
import vn.parindex.tasks.TaskView;

/**
 * The reporting calendar and the units' inputs (section III of the plan): every unit that leads a task of the cycle
 * sends, for each period, what it did on each task it leads and its difficulties and proposals; Home Affairs accepts
 * or returns it with a reason, sees who is late, and compiles the district's report.
 *
 * <p>Writers touch the data revision first (V4's triggers), so they queue in one order and what they check (the
 * input's status and version, the cycle's status) cannot change before they write; one input per unit and period is
 * a unique constraint of the database.
 */
@Service
public class ReportService {

    /** At most this many tasks in one input (the message {@code task.list.tooLong} says 100). */
    static final int MAX_TASKS = 100;

    /** Change history entries of inputs carry this entity type. */
    static final String ENTITY = "REPORT_INPUT";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TaskService tasks;
    private final ScoreboardService scoreboards;
    private final Clock clock;

    @Autowired
    ReportService(JdbcClient jdbc, AuditTrail audit, TaskService tasks, ScoreboardService scoreboards, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tasks = tasks;
        this.scoreboards = scoreboards;
        this.clock = clock;
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- calendar

    /** The cycle's deadlines (the defaults where Home Affairs set none). */
    @Transactional(readOnly = true)
    public ReportCalendar calendar(Cycle cycle) {
        return jdbc.sql("""
                select month_due_day, quarter_due_day, half_due_day, year_due_day, self_assessment_due, version
                from cycle_calendar where cycle_id = ?""").param(cycle.getId())
                .query((rs, n) -> new ReportCalendar(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6)))
                .optional().orElse(ReportCalendar.DEFAULTS);
    }

    /**
     * Home Affairs sets the cycle's deadlines: a day (1–31; a shorter month's last day where it has fewer) per kind
     * of period, and the self-assessment deadline (dd/MM/yyyy, within the cycle's year, or blank for none), made on
     * {@code version} of the calendar.
     */
    @Transactional
    public ReportCalendar changeCalendar(CurrentUser user, Cycle cycle, Integer monthDay, Integer quarterDay,
            Integer halfDay, Integer yearDay, String selfAssessmentDue, Long version) {
        requireHomeAffairs(user);
        touch();
        ReportCalendar old = calendar(cycle);
        FieldErrors errors = new FieldErrors();
        day(errors, "monthDueDay", monthDay);
        day(errors, "quarterDueDay", quarterDay);
        day(errors, "halfDueDay", halfDay);
        day(errors, "yearDueDay", yearDay);
        LocalDate due = null;
        try {
            due = TaskDraft.parseDate(selfAssessmentDue);
            if (due != null && due.getYear() != cycle.getYear()) {
                errors.add("selfAssessmentDue", "report.calendar.outsideCycle");
            }
        } catch (DateTimeParseException e) {
            errors.add("selfAssessmentDue", "task.date.invalid");
        }
        if (version == null) {
            errors.add("version", "task.version.required");
        }
        errors.throwIfAny();
        if (closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", old.version());
        }
        if (version != old.version()) {
            throw new ConflictException("conflict.calendar", old.version());
        }
        ReportCalendar changed = new ReportCalendar(monthDay, quarterDay, halfDay, yearDay, due, old.version() + 1);
        if (changed.equals(new ReportCalendar(old.monthDueDay(), old.quarterDueDay(), old.halfDueDay(),
                old.yearDueDay(), old.selfAssessmentDue(), old.version() + 1))) {
            return old;
        }
        jdbc.sql("""
                insert into cycle_calendar (cycle_id, month_due_day, quarter_due_day, half_due_day, year_due_day,
                    self_assessment_due, version)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (cycle_id) do update set month_due_day = excluded.month_due_day,
                    quarter_due_day = excluded.quarter_due_day, half_due_day = excluded.half_due_day,
                    year_due_day = excluded.year_due_day, self_assessment_due = excluded.self_assessment_due,
                    version = excluded.version""")
                .params(cycle.getId(), monthDay, quarterDay, halfDay, yearDay, due, changed.version()).update();
        var actor = user.actor();
        audit.record(actor, "CYCLE_CALENDAR", cycle.getId(), null, "monthDueDay", old.monthDueDay(), monthDay, null);
        audit.record(actor, "CYCLE_CALENDAR", cycle.getId(), null, "quarterDueDay", old.quarterDueDay(), quarterDay,
                null);
        audit.record(actor, "CYCLE_CALENDAR", cycle.getId(), null, "halfDueDay", old.halfDueDay(), halfDay, null);
        audit.record(actor, "CYCLE_CALENDAR", cycle.getId(), null, "yearDueDay", old.yearDueDay(), yearDay, null);
        audit.record(actor, "CYCLE_CALENDAR", cycle.getId(), null, "selfAssessmentDue", old.selfAssessmentDue(), due,
                null);
        return changed;
    }

    private static void day(FieldErrors errors, String field, Integer day) {
        if (day == null || day < 1 || day > 31) {
            errors.add(field, "report.calendar.day");
        }
    }

    // ---------------------------------------------------------------- periods

    /** The period a code names within the cycle's year; 400 for anything else ("2023-Q5", "2023-13", "2022-Q1"). */
    public ReportPeriod period(Cycle cycle, String code) {
        ReportPeriod period = ReportPeriod.parse(code)
                .orElseThrow(() -> InvalidInputException.of("period", "report.period.invalid"));
        if (period.year() != cycle.getYear()) {
            throw InvalidInputException.of("period", "report.period.otherYear");
        }
        return period;
    }

    /** Every period of the cycle with its deadline and counts of the units' inputs. */
    @Transactional(readOnly = true)
    public List<PeriodSummary> periods(Cycle cycle) {
        ReportCalendar calendar = calendar(cycle);
        List<Led> led = expectedUnits(cycle);
        Map<String, Map<Long, Row>> byPeriod = new HashMap<>();
        for (Row row : rows(cycle, null)) {
            byPeriod.computeIfAbsent(row.period(), k -> new HashMap<>()).put(row.unitId(), row);
        }
        LocalDate today = today();
        List<PeriodSummary> all = new ArrayList<>();
        for (ReportPeriod period : ReportPeriod.of(cycle.getYear())) {
            LocalDate deadline = calendar.deadline(period);
            Map<Long, Row> rows = byPeriod.getOrDefault(period.code(), Map.of());
            int[] counts = new int[ReportInputStatus.values().length];
            int late = 0;
            List<UnitRef> expected = led.stream().filter(l -> l.runsIn(period)).map(Led::unit).toList();
            for (UnitRef unit : expected) {
                Row row = rows.get(unit.id());
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
        ReportCalendar calendar = calendar(cycle);
        LocalDate today = today();
        Map<String, Map<Long, Row>> byPeriod = new HashMap<>();
        for (Row row : rows(cycle, null)) {
            byPeriod.computeIfAbsent(row.period(), k -> new HashMap<>()).put(row.unitId(), row);
        }
        List<Pending> pending = new ArrayList<>();
        List<Led> units = expectedUnits(cycle).stream()
                .filter(l -> unitId == null || l.unit().id() == unitId).toList();
        for (ReportPeriod period : ReportPeriod.of(cycle.getYear())) {
            LocalDate deadline = calendar.deadline(period);
            Map<Long, Row> rows = byPeriod.getOrDefault(period.code(), Map.of());
            for (Led led : units) {
                if (!led.runsIn(period)) {
                    continue;
                }
                UnitRef unit = led.unit();
                Row row = rows.get(unit.id());
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
        LocalDate deadline = calendar(cycle).deadline(period);
        Map<Long, Row> rows = new HashMap<>();
        rows(cycle, period.code()).forEach(r -> rows.put(r.unitId(), r));
        List<UnitStatus> units = new ArrayList<>();
        LocalDate today = today();
        for (Led led : expectedUnits(cycle)) {
            if (led.runsIn(period)) {
                units.add(status(led.unit(), rows.get(led.unit().id()), deadline, today));
            }
        }
        return new PeriodOverview(period, deadline, List.copyOf(units));
    }

    /** A unit's input for the period, with every task the unit leads that runs during it. */
    @Transactional(readOnly = true)
    public UnitInput input(Cycle cycle, ReportPeriod period, String unitCode) {
        UnitRef unit = unit(unitCode);
        return input(cycle, period, unit, calendar(cycle).deadline(period), today());
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

    private UnitInput input(Cycle cycle, ReportPeriod period, UnitRef unit, LocalDate deadline, LocalDate today) {
        Row row = rows(cycle, period.code()).stream().filter(r -> r.unitId() == unit.id()).findFirst().orElse(null);
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
        List<TaskResult> tasksOfUnit = tasksRunning(cycle, period, unit).stream()
                .map(t -> new TaskResult(t, results.getOrDefault(t.id(), ""), statuses.get(t.id()))).toList();
        return new UnitInput(period, deadline, status(unit, row, deadline, today), tasksOfUnit,
                row == null ? "" : row.difficulties(), row == null ? "" : row.proposals());
    }

    private List<TaskView> tasksRunning(Cycle cycle, ReportPeriod period, UnitRef unit) {
        return tasks.tasks(cycle, unit.code()).stream()
                .filter(t -> !t.startDate().isAfter(period.end()) && !t.dueDate().isBefore(period.start()))
                .toList();
    }

    // ---------------------------------------------------------------- writing an input

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
        UnitRef unit = unit(unitCode);
        if (user == null || !(user.isAdmin() || (user.isUnitHead() && user.unitId() != null
                && user.unitId() == unit.id()))) {
            throw new AccessDeniedException("only the unit's head or Home Affairs writes its input");
        }
        touch();
        Row row = locked(cycle, period, unit);
        long currentVersion = row == null ? 0 : row.version();
        if (closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", currentVersion);
        }
        List<TaskView> led = tasksRunning(cycle, period, unit);
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
                text(errors, "tasks", text);
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
        text(errors, "difficulties", difficulties);
        text(errors, "proposals", proposals);
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
                // a report only moves a task forward (TaskService.advance, under the task's lock): a draft saved
                // before the task moved on, or another lead unit's input, never reopens it (the task's page does)
                if (status != null) {
                    String note = "Báo cáo " + period.vietnameseName() + ": " + results.get(task.id());
                    tasks.advance(user, task.id(), note.length() > FieldErrors.MAX_COMMENT_LENGTH
                            ? cut(note, FieldErrors.MAX_COMMENT_LENGTH - 1) + "…" : note, status);
                }
            }
        }
        return input(cycle, period, unit, calendar(cycle).deadline(period), today());
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
        UnitRef unit = unit(unitCode);
        requireHomeAffairs(user);
        touch();
        Row row = locked(cycle, period, unit);
        if (closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", row == null ? 0 : row.version());
        }
        FieldErrors errors = new FieldErrors();
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            errors.add("reason", "report.reason.required");
        }
        text(errors, "reason", text);
        errors.throwIfAny();
        review(cycle, row, version);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update report_input set status = 'RETURNED', reviewed_at = ?, reviewed_by = ?, return_reason = ?,
                    version = version + 1 where id = ?""").params(now, user.id(), text, row.id()).update();
        audit.record(user.actor(), ENTITY, row.id(), null, "status", row.status().name(), "RETURNED", text);
        return input(cycle, period, unit, calendar(cycle).deadline(period), today());
    }

    /** Home Affairs accepts a sent input: it is no longer changed. */
    @Transactional
    public UnitInput accept(CurrentUser user, Cycle cycle, ReportPeriod period, String unitCode, Long version) {
        UnitRef unit = unit(unitCode);
        requireHomeAffairs(user);
        touch();
        Row row = locked(cycle, period, unit);
        review(cycle, row, version);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update report_input set status = 'ACCEPTED', reviewed_at = ?, reviewed_by = ?, return_reason = null,
                    version = version + 1 where id = ?""").params(now, user.id(), row.id()).update();
        audit.record(user.actor(), ENTITY, row.id(), null, "status", row.status().name(), "ACCEPTED", null);
        return input(cycle, period, unit, calendar(cycle).deadline(period), today());
    }

    /** A review needs a sent input, on the version the reviewer saw, in an open cycle. */
    private void review(Cycle cycle, Row row, Long version) {
        if (version == null) {
            throw InvalidInputException.of("version", "task.version.required");
        }
        if (row == null) {
            throw new ConflictException("conflict.reportNotSubmitted", 0);
        }
        if (closed(cycle)) {
            throw new ConflictException("conflict.cycleClosed", row.version());
        }
        if (version != row.version()) {
            throw new ConflictException("conflict.report", row.version());
        }
        if (row.status() != ReportInputStatus.SUBMITTED) {
            throw new ConflictException("conflict.reportNotSubmitted", row.version());
        }
    }

    // ---------------------------------------------------------------- the district's report

    /** Everything the district's report for the period holds, as of now. */
    @Transactional(readOnly = true)
    public DistrictReport compile(Cycle cycle, ReportPeriod period) {
        LocalDate today = today();
        LocalDate deadline = calendar(cycle).deadline(period);
        List<TaskView> all = tasks.tasks(cycle, null);
        int done = 0;
        int inProgress = 0;
        int notStarted = 0;
        int overdue = 0;
        for (TaskView t : all) {
            switch (t.status()) {
                case DONE -> done++;
                case IN_PROGRESS -> inProgress++;
                case NOT_STARTED -> notStarted++;
            }
            if (t.overdue()) {
                overdue++;
            }
        }
        List<UnitStatus> units = overview(cycle, period).units();
        List<UnitInput> inputs = new ArrayList<>();
        for (UnitStatus unit : units) {
            if (unit.status() == ReportInputStatus.SUBMITTED || unit.status() == ReportInputStatus.ACCEPTED) {
                inputs.add(input(cycle, period, unit.unit(), deadline, today));
            }
        }
        return new DistrictReport(period, deadline, cycle.getDistrictName(), scoreboards.forCycle(cycle),
                assessments(cycle), new TaskCounts(all.size(), done, inProgress, notStarted, overdue),
                List.copyOf(inputs), units, today);
    }

    private AssessmentCounts assessments(Cycle cycle) {
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where a.status is null),
                       count(*) filter (where a.status = 'SUBMITTED'),
                       count(*) filter (where a.status = 'RETURNED'),
                       count(*) filter (where a.status = 'APPROVED')
                from criterion c
                left join lateral (select x.status from assessment x where x.criterion_id = c.id
                                   order by x.submitted_at desc, x.id desc limit 1) a on true
                where c.cycle_id = ? and c.scoring_method = 'SELF_ASSESSMENT'
                  and not exists (select 1 from criterion k where k.parent_id = c.id)""")
                .param(cycle.getId())
                .query((rs, n) -> new AssessmentCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)))
                .single();
    }

    /**
     * Who issues a unit's documents: its name under the district's committee, its abbreviation (stored, else
     * derived from the name), its head's title, and its head's name when the unit has one head whose account names
     * a person (not a post such as "Trưởng phòng Tư pháp"). Two statements.
     */
    @Transactional(readOnly = true)
    Issuer issuer(Cycle cycle, UnitRef unit) {
        String[] stored = jdbc.sql("select kind, document_abbreviation from unit where id = ?").param(unit.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        List<String> heads = jdbc.sql("""
                select display_name from app_user where unit_id = ? and role = 'UNIT_HEAD' and enabled order by id""")
                .param(unit.id()).query(String.class).list();
        String district = cycle.getDistrictName() == null ? "…" : cycle.getDistrictName();
        return Issuer.unit(district, unit.name(), "COMMUNE".equals(stored[0]), stored[1],
                heads.size() == 1 ? Issuer.personName(heads.get(0)) : null);
    }

    // ---------------------------------------------------------------- plumbing

    /** An input as stored. */
    private record Row(long id, String period, long unitId, ReportInputStatus status, String difficulties,
            String proposals, OffsetDateTime updatedAt, OffsetDateTime firstSubmittedAt, OffsetDateTime submittedAt,
            String submittedBy, OffsetDateTime reviewedAt, String reviewedBy, String returnReason, long version) {
    }

    private static final String ROWS = """
            select r.id, r.period, r.unit_id, r.status, r.difficulties, r.proposals, r.updated_at,
                   r.first_submitted_at, r.submitted_at, coalesce(s.display_name, s.username), r.reviewed_at,
                   coalesce(v.display_name, v.username), r.return_reason, r.version
            from report_input r
            left join app_user s on s.id = r.submitted_by
            left join app_user v on v.id = r.reviewed_by
            """;

    private List<Row> rows(Cycle cycle, String period) {
        return jdbc.sql(ROWS + " where r.cycle_id = ? and (cast(? as varchar) is null or r.period = ?)")
                .params(cycle.getId(), period, period).query((rs, n) -> row(rs)).list();
    }

    private Row locked(Cycle cycle, ReportPeriod period, UnitRef unit) {
        return jdbc.sql(ROWS + " where r.cycle_id = ? and r.period = ? and r.unit_id = ? for update of r")
                .params(cycle.getId(), period.code(), unit.id()).query((rs, n) -> row(rs)).optional().orElse(null);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), ReportInputStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13), rs.getLong(14));
    }

    private static UnitStatus status(UnitRef unit, Row row, LocalDate deadline, LocalDate today) {
        if (row == null) {
            return new UnitStatus(unit, ReportInputStatus.NOT_STARTED, today.isAfter(deadline), false, null, null,
                    null, null, null, null, 0);
        }
        boolean submittedLate = row.firstSubmittedAt() != null
                && row.firstSubmittedAt().atZoneSameInstant(VIETNAM).toLocalDate().isAfter(deadline);
        return new UnitStatus(unit, row.status(), row.status().owed() && today.isAfter(deadline), submittedLate,
                row.updatedAt(), row.submittedAt(), row.submittedBy(), row.reviewedAt(), row.reviewedBy(),
                row.returnReason(), row.version());
    }

    /** A unit and the spans (start, due) of the tasks it leads. */
    private record Led(UnitRef unit, List<LocalDate[]> spans) {

        /** Whether one of its tasks runs during the period: then it owes an input for it. */
        boolean runsIn(ReportPeriod period) {
            return spans.stream().anyMatch(s -> !s[0].isAfter(period.end()) && !s[1].isBefore(period.start()));
        }
    }

    /**
     * The active units that lead a task of the cycle, in the units' order, each with its tasks' spans: a unit owes
     * an input for a period when one of its tasks runs then (it has something to report on). One statement.
     */
    private List<Led> expectedUnits(Cycle cycle) {
        Map<Long, Led> led = new LinkedHashMap<>();
        jdbc.sql("""
                select u.id, u.code, u.name, t.start_date, t.due_date from unit u
                join task_unit tu on tu.unit_id = u.id and tu.role = 'LEAD'
                join task t on t.id = tu.task_id
                where u.active and t.cycle_id = ?
                order by u.kind desc, u.id""")
                .param(cycle.getId()).query((rs, n) -> {
                    long id = rs.getLong(1);
                    UnitRef unit = new UnitRef(id, rs.getString(2), rs.getString(3));
                    return led.computeIfAbsent(id, k -> new Led(unit, new ArrayList<>())).spans()
                            .add(new LocalDate[] {rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)});
                })
                .list();
        return List.copyOf(led.values());
    }

    private UnitRef unit(String unitCode) {
        String code = Unit.code(unitCode).orElseThrow(() -> InvalidInputException.of("unit", "unit.codeInvalid"));
        Optional<UnitRef> unit = jdbc.sql("select id, code, name from unit where code = ?").param(code)
                .query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        return unit.orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
    }

    private boolean closed(Cycle cycle) {
        return CycleStatus.CLOSED.name().equals(jdbc.sql("select status from cycle where id = ?")
                .param(cycle.getId()).query(String.class).single());
    }

    /** Takes the data revision first, as every writer does (writers queue in one order). */
    private void touch() {
        jdbc.sql("update report_input set version = version where false").update();
    }

    private static void text(FieldErrors errors, String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            errors.add(field, "task.note.invalid");
        }
        errors.commentLength(field, text);
    }

    private static void requireHomeAffairs(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only Home Affairs");
        }
    }
}
