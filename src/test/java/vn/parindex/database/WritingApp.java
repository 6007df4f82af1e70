package vn.parindex.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseRestartIT}: starts the embedded PostgreSQL on the data directory given as the
 * first argument as the application starts it (durable, its own roles), then writes rows for ever, printing
 * {@code ACK n} once row n is committed. The test kills this process with SIGKILL, as an operator's {@code kill -9}
 * would, which leaves the postmaster running. Only the database is started, not the whole application: the
 * postmaster is what a kill leaves behind, and a second Spring start in a cold JVM is most of the test's time.
 */
public final class WritingApp {

    /** A schema of its own, beside the application's: Flyway leaves it alone at the next start. */
    static final String TABLE = "orphan_test.ack";

    private WritingApp() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabaseProperties(args[0], 0, true,
                EmbeddedDatabaseEnvironment.DEFAULT_APP_ROLE, Duration.ofHours(1)));
        try (Connection connection = database.ownerConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema orphan_test");
                statement.execute("create table " + TABLE + " (n integer primary key)");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " values (?)")) {
                for (int n = 1; ; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                    System.out.println("ACK " + n);
                    System.out.flush();
                }
            }
        }
    }
}
