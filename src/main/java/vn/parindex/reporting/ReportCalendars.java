package vn.parindex.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.tasks.TaskDraft;

/**
 * The reporting calendar: the report periods of a cycle (each month, quarter, the first half, the year) and the
 * deadlines Home Affairs sets per cycle ({@code cycle_calendar}), and what day today is for them.
 */
@Service
public class ReportCalendars {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReportRows rows;
    private final Clock clock;

    ReportCalendars(JdbcClient jdbc, AuditTrail audit, ReportRows rows, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rows = rows;
        this.clock = clock;
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

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
        ReportRows.requireHomeAffairs(user);
        rows.touch();
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
        if (rows.closed(cycle)) {
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

    /** The period a code names within the cycle's year; 400 for anything else ("2023-Q5", "2023-13", "2022-Q1"). */
    public ReportPeriod period(Cycle cycle, String code) {
        ReportPeriod period = ReportPeriod.parse(code)
                .orElseThrow(() -> InvalidInputException.of("period", "report.period.invalid"));
        if (period.year() != cycle.getYear()) {
            throw InvalidInputException.of("period", "report.period.otherYear");
        }
        return period;
    }
}
