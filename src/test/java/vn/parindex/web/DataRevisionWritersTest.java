package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.parindex.support.WorkflowTest;

/**
 * The data revision in the database (migration V16_3): every writing transaction bumps it, the change shows when
 * that transaction commits (not before, so nothing read meanwhile is kept under the new revision), and writers on
 * different connections never wait for each other's revision (the single row every writer used to lock).
 */
@WorkflowTest
class DataRevisionWritersTest {

    /** A write to what the pages show that changes no row: the statement's trigger still bumps the revision. */
    static final String WRITE = "update unit set name = name where false";

    @Autowired
    DataSource dataSource;

    static long revision(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select sum(revision) from data_revision")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int slot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_backend_pid() % 64")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void twoWritersDoNotWaitForEachOtherAndEachCommitChangesTheRevision() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            Connection reader = dataSource.getConnection();
            open.add(reader);
            Connection first = dataSource.getConnection();
            open.add(first);
            Connection second = dataSource.getConnection();
            open.add(second);
            while (slot(second) == slot(first)) { // the same slot would wait, as before: take another connection
                second = dataSource.getConnection();
                open.add(second);
            }
            long before = revision(reader);
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement a = first.createStatement(); Statement b = second.createStatement()) {
                a.execute(WRITE);
                // with one revision row this waited for the first writer's commit: now it must not wait at all
                b.execute("set local lock_timeout = '2s'");
                b.execute(WRITE);
                assertThat(revision(reader)).as("nothing committed yet").isEqualTo(before);
                second.commit();
                long afterSecond = revision(reader);
                assertThat(afterSecond).as("the second writer's commit").isGreaterThan(before);
                first.commit();
                assertThat(revision(reader)).as("the first writer's commit").isGreaterThan(afterSecond);
            }
            first.setAutoCommit(true);
            second.setAutoCommit(true);

            // a write that is rolled back leaves the revision as it was
            long committed = revision(reader);
            first.setAutoCommit(false);
            try (Statement a = first.createStatement()) {
                a.execute(WRITE);
            }
            first.rollback();
            first.setAutoCommit(true);
            assertThat(revision(reader)).isEqualTo(committed);
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
    }
}
