package vn.parindex.database;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the embedded database (no {@code spring.datasource.url}) the application runs as the role
 * {@value #DEFAULT_APP_ROLE} unless {@code parindex.database.app-role} names another: a default of the lowest
 * precedence, so the migrations' grants ({@code afterMigrate.sql}) go to the role the application connects as.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULT_APP_ROLE = "parindex_app";
    static final String APP_ROLE = "parindex.database.app-role";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!NoExternalDatasourceCondition.externalDatasourceConfigured(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource("parindex-embedded-database",
                    Map.of(APP_ROLE, DEFAULT_APP_ROLE)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
