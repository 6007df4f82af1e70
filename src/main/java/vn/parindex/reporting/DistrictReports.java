package vn.parindex.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.reporting.ReportViews.AssessmentCounts;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.TaskCounts;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskView;

/**
 * The body's report for a period (what goes to the province: the tasks' counts, the scores, the self-assessment's
 * progress and the inputs sent; no internal lateness), and who issues a unit's documents ({@link Issuer}).
 */
@Service
public class DistrictReports {

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ScoreboardService scoreboards;
    private final ReportService inputs;
    private final ReportCalendars calendars;
    private final BodyWordings bodies;

    DistrictReports(JdbcClient jdbc, TaskService tasks, ScoreboardService scoreboards, ReportService inputs,
            ReportCalendars calendars, BodyWordings bodies) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.scoreboards = scoreboards;
        this.inputs = inputs;
        this.calendars = calendars;
        this.bodies = bodies;
    }

    /** Everything the district's report for the period holds, as of now. */
    @Transactional(readOnly = true)
    public DistrictReport compile(Cycle cycle, ReportPeriod period) {
        LocalDate today = calendars.today();
        LocalDate deadline = calendars.calendar(cycle).deadline(period);
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
        List<UnitStatus> units = inputs.overview(cycle, period).units();
        List<UnitInput> sent = new ArrayList<>();
        for (UnitStatus unit : units) {
            if (unit.status() == ReportInputStatus.SUBMITTED || unit.status() == ReportInputStatus.ACCEPTED) {
                sent.add(inputs.input(cycle, period, unit.unit(), deadline, today));
            }
        }
        return new DistrictReport(period, deadline, bodies.current(), scoreboards.forCycle(cycle),
                assessments(cycle), new TaskCounts(all.size(), done, inProgress, notStarted, overdue),
                List.copyOf(sent), units, today);
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

    /** How the body this request works on is named: the place its units' documents are dated from. */
    vn.parindex.organisation.BodyWording body() {
        return bodies.current();
    }

    /**
     * Who issues a unit's documents: its name under the body ("UBND HUYỆN TÂN YÊN", "UBND XÃ CAO XÁ", "SỞ TƯ
     * PHÁP"), its abbreviation (stored, else derived from the name), its head's title, and its head's name when the
     * unit has one head whose account names a person (not a post such as "Trưởng phòng Tư pháp"). Three statements
     * (the body's row the third).
     */
    @Transactional(readOnly = true)
    Issuer issuer(Cycle cycle, UnitRef unit) {
        String[] stored = jdbc.sql("select kind, document_abbreviation from unit where id = ?").param(unit.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        List<String> heads = jdbc.sql("""
                select display_name from app_user where unit_id = ? and role = 'UNIT_HEAD' and enabled order by id""")
                .param(unit.id()).query(String.class).list();
        return Issuer.unit(bodies.current(), unit.name(), "COMMUNE".equals(stored[0]), stored[1],
                heads.size() == 1 ? Issuer.personName(heads.get(0)) : null);
    }
}
