package vn.parindex.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.parindex.criteria.UnitRef;

/**
 * A task as read: its domain and criteria by code, its units, dates, status, whether it is overdue (not done past
 * its due date, "quá hạn") and its latest progress update. {@code allCommunes}: the task names every commune (the
 * plan's "UBND các xã, thị trấn"), each an active commune among its coordinating units; {@code reportingUnitIds}:
 * the units that report on it and record its progress (its lead units, and with all communes every commune).
 */
public record TaskView(long id, int year, String domainCode, String domainName, List<String> criterionCodes,
        String title, String description, List<UnitRef> leadUnits, List<UnitRef> coordinatingUnits,
        LocalDate startDate, LocalDate dueDate, TaskStatus status, boolean overdue, LastUpdate lastUpdate,
        long version, boolean allCommunes, List<Long> reportingUnitIds) {

    /** A task that does not name all communes: its lead units report on it. */
    public TaskView(long id, int year, String domainCode, String domainName, List<String> criterionCodes,
            String title, String description, List<UnitRef> leadUnits, List<UnitRef> coordinatingUnits,
            LocalDate startDate, LocalDate dueDate, TaskStatus status, boolean overdue, LastUpdate lastUpdate,
            long version) {
        this(id, year, domainCode, domainName, criterionCodes, title, description, leadUnits, coordinatingUnits,
                startDate, dueDate, status, overdue, lastUpdate, version, false,
                leadUnits.stream().map(UnitRef::id).toList());
    }

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

    /** Whether the unit reports on the task: it leads it, or it is a commune and the task names all communes. */
    public boolean reportedBy(Long unitId) {
        return unitId != null && reportingUnitIds.contains(unitId);
    }
}
