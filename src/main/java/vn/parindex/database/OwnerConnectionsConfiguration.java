package vn.parindex.database;

import java.sql.DriverManager;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Embedded: the superuser {@code postgres} with its generated password. On an external server the owner is
 * {@code spring.flyway.user} / {@code spring.flyway.password} (SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD) on the
 * datasource's address, or the datasource's own account when those are not set.
 */
@Configuration(proxyBeanMethods = false)
class OwnerConnectionsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OwnerConnections ownerConnections(Environment environment, DataSource dataSource,
            ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase database = embedded.getIfAvailable();
        if (database != null) {
            return database::ownerConnection;
        }
        String user = environment.getProperty("spring.flyway.user");
        if (!StringUtils.hasText(user)) {
            return dataSource::getConnection;
        }
        String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url"));
        String password = environment.getProperty("spring.flyway.password", "");
        return () -> DriverManager.getConnection(url, user, password);
    }
}
