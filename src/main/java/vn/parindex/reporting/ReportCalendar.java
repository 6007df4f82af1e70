package vn.parindex.reporting;

import java.time.LocalDate;

/**
 * A cycle's deadlines as Home Affairs sets them: units' inputs are due on a day of each period's last month (by
 * kind of period), and every criterion's self-assessment by {@code selfAssessmentDue} (none when not set).
 */
public record ReportCalendar(int monthDueDay, int quarterDueDay, int halfDueDay, int yearDueDay,
        LocalDate selfAssessmentDue, long version) {

    /** The day of the period's last month units' inputs are due when Home Affairs has set nothing. */
    public static final int DEFAULT_DUE_DAY = 15;

    /** The defaults: the 15th of each period's last month; no self-assessment deadline. */
    public static final ReportCalendar DEFAULTS = new ReportCalendar(DEFAULT_DUE_DAY, DEFAULT_DUE_DAY,
            DEFAULT_DUE_DAY, DEFAULT_DUE_DAY, null, 0);

    /** The day inputs for a period of that kind are due. */
    public int dueDay(ReportPeriod.Kind kind) {
        return switch (kind) {
            case MONTH -> monthDueDay;
            case QUARTER -> quarterDueDay;
            case HALF -> halfDueDay;
            case YEAR -> yearDueDay;
        };
    }

    /** When units' inputs for the period are due. */
    public LocalDate deadline(ReportPeriod period) {
        return period.deadline(dueDay(period.kind()));
    }
}
