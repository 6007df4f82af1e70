package vn.parindex.tasks;

/**
 * Where a task stands, as Home Affairs and the lead unit record it. "Quá hạn" (overdue) is not a status: it is
 * derived, for a task not done past its due date ({@link TaskView#overdue}).
 */
public enum TaskStatus {
    /** Chưa bắt đầu. */
    NOT_STARTED,
    /** Đang thực hiện. */
    IN_PROGRESS,
    /** Hoàn thành. */
    DONE;

    /** The status named exactly (as the API documents it), or null when the text names none. */
    static TaskStatus parse(String text) {
        for (TaskStatus status : values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        return null;
    }
}
