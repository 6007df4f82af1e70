package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DueTimesTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    static ZonedDateTime at(String time) {
        return ZonedDateTime.parse(time + "+07:00[Asia/Ho_Chi_Minh]");
    }

    @Test
    void theLatestDueTimeWithinTheWindow() {
        // the nightly backup at 01:30
        assertThat(DueTimes.latest("0 30 1 * * *", at("2026-12-08T01:30:00"), Duration.ofHours(6)))
                .contains(at("2026-12-08T01:30:00"));
        assertThat(DueTimes.latest("0 30 1 * * *", at("2026-12-08T07:29:59"), Duration.ofHours(6)))
                .contains(at("2026-12-08T01:30:00"));
        // the digest every hour from 07:00 to 17:00: at 12:40 the 12:00 one
        assertThat(DueTimes.latest("0 0 7-17 * * *", at("2026-12-08T12:40:00"), Duration.ofHours(6)))
                .contains(at("2026-12-08T12:00:00"));
        // a time exactly at the window's start still counts
        assertThat(DueTimes.latest("0 30 1 * * *", at("2026-12-08T07:30:00"), Duration.ofHours(6)))
                .contains(at("2026-12-08T01:30:00"));
    }

    @Test
    void nothingDueWithinTheWindowOrNever() {
        assertThat(DueTimes.latest("0 30 1 * * *", at("2026-12-08T07:30:01"), Duration.ofHours(6))).isEmpty();
        assertThat(DueTimes.latest("0 30 1 * * *", at("2026-12-08T01:29:59"), Duration.ofHours(6))).isEmpty();
        assertThat(DueTimes.latest("-", at("2026-12-08T01:30:00"), Duration.ofHours(6))).isEmpty();
        assertThat(DueTimes.latest(" ", at("2026-12-08T01:30:00"), Duration.ofHours(6))).isEmpty();
        assertThat(DueTimes.latest(null, at("2026-12-08T01:30:00"), Duration.ofHours(6))).isEmpty();
    }

    @Test
    void theZoneOfTheScheduleCounts() {
        ZonedDateTime utc = ZonedDateTime.parse("2026-12-08T00:10:00Z[UTC]");
        // 07:00 in Vietnam is 00:00 UTC
        assertThat(DueTimes.latest("0 0 7-17 * * *", utc.withZoneSameInstant(HANOI), Duration.ofHours(1)))
                .map(ZonedDateTime::toInstant).contains(java.time.Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(DueTimes.latest("0 0 7-17 * * *", utc, Duration.ofHours(1))).isEmpty();
    }
}
