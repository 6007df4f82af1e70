package vn.parindex.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections as the owner of the schema: the role Flyway migrates with, which restoring a backup needs too. The
 * application's own work runs on the ordinary {@code DataSource}, as a role that cannot change the schema.
 */
public interface OwnerConnections {

    /** A new connection as the schema owner; the caller closes it. */
    Connection open() throws SQLException;
}
