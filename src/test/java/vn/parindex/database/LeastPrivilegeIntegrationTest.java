package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.support.IntegrationTest;

/**
 * The application's own database role can read and write data, but cannot change the schema or the triggers, and
 * can only add to and read the history and the evidence store. Migrations and restores run as the owner.
 */
@IntegrationTest
class LeastPrivilegeIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OwnerConnections ownerConnections;

    @Test
    void theApplicationRunsAsItsOwnRoleAndTheOwnerIsSeparate() throws Exception {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("parindex_app");
        assertThat(jdbc.queryForObject("select rolsuper or rolcreatedb or rolcreaterole or rolbypassrls "
                + "from pg_roles where rolname = current_user", Boolean.class)).isFalse();
        try (Connection owner = ownerConnections.open(); var statement = owner.createStatement();
                var rows = statement.executeQuery("select current_user")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("postgres");
        }
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'change_history'",
                String.class)).isEqualTo("postgres");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alter table change_history disable trigger change_history_append_only",
        "alter table change_history disable trigger all",
        "alter table evidence disable trigger evidence_append_only",
        "drop trigger change_history_append_only on change_history",
        "drop trigger evidence_no_truncate on evidence",
        "drop function forbid_change() cascade",
        "alter table criterion add column sneaky int",
        "alter table change_history drop column comment",
        "create table sneaky (id int)",
        "create function sneaky() returns int language sql as 'select 1'",
        "delete from change_history",
        "update change_history set comment = 'rewritten'",
        "truncate change_history",
        "delete from evidence",
        "update evidence set file_name = 'x'",
        "truncate evidence",
        "truncate criterion",
        "delete from flyway_schema_history",
        "set session_replication_role = replica",
        "alter role parindex_app superuser",
        "create role sneaky login",
        "grant postgres to parindex_app",
    })
    void theApplicationRoleIsRefused(String statement) {
        assertThatThrownBy(() -> jdbc.execute(statement)).rootCause()
                .hasMessageMatching("(?s).*(permission denied|must be owner|must be superuser|"
                        + "only roles with|Only roles with|cannot be executed|not have permission).*");
    }

    @Test
    void theApplicationRoleAddsToAndReadsTheHistoryAndTheEvidence() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into change_history (at, username, entity_type, entity_id, field, new_value) "
                    + "values (now(), 'privilege-test', 'TEST', 1, 'x', 'y')");
            jdbc.update("insert into evidence (criterion_id, file_name, content_type, size_bytes, sha256, content, "
                    + "uploaded_by, uploaded_at) select c.id, 'p.pdf', 'application/pdf', 1, repeat('0', 64), "
                    + "'\\x25', u.id, now() from criterion c, app_user u where c.code = '1.1' "
                    + "and u.username = 'noivu' limit 1");
            List<String> history = jdbc.queryForList(
                    "select new_value from change_history where username = 'privilege-test'", String.class);
            assertThat(history).containsExactly("y");
            assertThat(jdbc.queryForObject("select count(*) from evidence where file_name = 'p.pdf'", Long.class))
                    .isEqualTo(1);
            status.setRollbackOnly(); // the shared database stays as it was
        });
        assertThat(jdbc.queryForObject("select count(*) from change_history where username = 'privilege-test'",
                Long.class)).isZero();
    }
}
