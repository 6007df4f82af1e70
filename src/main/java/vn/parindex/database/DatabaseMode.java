package vn.parindex.database;

/** Whether the application runs on its own embedded PostgreSQL or on an external server. */
public enum DatabaseMode {
    /** The zero-setup embedded PostgreSQL: demo accounts may be seeded. */
    EMBEDDED,
    /** An external PostgreSQL server: no account with a known password is ever created. */
    EXTERNAL
}
