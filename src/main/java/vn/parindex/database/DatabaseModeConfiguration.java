package vn.parindex.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Tells the rest of the application which kind of database it runs on. */
@Configuration(proxyBeanMethods = false)
class DatabaseModeConfiguration {

    @Bean
    DatabaseMode databaseMode(Environment environment) {
        return NoExternalDatasourceCondition.externalDatasourceConfigured(environment)
                ? DatabaseMode.EXTERNAL : DatabaseMode.EMBEDDED;
    }

    /** Every connection of the application's pool set to the body of the thread taking it ({@link BodyConnections}). */
    @Bean
    static BodyConnections.Wrapper bodyConnections() {
        return new BodyConnections.Wrapper();
    }
}
