package vn.parindex.reminders;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's list: a unit head's "Việc cần làm" (what the unit owes), or the district's "Việc cần đôn đốc" (what
 * Home Affairs chases, read by leaders too), as of {@code today}, for the cycle of {@code year} (0 when none).
 */
public record TodoList(boolean district, int year, LocalDate today, List<TodoItem> items) {

    /** How many items are late. */
    public long lateCount() {
        return items.stream().filter(TodoItem::late).count();
    }
}
