package vn.parindex.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import vn.parindex.system.BodyScope;

/**
 * Whether the database itself keeps bodies apart: row-level security (V17) binds the application's role only when
 * that role neither owns the tables nor is a superuser or {@code BYPASSRLS}. The embedded database always connects
 * as its own role; an external server does when {@code PARINDEX_DATABASE_APP_ROLE} names the role the datasource
 * signs in as. Otherwise a deployment of one body only gets a warning (nothing to keep apart), and one of several
 * bodies refuses to start: the application would then rely on nothing but itself to keep them apart.
 */
public final class RowSecurityCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RowSecurityCheck.class);

    static final String QUERY = """
            select r.rolname, r.rolsuper or r.rolbypassrls or pg_has_role(current_user, c.relowner, 'USAGE')
            from pg_roles r, pg_class c
            where r.rolname = current_user and c.oid = 'public.cycle'::regclass""";

    private final ObjectProvider<DataSource> dataSources;

    RowSecurityCheck(ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /**
     * Whether the database keeps bodies apart for the application's role (row-level security binds it); true when
     * there is no database to ask (a test slice) or it cannot be reached now (asked again at the next write).
     */
    public boolean bindsTheApplication() {
        DataSource dataSource = dataSources.getIfAvailable();
        if (dataSource == null) {
            return true;
        }
        try (BodyScope.Entered all = BodyScope.enter(BodyScope.Scope.ALL);
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            return !row.getBoolean(2);
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        DataSource dataSource = dataSources.getIfAvailable();
        if (dataSource == null) {
            return; // a web slice of the tests: no database
        }
        try (BodyScope.Entered all = BodyScope.enter(BodyScope.Scope.ALL);
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String role;
            boolean bypasses;
            try (ResultSet row = statement.executeQuery(QUERY)) {
                row.next();
                role = row.getString(1);
                bypasses = row.getBoolean(2);
            }
            if (!bypasses) {
                return;
            }
            long bodies;
            try (ResultSet row = statement.executeQuery("select count(*) from body")) {
                row.next();
                bodies = row.getLong(1);
            }
            String why = "The application connects as " + role + ", which owns the tables or bypasses row-level "
                    + "security: the database does not keep the bodies apart. Connect as the application's own role "
                    + "(PARINDEX_DATABASE_APP_ROLE and SPRING_DATASOURCE_USERNAME, see the README)";
            if (bodies > 1) {
                throw new IllegalStateException(why + "; refusing to start with " + bodies + " bodies.");
            }
            log.warn("{} before a second body is added.", why);
        } catch (SQLException e) {
            // the database is not reachable now: the application starts and answers 503 until it is (as before)
            log.warn("Row-level security not checked: {}", e.getMessage());
        }
    }
}
