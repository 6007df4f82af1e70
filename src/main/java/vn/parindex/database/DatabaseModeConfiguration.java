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
}
