package vn.parindex.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's data revision (table {@code data_revision}): database triggers change it, in the writing
 * transaction, with every write to units, cycles, criteria, assignments, assessments and peer scores. What was
 * rendered from one revision may be reused until it changes.
 */
@Component
public class DataRevision {

    private final JdbcTemplate jdbc;

    DataRevision(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        Long revision = jdbc.queryForObject("select revision from data_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }
}
