package vn.parindex.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of business rules: what "today" is for overdue tasks, late report inputs, the to-do lists, days
 * waiting, deadlines and the digest, and when business records (a task's progress, a unit's input sent, a
 * submission) are dated. Normally the real time in Vietnam. In a demo with a demo date ({@code parindex.demo.today})
 * it is that day, at the real time of day, so that the plan's year reads as it would on a working day inside it.
 * The one {@link Clock} bean of the application; security, throttling, backups and the change history keep the
 * real time (they say when things really happened).
 */
public final class BusinessClock extends Clock {

    /** Where the district is. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock real;
    private final LocalDate demoDate;

    private BusinessClock(Clock real, LocalDate demoDate) {
        this.real = Objects.requireNonNull(real);
        this.demoDate = demoDate;
    }

    /** The real time in Vietnam. */
    public static BusinessClock real() {
        return new BusinessClock(Clock.system(VIETNAM), null);
    }

    /** {@code real}'s time of day on {@code demoDate} (none: {@code real} itself). */
    public static BusinessClock of(Clock real, LocalDate demoDate) {
        return new BusinessClock(real, demoDate);
    }

    /**
     * The demo date a setting names: a date written {@code yyyy-MM-dd} (e.g. {@code 2023-06-08}), or blank for none
     * (the real date). Anything else is refused with a message naming the setting, so the application does not start.
     */
    public static Optional<LocalDate> parseDemoDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            // the message says all: which setting, what it must be, what it is
            throw new IllegalStateException("parindex.demo.today (PARINDEX_DEMO_TODAY) must be a date written "
                    + "yyyy-MM-dd, e.g. 2023-06-08, or empty for the real date; it is '" + printable(text) + "'");
        }
    }

    private static String printable(String text) {
        String shown = text.strip().replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    /** The day pages show as today in a demo, if one is set. */
    public Optional<LocalDate> demoDate() {
        return Optional.ofNullable(demoDate);
    }

    /** Today, as business rules count it. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BusinessClock(real.withZone(zone), demoDate);
    }

    @Override
    public Instant instant() {
        Instant now = real.instant();
        if (demoDate == null) {
            return now;
        }
        // the demo day in Vietnam, at the real time of day there
        return demoDate.atTime(LocalTime.ofInstant(now, VIETNAM)).atZone(VIETNAM).toInstant();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessClock c && c.real.equals(real) && Objects.equals(c.demoDate, demoDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(real, demoDate);
    }

    @Override
    public String toString() {
        return demoDate == null ? "BusinessClock[" + real + "]" : "BusinessClock[demo " + demoDate + "]";
    }
}
