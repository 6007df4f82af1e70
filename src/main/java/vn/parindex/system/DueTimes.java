package vn.parindex.system;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/** When a scheduled job was last due: a pure calculation on its cron expression (plain unit tests). */
public final class DueTimes {

    /** A schedule of every second looked back on for hours stops here (such a job is always due anyway). */
    static final int MAX_STEPS = 100_000;

    private DueTimes() {
    }

    /**
     * The latest time at or before {@code now} the schedule was due, if it was due within {@code window} before
     * {@code now}; empty for a schedule of never ({@code "-"}) or none due within the window.
     */
    public static Optional<ZonedDateTime> latest(String cron, ZonedDateTime now, Duration window) {
        if (cron == null || cron.isBlank() || "-".equals(cron.strip())) {
            return Optional.empty();
        }
        CronExpression expression = CronExpression.parse(cron.strip());
        // next() is strictly after its argument: start just before the window so a time exactly at its start counts
        ZonedDateTime next = expression.next(now.minus(window).minusNanos(1));
        ZonedDateTime last = null;
        for (int steps = 0; next != null && !next.isAfter(now) && steps < MAX_STEPS; steps++) {
            last = next;
            next = expression.next(next);
        }
        return Optional.ofNullable(last);
    }
}
