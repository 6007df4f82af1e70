package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The business clock: the real date, or a demo date at the real time of day; a demo date that is not one refused. */
class BusinessClockTest {

    /** 7 December 2026, 10:15 in Vietnam. */
    static final Clock REAL = Clock.fixed(Instant.parse("2026-12-07T03:15:00Z"), BusinessClock.VIETNAM);

    @Test
    void withoutADemoDateItIsTheRealClock() {
        BusinessClock clock = BusinessClock.of(REAL, null);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(clock.instant()).isEqualTo(REAL.instant());
        assertThat(clock.demoDate()).isEmpty();
        assertThat(BusinessClock.real().demoDate()).isEmpty();
    }

    @Test
    void aDemoDateIsTodayAtTheRealTimeOfDay() {
        BusinessClock clock = BusinessClock.of(REAL, LocalDate.of(2023, 6, 8));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2023, 6, 8));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2023, 6, 8, 10, 15));
        assertThat(OffsetDateTime.now(clock).toLocalDate()).isEqualTo(LocalDate.of(2023, 6, 8));
        assertThat(LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC))).isEqualTo(LocalDate.of(2023, 6, 8));
        assertThat(clock.demoDate()).contains(LocalDate.of(2023, 6, 8));
    }

    @Test
    void aDemoDateIsReadAsWrittenOrBlankForNone() {
        assertThat(BusinessClock.parseDemoDate(null)).isEmpty();
        assertThat(BusinessClock.parseDemoDate("  ")).isEmpty();
        assertThat(BusinessClock.parseDemoDate(" 2023-06-08 ")).contains(LocalDate.of(2023, 6, 8));
    }

    @Test
    void anythingElseIsRefusedWithTheSettingsName() {
        for (String bad : new String[] {"08/06/2023", "2023-02-30", "tomorrow", "2023-6-8"}) {
            assertThatThrownBy(() -> BusinessClock.parseDemoDate(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PARINDEX_DEMO_TODAY").hasMessageContaining(bad);
        }
    }
}
