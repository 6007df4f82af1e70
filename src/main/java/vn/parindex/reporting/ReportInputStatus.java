package vn.parindex.reporting;

/** Where a unit's input for a period stands. */
public enum ReportInputStatus {
    /** Nothing written yet (chưa thực hiện): no input on record. */
    NOT_STARTED,
    /** Saved, not sent (đang soạn). */
    DRAFT,
    /** Sent to Home Affairs (đã gửi), awaiting review. */
    SUBMITTED,
    /** Returned by Home Affairs with a reason (bị trả lại); the unit sends it again. */
    RETURNED,
    /** Accepted by Home Affairs (đã tiếp nhận): no longer changed. */
    ACCEPTED;

    /** Whether the unit still owes Home Affairs its input (nothing sent, or returned). */
    public boolean owed() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }
}
