package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.support.WorkflowTest;
import vn.parindex.support.StatementCounter;

/**
 * The cycles kept per data revision (every page and API call that names a year resolves it here): kept while
 * nothing changes, and a cycle added, reopened or removed with plain SQL is seen at the next call. What is kept is
 * an immutable record: every caller gets entities of its own, never one shared with another request.
 */
@WorkflowTest
class KeptCyclesTest {

    @Autowired
    KeptCycles cycles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    @Test
    void keptUntilTheCyclesChangeWhoeverChangesThem() {
        assertThat(cycles.byYear(2199)).isEmpty();
        int current = cycles.current().orElseThrow().getYear();
        statements.reset();
        assertThat(cycles.byYear(2199)).isEmpty();
        assertThat(cycles.current().orElseThrow().getYear()).isEqualTo(current);
        assertThat(statements.count()).as("kept: nothing but the revision, once a call: %s", statements.sql()).isLessThanOrEqualTo(2);
        assertThat(statements.sql()).as("the cycles are not read again").noneMatch(sql -> sql.contains("from cycle"));
        Cycle one = cycles.byYear(current).orElseThrow();
        Cycle other = cycles.byYear(current).orElseThrow();
        assertThat(one).as("each caller its own entity").isNotSameAs(other);
        assertThat(one.getId()).isEqualTo(other.getId());
        assertThat(one.getTitle()).isEqualTo(other.getTitle());
        assertThat(one.getVersion()).isEqualTo(other.getVersion());

        jdbc.update("insert into cycle (year, baseline_year, status, title) values (2199, 2198, 'CLOSED', 'Thử')");
        try {
            assertThat(cycles.byYear(2199)).hasValueSatisfying(c -> assertThat(c.getTitle()).isEqualTo("Thử"));
            assertThat(cycles.all()).extracting(Cycle::getYear).contains(2199);
            // closed: the current cycle is still the latest one that is not
            assertThat(cycles.current().orElseThrow().getYear()).isEqualTo(current);
            jdbc.update("update cycle set status = 'ACTIVE' where year = 2199");
            assertThat(cycles.current().orElseThrow().getYear()).isEqualTo(2199);
        } finally {
            jdbc.update("delete from cycle where year = 2199");
        }
        assertThat(cycles.byYear(2199)).isEmpty();
        assertThat(cycles.all()).extracting(Cycle::getYear).doesNotContain(2199);
        assertThat(cycles.current().orElseThrow().getYear()).isEqualTo(current);
    }
}
