package vn.parindex.reporting;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.PendingWork;

/** Units' report inputs sent and not yet accepted or returned keep a cycle open. */
@Component
class PendingReportInputs implements PendingWork {

    private final JdbcClient jdbc;

    PendingReportInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> pendingIn(long cycleId) {
        return jdbc.sql("""
                select r.period, u.name from report_input r join unit u on u.id = r.unit_id
                where r.cycle_id = ? and r.status = 'SUBMITTED' order by r.period, u.name""")
                .param(cycleId)
                .query((rs, n) -> new Item("cycle.pending.report", rs.getString("period"), rs.getString("name")))
                .list();
    }
}
