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

    /** Refuses to run several bodies on a role that row-level security does not bind ({@link RowSecurityCheck}). */
    @Bean
    RowSecurityCheck rowSecurityCheck(org.springframework.beans.factory.ObjectProvider<javax.sql.DataSource> dataSource) {
        return new RowSecurityCheck(dataSource);
    }

    /** An instance started on a schema a newer version migrated refuses to serve ({@link NewerSchemaAnalyzer}). */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer strictSchemaVersions() {
        return NewerSchemaAnalyzer.strict();
    }

    /** Every connection of the application's pool set to the body of the thread taking it ({@link BodyConnections}). */
    @Bean
    static BodyConnections.Wrapper bodyConnections() {
        return new BodyConnections.Wrapper();
    }
}
