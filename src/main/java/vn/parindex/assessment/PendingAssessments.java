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
        return awaitingReview("k.cycle_id = ? order by k.id", cycleId);
    }

    @Override
    public List<Item> pendingOn(long criterionId) {
        return awaitingReview("a.criterion_id = ? order by a.id", criterionId);
    }

    /** The submissions awaiting review that {@code where} selects, each with its criterion and unit. */
    private List<Item> awaitingReview(String where, long id) {
        return jdbc.sql("""
                select k.code, k.name, coalesce(u.name, '') as unit from assessment a
                join criterion k on k.id = a.criterion_id left join unit u on u.id = a.unit_id
                where a.status = 'SUBMITTED' and """ + " " + where)
                .param(id)
                .query((rs, n) -> new Item("cycle.pending.assessment", rs.getString("code") + " "
                        + rs.getString("name"), rs.getString("unit")))
                .list();
    }
}
