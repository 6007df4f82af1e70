package vn.parindex.security;

import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.parindex.database.DatabaseMode;
import vn.parindex.system.BusinessClock;

/**
 * The application's one {@link java.time.Clock} (a {@link BusinessClock}): the real date, or in demo mode (where
 * demo accounts may exist, {@link DemoMode#on(DemoMode.Where)}) the demo date
 * {@code parindex.demo.today} ({@code PARINDEX_DEMO_TODAY}; application.properties sets a working day of the
 * seeded 2023 plan, empty = the real date). Outside demo mode the setting is ignored: a real district never works
 * on a pretended date. A value that is not a date stops the start with a message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class BusinessClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BusinessClockConfiguration.class);

    @Bean
    BusinessClock businessClock(DatabaseMode databaseMode, @Value("${server.address:}") String serverAddress,
            DemoProperties demoSettings,
            @Value("${server.forward-headers-strategy:}") String forwardHeadersStrategy) {
        Optional<LocalDate> date = BusinessClock.parseDemoDate(demoSettings.today());
        boolean demo = DemoMode.on(new DemoMode.Where(databaseMode, serverAddress, demoSettings.enabled(),
                demoSettings.seedOnExternalDatabase(), forwardHeadersStrategy));
        if (demo && date.isPresent()) {
            log.info("Demo: business rules count {} as today (PARINDEX_DEMO_TODAY, empty for the real date)",
                    date.get());
            return BusinessClock.of(BusinessClock.real(), date.get());
        }
        return BusinessClock.real();
    }
}
