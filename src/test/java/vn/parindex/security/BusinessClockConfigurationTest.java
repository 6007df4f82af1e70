package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.parindex.database.DatabaseMode;
import vn.parindex.system.BusinessClock;

/**
 * The application's one clock: the demo date only in demo mode, the real date otherwise; a demo date that is not
 * a date stops the start with a message naming the setting.
 */
class BusinessClockConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BusinessClockConfiguration.class)
            .withBean(DatabaseMode.class, () -> DatabaseMode.EMBEDDED);

    @Test
    void inDemoModeTheDemoDateIsToday() {
        context.withPropertyValues("server.address=127.0.0.1", "parindex.demo.today=2023-06-08").run(ctx -> {
            assertThat(ctx).hasSingleBean(Clock.class);
            BusinessClock clock = ctx.getBean(BusinessClock.class);
            assertThat(clock.demoDate()).contains(LocalDate.of(2023, 6, 8));
            assertThat(LocalDate.now(ctx.getBean(Clock.class))).isEqualTo(LocalDate.of(2023, 6, 8));
        });
    }

    @Test
    void emptyIsTheRealDate() {
        context.withPropertyValues("server.address=127.0.0.1", "parindex.demo.today=").run(ctx ->
                assertThat(ctx.getBean(BusinessClock.class).demoDate()).isEmpty());
    }

    @Test
    void outsideDemoModeTheSettingIsIgnored() {
        // reachable from other machines, demo not turned on: a real district
        context.withPropertyValues("server.address=0.0.0.0", "parindex.demo.today=2023-06-08").run(ctx ->
                assertThat(ctx.getBean(BusinessClock.class).demoDate()).isEmpty());
        context.withPropertyValues("server.address=127.0.0.1", "parindex.demo.enabled=false",
                "parindex.demo.today=2023-06-08").run(ctx ->
                assertThat(ctx.getBean(BusinessClock.class).demoDate()).isEmpty());
        new ApplicationContextRunner().withUserConfiguration(BusinessClockConfiguration.class)
                .withBean(DatabaseMode.class, () -> DatabaseMode.EXTERNAL)
                .withPropertyValues("parindex.demo.today=2023-06-08").run(ctx ->
                        assertThat(ctx.getBean(BusinessClock.class).demoDate()).isEmpty());
    }

    @Test
    void aValueThatIsNotADateStopsTheStart() {
        // refused even where it would be ignored: a typo is said at once, not when demo mode is turned on
        for (String address : new String[] {"127.0.0.1", "0.0.0.0"}) {
            context.withPropertyValues("server.address=" + address, "parindex.demo.today=15/06/2023").run(ctx -> {
                assertThat(ctx).hasFailed();
                assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("parindex.demo.today (PARINDEX_DEMO_TODAY)")
                        .hasMessageContaining("15/06/2023");
            });
        }
    }
}
