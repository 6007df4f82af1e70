package vn.parindex.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * An instance started on a database another version of the application migrated refuses to serve, and says why.
 *
 * <p>Flyway, by default, ignores migrations applied to the database that this version does not know
 * ({@code ignoreMigrationPatterns = *:future}): an older jar would start on a newer schema and write rows the newer
 * version does not expect (a column it left empty, a check it does not know). {@link #strict} turns that off, so
 * validation fails at start; this analyzer turns Flyway's message (whose advice, "run repair", would be wrong here)
 * into what an operator needs: which versions the database has that this jar lacks, and to start the newer version.
 * Registered in {@code META-INF/spring.factories}.
 */
public class NewerSchemaAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

    private static final Pattern UNKNOWN = Pattern.compile("applied migration not resolved locally: ([^\\s]+?)\\.?(\\s|$)");

    /** Nothing applied to the database is ignored: a version this jar does not know stops the start. */
    static FlywayConfigurationCustomizer strict() {
        return configuration -> configuration.ignoreMigrationPatterns(new String[0]);
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return new FailureAnalysis("""
                    The database's schema was migrated by a newer version of PAR Index Tracker: it has migration %s, \
                    which this version does not know. This instance refuses to serve on it, so it cannot write \
                    rows the newer version does not expect.
                    (Lược đồ cơ sở dữ liệu đã được một phiên bản mới hơn nâng cấp: phiên bản này từ chối chạy.)"""
                    .formatted(unknown.group(1)), """
                    Start the newer version (the one the other instances run, or one at least as new) on this \
                    database. Do not run "flyway repair": it would hide the newer migrations from the newer version.""",
                    cause);
        }
        return new FailureAnalysis("""
                The database's schema does not match this version's migrations: %s
                This instance refuses to serve on it.""".formatted(message.strip()), """
                Start the version of PAR Index Tracker that migrated this database, or restore a backup taken by \
                this version. Do not edit the schema history by hand.""", cause);
    }
}
