package vn.parindex.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of the plan's year (kỳ báo cáo): a month ({@code 2023-03}), a quarter ({@code 2023-Q1}), the
 * first half ({@code 2023-H1}) or the year ({@code 2023}). Units send their input for a period by a deadline: a
 * day of the period's last month ({@link ReportCalendar}).
 */
public record ReportPeriod(int year, Kind kind, int number) {

    /** The kinds of period, in the order pages list them. */
    public enum Kind {
        /** Báo cáo tháng. */
        MONTH,
        /** Báo cáo quý. */
        QUARTER,
        /** Báo cáo 6 tháng. */
        HALF,
        /** Báo cáo năm. */
        YEAR
    }

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q(\\d)|H(1)))?");

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public ReportPeriod {
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF, YEAR -> 1;
        };
        if (year < 1900 || year > 9999 || number < 1 || number > max) {
            throw new IllegalArgumentException("no such period: " + year + " " + kind + " " + number);
        }
    }

    /** The period a code names ({@code 2023-03}, {@code 2023-Q1}, {@code 2023-H1}, {@code 2023}), or empty. */
    public static Optional<ReportPeriod> parse(String code) {
        if (code == null || code.length() > 7) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                return Optional.of(new ReportPeriod(year, Kind.MONTH, Integer.parseInt(m.group(2))));
            }
            if (m.group(3) != null) {
                return Optional.of(new ReportPeriod(year, Kind.QUARTER, Integer.parseInt(m.group(3))));
            }
            if (m.group(4) != null) {
                return Optional.of(new ReportPeriod(year, Kind.HALF, 1));
            }
            return Optional.of(new ReportPeriod(year, Kind.YEAR, 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every period of a year, in the order of their deadlines (a quarter after its last month, the year last). */
    public static List<ReportPeriod> of(int year) {
        List<ReportPeriod> all = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            all.add(new ReportPeriod(year, Kind.MONTH, month));
            if (month % 3 == 0) {
                all.add(new ReportPeriod(year, Kind.QUARTER, month / 3));
            }
            if (month == 6) {
                all.add(new ReportPeriod(year, Kind.HALF, 1));
            }
        }
        all.add(new ReportPeriod(year, Kind.YEAR, 1));
        return List.copyOf(all);
    }

    /** The code as in addresses: {@code 2023-03}, {@code 2023-Q1}, {@code 2023-H1}, {@code 2023}. */
    public String code() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, number);
            case QUARTER -> year + "-Q" + number;
            case HALF -> year + "-H1";
            case YEAR -> Integer.toString(year);
        };
    }

    /** The first day of the period. */
    public LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, number, 1);
            case QUARTER -> LocalDate.of(year, number * 3 - 2, 1);
            case HALF, YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The period's last month. */
    public YearMonth lastMonth() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, number);
            case QUARTER -> YearMonth.of(year, number * 3);
            case HALF -> YearMonth.of(year, 6);
            case YEAR -> YearMonth.of(year, 12);
        };
    }

    /** The last day of the period. */
    public LocalDate end() {
        return lastMonth().atEndOfMonth();
    }

    /** The deadline for units' inputs: that day of the period's last month (the month's last day at most). */
    public LocalDate deadline(int day) {
        YearMonth month = lastMonth();
        return month.atDay(Math.min(Math.max(day, 1), month.lengthOfMonth()));
    }

    /** How the plan names it: "tháng 3 năm 2023", "quý I năm 2023", "6 tháng đầu năm 2023", "năm 2023". */
    public String vietnameseName() {
        return switch (kind) {
            case MONTH -> "tháng " + number + " năm " + year;
            case QUARTER -> "quý " + ROMAN[number - 1] + " năm " + year;
            case HALF -> "6 tháng đầu năm " + year;
            case YEAR -> "năm " + year;
        };
    }

    /** The English name: "March 2023", "Q1 2023", "first half of 2023", "2023". */
    public String englishName() {
        return switch (kind) {
            case MONTH -> java.time.Month.of(number).getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.ENGLISH) + " " + year;
            case QUARTER -> "Q" + number + " " + year;
            case HALF -> "first half of " + year;
            case YEAR -> Integer.toString(year);
        };
    }

    @Override
    public String toString() {
        return code();
    }
}
