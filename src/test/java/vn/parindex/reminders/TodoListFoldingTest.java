package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.reminders.TodoItem.Kind;

/**
 * Past periods do not nag for ever: the late items of a year that is over (a past year, or a closed cycle) are one
 * line on the pages and in the badge, while the list itself (the API's) stays whole.
 */
class TodoListFoldingTest {

    static final LocalDate TODAY = LocalDate.of(2023, 6, 8);

    static final List<TodoItem> ITEMS = List.of(
            new TodoItem(Kind.TASK, true, LocalDate.of(2022, 12, 31), "Nhiệm vụ A", List.of("Phòng Tư pháp"),
                    "/tasks/1", 1),
            new TodoItem(Kind.REPORT_INPUT, true, LocalDate.of(2022, 11, 15), "tháng 11 năm 2022",
                    List.of("Phòng Nội vụ", "Phòng Tư pháp", "Thanh tra huyện"), "/cycles/2022/reports/2022-11", 3),
            new TodoItem(Kind.REPORT_REVIEW, false, LocalDate.of(2022, 12, 15), "tháng 12 năm 2022",
                    List.of("Phòng Tư pháp"), "/cycles/2022/reports/2022-12/units/TUPHAP", 1));

    @Test
    void aPastYearsLateItemsAreOneLine() {
        TodoList list = new TodoList(true, 2022, TODAY, ITEMS);
        assertThat(list.yearOver()).isTrue();
        assertThat(list.foldedLate()).isEqualTo(2);
        // what can still be done (an input awaiting review) is listed; the two late ones are the folded line
        assertThat(list.shown()).extracting(TodoItem::kind).containsExactly(Kind.REPORT_REVIEW);
        assertThat(list.badgeCount()).isEqualTo(2);
        assertThat(list.badgeLate()).isZero();
        // the list programs read is whole
        assertThat(list.items()).hasSize(3);
        assertThat(list.lateCount()).isEqualTo(2);
    }

    @Test
    void aClosedCycleOfThisYearIsOverToo() {
        TodoList list = new TodoList(true, 2023, TODAY, ITEMS, true);
        assertThat(list.yearOver()).isTrue();
        assertThat(list.foldedLate()).isEqualTo(2);
    }

    @Test
    void thisYearsLateItemsAreListedRowByRow() {
        TodoList list = new TodoList(true, 2023, TODAY, ITEMS);
        assertThat(list.yearOver()).isFalse();
        assertThat(list.foldedLate()).isZero();
        assertThat(list.shown()).isEqualTo(ITEMS);
        assertThat(list.badgeCount()).isEqualTo(3);
        assertThat(list.badgeLate()).isEqualTo(2);
        // rebuilt with fewer items (the unit page's order), it stays what it was
        assertThat(list.withItems(ITEMS.subList(0, 1)).yearOver()).isFalse();
        assertThat(new TodoList(true, 2023, TODAY, ITEMS, true).withItems(ITEMS.subList(0, 1)).closed()).isTrue();
        // no cycle at all
        assertThat(new TodoList(true, 0, TODAY, List.of()).yearOver()).isFalse();
    }
}
