package vn.parindex.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.parindex.system.BodyScope;

/**
 * The one place where a request's body reaches the database: every connection the application takes from its pool
 * is set, before anything else runs on it, to the {@link BodyScope} of the thread taking it ({@code parindex.body},
 * {@code parindex.all_bodies}), and PostgreSQL's row-level security (V17) shows and accepts only that body's rows.
 * A connection taken with no scope is set to none: it sees no row of a body and cannot insert one.
 *
 * <p>Set at checkout, in its own statement while the connection is in auto-commit (a pooled connection leaves the
 * pool so; otherwise committed at once): a setting made inside a transaction that rolls back would fall back to the
 * previous checkout's body. The statement is sent only when the physical connection was last set to another scope
 * (remembered per connection here; nothing else in the application changes these settings), so a deployment of
 * one body pays it once per pooled connection, not once per transaction: {@code TodoListKeptTest} counts the
 * statements of a kept read, and a statement per checkout doubled them.
 */
final class BodyConnections extends DelegatingDataSource implements AutoCloseable {

    static final String SET = "select set_config('parindex.body', ?, false), set_config('parindex.all_bodies', ?, false)";

    BodyConnections(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(obtainTargetDataSource().getConnection(username, password));
    }

    /** Closes the pool when the application stops (the bean Spring closes is this one). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** The scope each physical connection was last set to (weakly: a connection the pool dropped leaves). */
    private static final Map<Connection, BodyScope.Scope> SET_TO = Collections.synchronizedMap(new WeakHashMap<>());

    static Connection scoped(Connection connection) throws SQLException {
        BodyScope.Scope scope = BodyScope.current();
        try {
            Connection physical = connection.isWrapperFor(PgConnection.class)
                    ? connection.unwrap(PgConnection.class) : null;
            if (physical != null && scope.equals(SET_TO.get(physical))) {
                return connection;
            }
            boolean autoCommit = connection.getAutoCommit();
            try (PreparedStatement set = connection.prepareStatement(SET)) {
                set.setString(1, scope.body() == null ? "" : scope.body().toString());
                set.setString(2, scope.all() ? "on" : "off");
                set.execute();
            }
            if (!autoCommit) {
                connection.commit();
            }
            if (physical != null) {
                SET_TO.put(physical, scope);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Wraps the application's {@code dataSource} bean (the pool Spring Boot makes). */
    static final class Wrapper implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource pool && "dataSource".equals(beanName) && !(bean instanceof BodyConnections)) {
                return new BodyConnections(pool);
            }
            return bean;
        }
    }
}
