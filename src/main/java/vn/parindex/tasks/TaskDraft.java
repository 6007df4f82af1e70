package vn.parindex.tasks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * What Home Affairs types for a task, as typed: dates as text (dd/MM/yyyy on pages, yyyy-MM-dd in the API: both
 * are read), units and criteria by code; {@code allCommunes}: every commune of the body is a coordinating unit (only
 * in a body with communes). For a change, a null field is left as it is; a list replaces the old one.
 */
public record TaskDraft(String title, String description, String domainCode, List<String> criterionCodes,
        List<String> leadUnits, List<String> coordinatingUnits, String startDate, String dueDate, String status,
        Boolean allCommunes) {

    /** A draft that leaves "all communes" as it is (a new task: not named). */
    public TaskDraft(String title, String description, String domainCode, List<String> criterionCodes,
            List<String> leadUnits, List<String> coordinatingUnits, String startDate, String dueDate, String status) {
        this(title, description, domainCode, criterionCodes, leadUnits, coordinatingUnits, startDate, dueDate, status,
                null);
    }

    /** Longest title and description (V9 checks both too). */
    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 10_000;

    /** Most units or criteria one task may list. */
    static final int MAX_LIST = 100;

    /** How pages write and read dates. */
    public static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DAY_MONTH_YEAR_SHORT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * A date typed as dd/MM/yyyy (one-digit day and month too) or yyyy-MM-dd; null when blank; throws
     * {@link DateTimeParseException} for anything else, including 31/02/2023.
     */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 10) {
            throw new DateTimeParseException("too long", t, 0);
        }
        if (t.indexOf('/') > 0) {
            return LocalDate.parse(t, DAY_MONTH_YEAR_SHORT);
        }
        return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
    }
}
