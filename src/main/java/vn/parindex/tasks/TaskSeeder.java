package vn.parindex.tasks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.Actor;
import vn.parindex.audit.AuditTrail;

/**
 * Loads the plan's own tasks ({@link PlanTasks}) into the 2023 cycle, once: when that cycle exists and no task was
 * ever recorded (none in the table, none in the change history; a database that had tasks removed by people does
 * not get them back). Each task runs over the whole year (the plan gives no dates: the due date is the end of the
 * cycle), led by the plan's lead units, with every other active office and commune coordinating (the plan's "Đơn
 * vị phối hợp": the district's offices and the communes).
 */
@Component
@Order(2)
class TaskSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskSeeder.class);

    static final int PLAN_YEAR = 2023;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    TaskSeeder(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Long cycle = jdbc.sql("select id from cycle where year = ?").param(PLAN_YEAR).query(Long.class).optional()
                .orElse(null);
        if (cycle == null || jdbc.sql("select exists (select 1 from task) or exists (select 1 from change_history "
                + "where entity_type = ?)").param(TaskService.ENTITY).query(Boolean.class).single()) {
            return;
        }
        List<PlanTasks.PlanTask> tasks;
        try (Reader reader = new InputStreamReader(new ClassPathResource(PlanTasks.RESOURCE).getInputStream(),
                StandardCharsets.UTF_8)) {
            tasks = PlanTasks.read(reader);
        }
        int loaded = 0;
        for (int i = 0; i < tasks.size(); i++) {
            if (load(cycle, i + 1, tasks.get(i))) {
                loaded++;
            }
        }
        log.info("Loaded the plan's {} tasks into the {} cycle", loaded, PLAN_YEAR);
    }

    /** One task; false (and a warning) when the cycle has no such domain (a plan other than Tân Yên's). */
    private boolean load(long cycle, int position, PlanTasks.PlanTask task) {
        Long domain = jdbc.sql("select id from criterion where cycle_id = ? and code = ? and level = 1")
                .params(cycle, task.domain()).query(Long.class).optional().orElse(null);
        if (domain == null) {
            log.warn("The {} cycle has no domain {}: task \"{}\" not loaded", PLAN_YEAR, task.domain(), task.title());
            return false;
        }
        long id = jdbc.sql("""
                insert into task (cycle_id, domain_id, position, title, description, start_date, due_date, status)
                values (?, ?, ?, ?, ?, ?, ?, 'NOT_STARTED') returning id""")
                .params(cycle, domain, position, task.title(), task.description(), LocalDate.of(PLAN_YEAR, 1, 1),
                        LocalDate.of(PLAN_YEAR, 12, 31))
                .query(Long.class).single();
        List<Long> leads = new ArrayList<>();
        for (String code : task.leads()) {
            jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).optional()
                    .ifPresentOrElse(leads::add, () -> log.warn("No unit {}: not a lead of task \"{}\"", code,
                            task.title()));
        }
        int place = 0;
        for (Long unit : leads) {
            jdbc.sql("insert into task_unit (task_id, unit_id, role, position) values (?, ?, 'LEAD', ?)")
                    .params(id, unit, ++place).update();
        }
        jdbc.sql("""
                insert into task_unit (task_id, unit_id, role, position)
                select ?, u.id, 'COORDINATING', row_number() over (order by u.kind desc, u.id)
                from unit u where u.active and u.kind in ('DISTRICT_OFFICE', 'COMMUNE') and u.id <> all(?)""")
                .params(id, leads.toArray(Long[]::new)).update();
        for (String code : task.criteria()) {
            int added = jdbc.sql("""
                    insert into task_criterion (task_id, cycle_id, criterion_id)
                    select ?, ?, c.id from criterion c where c.cycle_id = ? and c.code = ?""")
                    .params(id, cycle, cycle, code).update();
            if (added == 0) {
                log.warn("The {} cycle has no criterion {}: not linked to task \"{}\"", PLAN_YEAR, code, task.title());
            }
        }
        audit.recordEvent(Actor.SYSTEM, TaskService.ENTITY, id, null, "created", "Nhiệm vụ của kế hoạch (mục II)");
        return true;
    }
}
