package vn.parindex.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external datasource is configured ({@code spring.datasource.url} / SPRING_DATASOURCE_URL). */
class NoExternalDatasourceCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !externalDatasourceConfigured(context.getEnvironment());
    }

    static boolean externalDatasourceConfigured(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
