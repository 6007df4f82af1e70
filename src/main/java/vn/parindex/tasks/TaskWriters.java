package vn.parindex.tasks;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;

/**
 * Who could write a task addressed by its id ({@code {id}}) were its year open, and that year, read with one
 * statement (the task's cycle): {@link TaskEditor}'s and {@link TaskUpdates}' rules, for
 * {@code criteria.RefusedWhenClosed}.
 */
final class TaskWriters {

    private TaskWriters() {
    }

    /** Who may change a task: Home Affairs ({@link TaskEditor#change}). */
    @Component
    static final class Editors implements YearWriters {

        private final JdbcClient jdbc;

        Editors(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Optional<Integer> yearOf(Map<String, String> path) {
            return year(jdbc, path);
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            return user != null && user.isAdmin();
        }
    }

    /** Who may record progress on a task: Home Affairs, the head of a unit leading it ({@link TaskUpdates}). */
    @Component
    static final class Updaters implements YearWriters {

        private final JdbcClient jdbc;
        private final TaskUpdates updates;

        Updaters(JdbcClient jdbc, TaskUpdates updates) {
            this.jdbc = jdbc;
            this.updates = updates;
        }

        @Override
        public Optional<Integer> yearOf(Map<String, String> path) {
            return year(jdbc, path);
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            return YearWriters.id(path, "id").map(id -> updates.mayUpdate(user, id)).orElse(false);
        }
    }

    /** The year of the task {@code {id}}; empty for an id that is no task's. */
    private static Optional<Integer> year(JdbcClient jdbc, Map<String, String> path) {
        return YearWriters.id(path, "id").flatMap(id -> jdbc.sql(
                "select c.year from task t join cycle c on c.id = t.cycle_id where t.id = ?")
                .param(id).query(Integer.class).optional());
    }
}
