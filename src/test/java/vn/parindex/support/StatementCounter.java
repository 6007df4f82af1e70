package vn.parindex.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts every SQL statement the application prepares or creates, whoever sends it (Hibernate, JdbcTemplate…),
 * by wrapping the data source. The session store's statements (Spring Session JDBC: reading the request's session,
 * touching it, saving what changed) are counted apart ({@link #sessionCount()}): the budgets of pages are about
 * the data they read, and the session's cost is the same for every page (SessionStoreTest bounds it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong sessionStatements = new AtomicLong();
    private final java.util.Queue<String> sessionTexts = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<String> texts = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public long count() {
        return statements.get();
    }

    /** The session store's statements since the last reset, their SQL. */
    public java.util.List<String> sessionSql() {
        return java.util.List.copyOf(sessionTexts);
    }

    /** The session store's statements since the last reset. */
    public long sessionCount() {
        return sessionStatements.get();
    }

    /** The SQL of the statements counted since the last reset (for messages when a count is not what it should be). */
    public java.util.List<String> sql() {
        return java.util.List.copyOf(texts);
    }

    public void reset() {
        statements.set(0);
        sessionStatements.set(0);
        sessionTexts.clear();
        texts.clear();
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource(StatementCounter counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? counter.wrap(dataSource) : bean;
            }
        };
    }

    DataSource wrap(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (STATEMENT_METHODS.contains(method.getName())) {
                        String sql = args != null && args.length > 0 ? String.valueOf(args[0]) : method.getName();
                        if (sql.contains("runtime.spring_session")) {
                            sessionStatements.incrementAndGet();
                            sessionTexts.add(sql);
                        } else {
                            statements.incrementAndGet();
                            texts.add(sql);
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
