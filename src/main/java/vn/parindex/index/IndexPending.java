package vn.parindex.index;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.PendingWork;

/**
 * A body's cycle does not close while the province's index of its level is open for its year: the province still
 * appraises it (closing would leave the level's publication waiting on a cycle that takes nothing more).
 */
@Component
class IndexPending implements PendingWork {

    private final JdbcClient jdbc;

    IndexPending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> pendingIn(long cycleId) {
        return jdbc.sql("select c.year from cycle c join body b on b.id = c.body_id join index_year i"
                + " on i.level = b.level and i.year = c.year where c.id = ? and i.status = 'OPEN'").param(cycleId)
                .query(Integer.class).list().stream()
                .map(year -> new Item("pending.indexOpen", String.valueOf(year), "")).toList();
    }
}
