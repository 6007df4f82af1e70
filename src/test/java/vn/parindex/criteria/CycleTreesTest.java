package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * A cycle's criteria tree kept per data revision: read once while nothing changes, read again after any write
 * (even plain SQL), and never changeable by whoever gets it.
 */
@WorkflowTest
class CycleTreesTest {

    @Autowired
    CriteriaCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    @Test
    void keptUntilAWriteAndNeverChangedByItsReaders() {
        CriterionView before = catalog.criterion(2023, "2.2").orElseThrow();
        statements.reset();
        CycleView kept = catalog.cycle(2023).orElseThrow();
        assertThat(kept.criteria()).extracting(CriterionView::code).contains("2.2");
        assertThat(statements.sql()).as("the tree is not read again").noneMatch(sql -> sql.contains("from criterion"));
        assertThatThrownBy(() -> kept.criteria().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kept.criteria().get(0).leadUnits().clear())
                .isInstanceOf(UnsupportedOperationException.class);

        jdbc.update("update criterion set name = name || ' (thử)' where id = ?", before.id());
        try {
            assertThat(catalog.criterion(2023, "2.2").orElseThrow().name()).isEqualTo(before.name() + " (thử)");
        } finally {
            jdbc.update("update criterion set name = ? where id = ?", before.name(), before.id());
        }
        assertThat(catalog.criterion(2023, "2.2").orElseThrow().name()).isEqualTo(before.name());
        assertThat(catalog.criterion(2023, "no-such-code")).isEmpty();
    }
}
