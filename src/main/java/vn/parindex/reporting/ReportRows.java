package vn.parindex.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.Unit;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskView;

/**
 * What the reporting services share: the inputs as stored ({@code report_input}), the units that owe one, the checks
 * every writer makes (an open cycle, Home Affairs, the text rule) and the data revision writers take first.
 */
@Component
class ReportRows {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final TaskService tasks;

    ReportRows(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /** The tasks the unit leads that run during the period. */
    List<TaskView> tasksRunning(Cycle cycle, ReportPeriod period, UnitRef unit) {
        return tasks.tasks(cycle, unit.code()).stream()
                .filter(t -> !t.startDate().isAfter(period.end()) && !t.dueDate().isBefore(period.start()))
                .toList();
    }

    /** An input as stored. */
    record Row(long id, String period, long unitId, ReportInputStatus status, String difficulties,
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

    List<Row> rows(Cycle cycle, String period) {
        return jdbc.sql(ROWS + " where r.cycle_id = ? and (cast(? as varchar) is null or r.period = ?)")
                .params(cycle.getId(), period, period).query((rs, n) -> row(rs)).list();
    }

    Row locked(Cycle cycle, ReportPeriod period, UnitRef unit) {
        return jdbc.sql(ROWS + " where r.cycle_id = ? and r.period = ? and r.unit_id = ? for update of r")
                .params(cycle.getId(), period.code(), unit.id()).query((rs, n) -> row(rs)).optional().orElse(null);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), ReportInputStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13), rs.getLong(14));
    }

    static UnitStatus status(UnitRef unit, Row row, LocalDate deadline, LocalDate today) {
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

    /** A unit and the spans (start, due) of the tasks it reports on (leads, or as a commune of "all communes"). */
    record Led(UnitRef unit, List<LocalDate[]> spans) {

        /** Whether one of its tasks runs during the period: then it owes an input for it. */
        boolean runsIn(ReportPeriod period) {
            return spans.stream().anyMatch(s -> !s[0].isAfter(period.end()) && !s[1].isBefore(period.start()));
        }
    }

    /**
     * The active units that report on a task of the cycle (lead it, or are communes and it names all communes:
     * {@code task_unit_effective}), in the units' order, each with its tasks' spans: a unit owes
     * an input for a period when one of its tasks runs then (it has something to report on). One statement.
     */
    List<Led> expectedUnits(Cycle cycle) {
        Map<Long, Led> led = new LinkedHashMap<>();
        jdbc.sql("""
                select u.id, u.code, u.name, t.start_date, t.due_date from unit u
                join task_unit_effective tu on tu.unit_id = u.id and tu.reports
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

    UnitRef unit(String unitCode) {
        String code = Unit.code(unitCode).orElseThrow(() -> InvalidInputException.of("unit", "unit.codeInvalid"));
        Optional<UnitRef> unit = jdbc.sql("select id, code, name from unit where code = ?").param(code)
                .query((rs, n) -> new UnitRef(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        return unit.orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
    }

    boolean closed(Cycle cycle) {
        return CycleStatus.CLOSED.name().equals(jdbc.sql("select status from cycle where id = ?")
                .param(cycle.getId()).query(String.class).single());
    }

    /** Takes the data revision first, as every writer does (writers queue in one order). */
    void touch() {
        jdbc.sql("update report_input set version = version where false").update();
    }

    static void text(FieldErrors errors, String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            errors.add(field, "task.note.invalid");
        }
        errors.commentLength(field, text);
    }

    static void requireHomeAffairs(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("only Home Affairs");
        }
    }
}
