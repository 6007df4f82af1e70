package vn.parindex.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an error caused by a database that cannot be reached (stopped, restarting, no free connection in time)
 * from any other error, and words the answer: 503 with {@code Retry-After}, in the request's language.
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";
    static final String TITLE_KEY = "error.503.title";
    static final String TEXT_KEY = "error.503.text";

    private DatabaseUnavailable() {
    }

    /** Whether the exception, or one of its causes, says the database cannot be reached. */
    static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; admin, crash or immediate shutdown, cannot connect now
            }
            if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                // HikariCP's answer on a connection it evicted as broken, e.g. rolling back after the server died
                // (the rollback's failure then replaces the original error)
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static ProblemDetail problem(MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage(TEXT_KEY, null, TEXT_KEY, locale));
        problem.setTitle(messages.getMessage(TITLE_KEY, null, TITLE_KEY, locale));
        return problem;
    }
}
