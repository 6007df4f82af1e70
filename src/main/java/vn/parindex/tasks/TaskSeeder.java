package vn.parindex.tasks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Loads the plan's own tasks ({@link PlanTasks}) into Tân Yên's 2023 cycle, once: when that cycle exists and no task
 * was ever recorded (none in the table, none in the change history: a district that removed tasks does not get them
 * back). Each task runs over the whole year (the plan gives no dates: the due date is the end of the cycle), led by
 * the plan's lead units, with every other active office and commune coordinating (the plan's "Đơn vị phối hợp").
 * Everything is checked first: a cycle without one of the plan's domains, criteria or lead units (another
 * district's plan, renamed units) gets no task at all, and the log says what is missing. Instances starting
 * together load the tasks once (a transaction-level advisory lock).
 */
@Component
@Order(2)
class TaskSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskSeeder.class);

    static final int PLAN_YEAR = 2023;

    /** The cycle the tasks belong to carries the district's name in its title (the plan's). */
    static final String PLAN_DISTRICT = "Tân Yên";

    /** Held while the tasks are checked and loaded, released at commit. */
    static final long SEED_LOCK = 0x7061_7273_7461_736BL;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final vn.parindex.organisation.Bodies bodies;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    TaskSeeder(JdbcClient jdbc, AuditTrail audit, vn.parindex.organisation.Bodies bodies,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.bodies = bodies;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Into the deployment's first body, where the plan's cycle was seeded ({@code imports.TanYenPlanSeeder}). */
    @Override
    public void run(ApplicationArguments args) {
        bodies.seedFirst(transactions, this::seed);
    }

    private void seed() throws IOException {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SEED_LOCK).query((rs, n) -> 0).list();
        Long cycle = jdbc.sql("select id from cycle where year = ? and position(? in coalesce(title, '')) > 0")
                .params(PLAN_YEAR, PLAN_DISTRICT).query(Long.class).optional().orElse(null);
        if (cycle == null || jdbc.sql("select exists (select 1 from task) or exists (select 1 from change_history "
                + "where entity_type = ?)").param(TaskService.ENTITY).query(Boolean.class).single()) {
            return;
        }
        List<PlanTasks.PlanTask> tasks;
        try (Reader reader = new InputStreamReader(new ClassPathResource(PlanTasks.RESOURCE).getInputStream(),
                StandardCharsets.UTF_8)) {
            tasks = PlanTasks.read(reader);
        }
        Map<String, Long> domains = ids("select code, id from criterion where cycle_id = ? and level = 1", cycle);
        Map<String, Long> criteria = ids("select code, id from criterion where cycle_id = ?", cycle);
        Map<String, Long> units = ids("select code, id from unit where active");
        Set<String> missing = new TreeSet<>();
        for (PlanTasks.PlanTask task : tasks) {
            if (!domains.containsKey(task.domain())) {
                missing.add("domain " + task.domain());
            }
            task.criteria().stream().filter(c -> !criteria.containsKey(c)).forEach(c -> missing.add("criterion " + c));
            task.leads().stream().filter(u -> !units.containsKey(u)).forEach(u -> missing.add("unit " + u));
        }
        if (!missing.isEmpty()) {
            log.error("The plan's tasks were not loaded into the {} cycle: it lacks {}", PLAN_YEAR, missing);
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            load(cycle, i + 1, tasks.get(i), domains, criteria, units);
        }
        log.info("Loaded the plan's {} tasks into the {} cycle", tasks.size(), PLAN_YEAR);
    }

    /** Code → id of what the statement lists (its first column the code, its second the id). */
    private Map<String, Long> ids(String sql, Object... parameters) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).params(parameters).query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    private void load(long cycle, int position, PlanTasks.PlanTask task, Map<String, Long> domains,
            Map<String, Long> criteria, Map<String, Long> units) {
        long id = jdbc.sql("""
                insert into task (cycle_id, domain_id, position, title, description, start_date, due_date, status)
                values (?, ?, ?, ?, ?, ?, ?, 'NOT_STARTED') returning id""")
                .params(cycle, domains.get(task.domain()), position, task.title(), task.description(),
                        LocalDate.of(PLAN_YEAR, 1, 1), LocalDate.of(PLAN_YEAR, 12, 31))
                .query(Long.class).single();
        List<Long> leads = task.leads().stream().map(units::get).toList();
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
            jdbc.sql("insert into task_criterion (task_id, cycle_id, criterion_id) values (?, ?, ?)")
                    .params(id, cycle, criteria.get(code)).update();
        }
        audit.recordEvent(Actor.SYSTEM, TaskService.ENTITY, id, null, "created", "Nhiệm vụ của kế hoạch (mục II)");
    }
}
