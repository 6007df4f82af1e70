package vn.parindex.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing due or late: a task, a report input, an assessment returned or awaiting review, a criterion without a
 * self-assessment as the deadline nears.
 *
 * @param subject what it is about: a task's title, a period's name, a criterion's code and name
 * @param units the units concerned (for Home Affairs' list: who to chase)
 * @param link the page where it is done
 * @param count how many (of assessments awaiting review, criteria without a self-assessment), else 1
 */
public record TodoItem(Kind kind, boolean late, LocalDate due, String subject, List<String> units, String link,
        int count) {

    /** The kinds of item, each with its own sentence on the page ({@code todo.kind.*}). */
    public enum Kind {
        /** A task not done, due within the horizon or overdue. */
        TASK,
        /** A report input not sent (or returned) for a period due within the horizon or late. */
        REPORT_INPUT,
        /** A unit's input sent and awaiting Home Affairs' review. */
        REPORT_REVIEW,
        /** An assessment returned by Home Affairs and not sent again. */
        ASSESSMENT_RETURNED,
        /** Assessments awaiting Home Affairs' review. */
        ASSESSMENT_REVIEW,
        /** Criteria without a self-assessment as the cycle's self-assessment deadline nears. */
        SELF_ASSESSMENT_MISSING
    }
}
