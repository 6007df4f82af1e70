package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.support.IntegrationTest;

/**
 * An instance started on a database that a newer version migrated refuses to serve, and says why: the schema
 * history gets a migration this version does not have, as a newer jar would leave it.
 */
@IntegrationTest
class NewerSchemaAnalyzerTest {

    @Autowired
    Flyway flyway;

    @Test
    void aMigrationThisVersionDoesNotKnowStopsTheStartWithTheReason() {
        JdbcTemplate owner = new JdbcTemplate(flyway.getConfiguration().getDataSource());
        owner.update("""
                insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, execution_time, success)
                select max(installed_rank) + 1, '999', 'from a newer version', 'SQL', 'V999__from_a_newer_version.sql',
                    0, current_user, 0, true from flyway_schema_history""");
        try {
            // Flyway's default would start anyway (future migrations ignored)...
            assertThat(Flyway.configure().configuration(flyway.getConfiguration()).ignoreMigrationPatterns("*:future")
                    .load().validateWithResult().validationSuccessful).isTrue();
            // ...this application's does not
            FlywayValidateException refused = catchThrowableOfType(FlywayValidateException.class, flyway::validate);
            assertThat(refused).isNotNull();
            FailureAnalysis analysis = new NewerSchemaAnalyzer().analyze(new IllegalStateException("start", refused));
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("999").contains("newer version");
            assertThat(analysis.getAction()).contains("newer version");
        } finally {
            owner.update("delete from flyway_schema_history where version = '999'");
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void anotherMismatchIsExplainedAsSuch() {
        FailureAnalysis analysis = new NewerSchemaAnalyzer().analyze(new FlywayValidateException(
                new org.flywaydb.core.api.ErrorDetails(org.flywaydb.core.api.CoreErrorCode.VALIDATE_ERROR,
                        "Migration checksum mismatch for migration version 5"), "details"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("checksum mismatch").doesNotContain("newer version");
    }
}
