package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.parindex.support.BodiesTest;

/**
 * Several bodies on a role that row-level security binds: the start goes on. The same bodies reached as the owner
 * (what an external server gives when the application signs in as the schema's owner): the start is refused.
 */
@BodiesTest
class RowSecurityCheckTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    OwnerConnections owner;

    @Test
    void severalBodiesNeedARoleTheDatabaseBinds() throws Exception {
        try (Connection connection = owner.open(); Statement statement = connection.createStatement()) {
            statement.execute("insert into body (code, name, level) values ('RLS_CHECK', 'Thử RLS', 'WARD') "
                    + "on conflict do nothing");
        }
        assertThatCode(() -> check(dataSource)).doesNotThrowAnyException();
        try (Connection connection = owner.open()) {
            SingleConnectionDataSource asOwner = new SingleConnectionDataSource(connection, true);
            assertThatIllegalStateException().isThrownBy(() -> check(asOwner))
                    .withMessageContaining("row-level security");
        }
    }

    private static void check(DataSource source) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("dataSource", source);
        new RowSecurityCheck(beans.getBeanProvider(DataSource.class)).afterSingletonsInstantiated();
    }
}
