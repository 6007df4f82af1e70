package vn.parindex.assessment;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.PendingWork;

/** Self-assessments still awaiting review keep a cycle open. */
@Component
class PendingAssessments implements PendingWork {

    private final JdbcClient jdbc;

    PendingAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> pendingIn(long cycleId) {
        return jdbc.sql("""
                select k.code, k.name, coalesce(u.name, '') as unit from assessment a
                join criterion k on k.id = a.criterion_id left join unit u on u.id = a.unit_id
                where k.cycle_id = ? and a.status = 'SUBMITTED' order by k.id""")
                .param(cycleId)
                .query((rs, n) -> new Item("cycle.pending.assessment", rs.getString("code") + " "
                        + rs.getString("name"), rs.getString("unit")))
                .list();
    }

    @Override
    public List<Item> pendingOn(long criterionId) {
        return jdbc.sql("""
                select k.code, k.name, coalesce(u.name, '') as unit from assessment a
                join criterion k on k.id = a.criterion_id left join unit u on u.id = a.unit_id
                where a.criterion_id = ? and a.status = 'SUBMITTED' order by a.id""")
                .param(criterionId)
                .query((rs, n) -> new Item("cycle.pending.assessment", rs.getString("code") + " "
                        + rs.getString("name"), rs.getString("unit")))
                .list();
    }
}
