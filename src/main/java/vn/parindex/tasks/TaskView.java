package vn.parindex.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.parindex.criteria.UnitRef;

/**
 * A task as read: its domain and criteria by code, its units, dates, status, whether it is overdue (not done past
 * its due date, "quá hạn") and its latest progress update.
 */
public record TaskView(long id, int year, String domainCode, String domainName, List<String> criterionCodes,
        String title, String description, List<UnitRef> leadUnits, List<UnitRef> coordinatingUnits,
        LocalDate startDate, LocalDate dueDate, TaskStatus status, boolean overdue, LastUpdate lastUpdate,
        long version) {

    /** The latest progress update: when, by whom (display name), the note and the percent if given. */
    public record LastUpdate(OffsetDateTime at, String by, String note, Integer percent) {
    }

    /** Whether a task in that status and due then is overdue on that day. */
    static boolean overdue(TaskStatus status, LocalDate dueDate, LocalDate today) {
        return status != TaskStatus.DONE && today.isAfter(dueDate);
    }

    /** Whether the unit leads the task. */
    public boolean ledBy(Long unitId) {
        return unitId != null && leadUnits.stream().anyMatch(u -> u.id() == unitId);
    }
}
