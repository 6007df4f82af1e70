package vn.parindex.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.parindex.criteria.UnitRef;

class TaskViewTest {

    @ParameterizedTest(name = "{0} due {1}, on {2}: overdue {3}")
    @CsvSource({
            "NOT_STARTED, 2023-12-31, 2023-12-31, false",
            "NOT_STARTED, 2023-12-31, 2024-01-01, true",
            "IN_PROGRESS, 2023-06-30, 2023-07-01, true",
            "IN_PROGRESS, 2023-06-30, 2023-01-01, false",
            "DONE, 2023-06-30, 2024-01-01, false"})
    void aTaskIsOverdueWhenNotDonePastItsDueDate(TaskStatus status, LocalDate due, LocalDate today,
            boolean overdue) {
        assertThat(TaskView.overdue(status, due, today)).isEqualTo(overdue);
    }

    @ParameterizedTest
    @CsvSource({"DONE, DONE", "IN_PROGRESS, IN_PROGRESS", "NOT_STARTED, NOT_STARTED", "done, ", "' DONE', ",
            "XONG, ", "'', ", ", "})
    void aStatusIsOneOfTheThreeNamesExactly(String text, TaskStatus expected) {
        assertThat(TaskStatus.parse(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aTaskIsLedByItsLeadUnitsOnly() {
        TaskView task = new TaskView(1, 2023, "2", "Thể chế", List.of(), "t", "", List.of(new UnitRef(5, "TUPHAP",
                "Phòng Tư pháp")), List.of(new UnitRef(6, "NOIVU", "Phòng Nội vụ")), LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31), TaskStatus.NOT_STARTED, false, null, 0);
        assertThat(task.ledBy(5L)).isTrue();
        assertThat(task.ledBy(6L)).isFalse();
        assertThat(task.ledBy(null)).isFalse();
    }
}
