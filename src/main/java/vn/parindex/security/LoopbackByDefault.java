package vn.parindex.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With the embedded database and no {@code server.address} configured, the web server listens on loopback only
 * (127.0.0.1): the zero-setup start, with its demo accounts, is not reachable from other machines. Setting
 * {@code SERVER_ADDRESS} (e.g. {@code 0.0.0.0}) opens it, and then no demo accounts are created unless
 * {@code PARINDEX_DEMO_ENABLED=true} (see {@link DemoMode}, {@code accounts.AccountBootstrap}). Registered in {@code META-INF/spring.factories};
 * runs after the configuration files are read, and the default it adds ranks below every other source.
 */
public class LoopbackByDefault implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "parindexLoopbackByDefault";
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean external = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        if (!external && !StringUtils.hasText(environment.getProperty("server.address"))) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                    Map.of("server.address", LOOPBACK)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
