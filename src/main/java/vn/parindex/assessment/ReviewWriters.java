package vn.parindex.assessment;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;

/**
 * Who could review a submission addressed by its id ({@code {id}}: approve it, return it) were its year open, Home
 * Affairs ({@link AssessmentService#approve}, {@link AssessmentService#giveBack}), and that year, read with one
 * statement (the cycle of the assessment's criterion), for {@code criteria.RefusedWhenClosed}.
 */
@Component
final class ReviewWriters implements YearWriters {

    private final JdbcClient jdbc;
    private final ReviewPermissions permissions;

    ReviewWriters(JdbcClient jdbc, ReviewPermissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
    }

    @Override
    public Optional<Integer> yearOf(Map<String, String> path) {
        return YearWriters.id(path, "id").flatMap(id -> jdbc.sql("""
                select c.year from assessment a join criterion k on k.id = a.criterion_id
                join cycle c on c.id = k.cycle_id where a.id = ?""").param(id).query(Integer.class).optional());
    }

    @Override
    public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
        return permissions.canReview(user);
    }
}
