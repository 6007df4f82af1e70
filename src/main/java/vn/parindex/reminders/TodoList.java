package vn.parindex.reminders;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's list: a unit head's "Việc cần làm" (what the unit owes), or the district's "Việc cần đôn đốc" (what
 * Home Affairs chases, read by leaders too), as of {@code today}, for the cycle of {@code year} (0 when none),
 * {@code closed} when that cycle is closed. {@code items} is always the whole list (programs read it); pages fold
 * the late items of a year that is over (a past year, or a closed cycle) into one line ({@link #shown()},
 * {@link #foldedLate()}): they are history to settle, not today's work, and must not nag for ever.
 */
public record TodoList(boolean district, int year, LocalDate today, List<TodoItem> items, boolean closed) {

    /** A list of an open cycle. */
    public TodoList(boolean district, int year, LocalDate today, List<TodoItem> items) {
        this(district, year, today, items, false);
    }

    /** The same list with other items (in another order, fewer). */
    public TodoList withItems(List<TodoItem> others) {
        return new TodoList(district, year, today, List.copyOf(others), closed);
    }

    /** How many items are late. */
    public long lateCount() {
        return items.stream().filter(TodoItem::late).count();
    }

    /** Whether the list's year is over: a year before today's, or a closed cycle. */
    @JsonProperty("yearOver")
    public boolean yearOver() {
        return year > 0 && (closed || year < today.getYear());
    }

    /** How many late items pages fold into one line ("Năm 2023: 53 việc quá hạn chưa xử lý"): 0 unless the year is over. */
    @JsonProperty("foldedLate")
    public int foldedLate() {
        return yearOver() ? (int) lateCount() : 0;
    }

    /** What pages list row by row: every item, but the late ones of a year that is over. */
    @JsonIgnore
    public List<TodoItem> shown() {
        return yearOver() ? items.stream().filter(i -> !i.late()).toList() : items;
    }

    /** The navigation bar's count: the rows shown, and the folded line as one. */
    @JsonIgnore
    public int badgeCount() {
        return shown().size() + (foldedLate() > 0 ? 1 : 0);
    }

    /** The navigation bar's late count: the late rows shown (a folded year does not turn the badge red). */
    @JsonIgnore
    public long badgeLate() {
        return shown().stream().filter(TodoItem::late).count();
    }
}
