package vn.parindex.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.system.BusinessClock;

/**
 * A demo that looks like a normal week: on a fresh demo database with a demo date ({@code parindex.demo.today}),
 * the cycle of that year is given the progress a district would have made by then, so a newcomer sees what a
 * working day looks like rather than a year where nothing happened. The plan's launch tasks ("Triển khai …") are
 * done, the "Khắc phục tồn tại …" tasks (which follow the province's appraisal) not started, the others in
 * progress with one update each; every period due before the demo date has the lead units' inputs sent and
 * accepted, one sent late, and in the latest of them one unit's input awaits Home Affairs' review and one unit
 * has not sent its own (what Home Affairs chases this week).
 *
 * <p>Only when nothing was ever recorded (no input, no progress update, no input in the change history): a
 * database someone worked on is never touched, and once seeded it is never seeded again (progress updates cannot
 * be deleted). Written as the units' heads (the demo accounts) and Home Affairs, dated before the demo date, with
 * no change history (the history says what people did; this is sample data). Instances starting together seed once.
 */
@Component
@Order(3)
class DemoProgress implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);

    /** Held while the progress is checked and written, released at commit. */
    static final long SEED_LOCK = 0x7061_7264_656d_6f70L;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ReportCalendars reports;
    private final KeptCycles cycles;

    private final vn.parindex.organisation.Bodies bodies;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    DemoProgress(JdbcClient jdbc, BusinessClock clock, ReportCalendars reports, KeptCycles cycles,
            vn.parindex.organisation.Bodies bodies,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.bodies = bodies;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reports = reports;
    }

    /** A task of the cycle, its lead units in order. */
    private record Task(long id, int position, String title, List<Long> leads) {
    }

    /** In the deployment's first body, where the plan was seeded. */
    @Override
    public void run(ApplicationArguments args) {
        bodies.seedFirst(transactions, this::seed);
    }

    private void seed() {
        LocalDate day = clock.demoDate().orElse(null);
        if (day == null) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query((rs, n) -> 0).list();
        Cycle cycle = cycles.byYear(day.getYear()).filter(c -> c.getStatus() != CycleStatus.CLOSED).orElse(null);
        if (cycle == null || jdbc.sql("""
                select exists (select 1 from report_input) or exists (select 1 from task_update)
                    or exists (select 1 from change_history where entity_type = ?)""")
                .param(ReportInputs.ENTITY).query(Boolean.class).single()) {
            return;
        }
        Long homeAffairs = jdbc.sql("""
                select u.id from app_user u left join unit n on n.id = u.unit_id
                where u.enabled and u.role = 'ADMIN' order by (n.code = 'NOIVU') desc nulls last, u.id limit 1""")
                .query(Long.class).optional().orElse(null);
        if (homeAffairs == null) {
            return;
        }
        Map<Long, Long> heads = new HashMap<>();
        jdbc.sql("select distinct on (unit_id) unit_id, id from app_user where enabled and unit_id is not null "
                + "order by unit_id, (role = 'UNIT_HEAD') desc, id")
                .query((rs, n) -> heads.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, List<Long>> leads = new LinkedHashMap<>();
        jdbc.sql("""
                select tu.task_id, tu.unit_id from task_unit tu join task t on t.id = tu.task_id
                where t.cycle_id = ? and tu.role = 'LEAD' order by tu.task_id, tu.position""").param(cycle.getId())
                .query((rs, n) -> leads.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list();
        List<Task> tasks = jdbc.sql("select id, position, title from task where cycle_id = ? order by position, id")
                .param(cycle.getId()).query((rs, n) -> new Task(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        leads.getOrDefault(rs.getLong(1), List.of()))).list();
        if (tasks.isEmpty()) {
            return;
        }
        Map<Long, LocalDate> doneOn = new HashMap<>();
        int inProgress = progress(tasks, day, heads, homeAffairs, doneOn);
        int inputs = inputs(cycle, tasks, doneOn, day, heads, homeAffairs);
        log.info("Demo: the {} cycle shows the progress made by {} ({} tasks done or under way, {} report inputs)",
                day.getYear(), day, doneOn.size() + inProgress, inputs);
    }

    /** The tasks' statuses and one update each, the day each done task was done; how many are in progress. */
    private int progress(List<Task> tasks, LocalDate day, Map<Long, Long> heads, long homeAffairs,
            Map<Long, LocalDate> doneOn) {
        LocalDate yearStart = day.withDayOfYear(1);
        int launched = 0;
        int inProgress = 0;
        for (Task t : tasks) {
            long author = t.leads().isEmpty() ? homeAffairs : heads.getOrDefault(t.leads().get(0), homeAffairs);
            if (t.title().startsWith("Khắc phục")) {
                continue; // follows the province's appraisal: not started yet
            }
            if (t.title().startsWith("Triển khai")) {
                LocalDate done = workingDay(yearStart.plusDays(24 + 30L * launched++));
                if (done.isBefore(day)) {
                    update(t, author, done, LocalTime.of(15, 30), "Đã ban hành kế hoạch triển khai và phân công "
                            + "thực hiện.", 100, "DONE");
                    doneOn.put(t.id(), done);
                    continue;
                }
            }
            LocalDate at = workingDay(day.minusDays(3 + t.position() % 17));
            if (at.isBefore(yearStart.plusDays(1))) {
                continue;
            }
            int percent = Math.min(90, 20 + (t.position() * 7) % 50 / 5 * 5 + (int) (day.getDayOfYear() / 8));
            update(t, author, at, LocalTime.of(9 + t.position() % 7, 10 + t.position() % 40),
                    "Đang triển khai theo kế hoạch.", percent, "IN_PROGRESS");
            inProgress++;
        }
        return inProgress;
    }

    private void update(Task t, long author, LocalDate on, LocalTime time, String note, int percent, String status) {
        jdbc.sql("insert into task_update (task_id, at, author_id, note, percent, status) values (?, ?, ?, ?, ?, ?)")
                .params(t.id(), at(on, time), author, note, percent, status).update();
        jdbc.sql("update task set status = ?, version = version + 1 where id = ?").params(status, t.id()).update();
    }

    /** The inputs of every period due before the demo date; how many were written. */
    private int inputs(Cycle cycle, List<Task> tasks, Map<Long, LocalDate> doneOn, LocalDate day,
            Map<Long, Long> heads, long homeAffairs) {
        ReportCalendar calendar = reports.calendar(cycle);
        List<Long> units = jdbc.sql("""
                select distinct u.id, u.kind, u.code from task_unit tu join task t on t.id = tu.task_id
                join unit u on u.id = tu.unit_id where t.cycle_id = ? and tu.role = 'LEAD' and u.active
                order by u.kind desc, u.code""").param(cycle.getId()).query((rs, n) -> rs.getLong(1)).list();
        List<ReportPeriod> due = ReportPeriod.of(day.getYear()).stream()
                .filter(p -> calendar.deadline(p).isBefore(day)).toList();
        LocalDate latest = due.stream().map(calendar::deadline).max(LocalDate::compareTo).orElse(null);
        int written = 0;
        for (ReportPeriod period : due) {
            LocalDate deadline = calendar.deadline(period);
            for (int i = 0; i < units.size(); i++) {
                long unit = units.get(i);
                boolean latestPeriod = deadline.equals(latest);
                if (latestPeriod && units.size() > 2 && i == units.size() - 1) {
                    continue; // not sent: Home Affairs chases it this week
                }
                Map<Long, String> results = new LinkedHashMap<>();
                Map<Long, String> statuses = new LinkedHashMap<>(); // the status each result reports
                for (Task t : tasks) {
                    LocalDate done = doneOn.get(t.id());
                    if (!t.leads().contains(unit) || t.title().startsWith("Khắc phục")
                            || (done != null && done.isBefore(period.start()))) {
                        continue;
                    }
                    boolean finished = done != null && !done.isAfter(period.end());
                    results.put(t.id(), finished ? "Đã hoàn thành."
                            : "Trong " + period.vietnameseName() + ", tiếp tục triển khai theo kế hoạch.");
                    statuses.put(t.id(), finished ? "DONE" : "IN_PROGRESS");
                }
                if (results.isEmpty()) {
                    continue;
                }
                boolean late = written == 2; // one input, early in the year, sent two days late
                LocalDate sentOn = late ? workingDay(deadline.plusDays(2)) : workingDay(deadline.minusDays(1 + i % 3));
                if (!sentOn.isBefore(day)) {
                    continue;
                }
                OffsetDateTime sent = at(sentOn, LocalTime.of(8 + i % 3, 15 + 7 * i % 40));
                long author = heads.getOrDefault(unit, homeAffairs);
                boolean awaiting = latestPeriod && units.size() > 2 && i == units.size() - 2;
                LocalDate reviewOn = workingDay(sentOn.plusDays(1));
                boolean accepted = !awaiting && reviewOn.isBefore(day);
                OffsetDateTime reviewed = accepted ? at(reviewOn, LocalTime.of(14, 5 + i)) : null;
                long id = jdbc.sql("""
                        insert into report_input (cycle_id, period, unit_id, status, difficulties, proposals,
                            updated_at, updated_by, first_submitted_at, submitted_at, submitted_by, reviewed_at,
                            reviewed_by)
                        values (?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?) returning id""")
                        .params(cycle.getId(), period.code(), unit, accepted ? "ACCEPTED" : "SUBMITTED", sent, author, sent,
                                sent, author, reviewed, accepted ? homeAffairs : null)
                        .query(Long.class).single();
                results.forEach((task, result) -> jdbc.sql(
                        "insert into report_input_task (input_id, task_id, result, status) values (?, ?, ?, ?)")
                        .params(id, task, result, statuses.get(task)).update());
                written++;
            }
        }
        return written;
    }

    /** The day itself, or the Friday before when it falls on a weekend. */
    static LocalDate workingDay(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(BusinessClock.VIETNAM).toOffsetDateTime();
    }
}
