package vn.parindex.system;

import java.sql.SQLException;

/**
 * Recognises a broken unique rule of the database (SQLSTATE {@code 23505}): two parallel requests created the same
 * thing, the one that lost gets a 409, not a 500.
 */
public final class UniqueViolations {

    public static final String SQLSTATE = "23505";

    private UniqueViolations() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && SQLSTATE.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
