package vn.parindex.assessment;

/** Where a submitted assessment stands. */
public enum AssessmentStatus {
    /** Submitted by the unit, awaiting Home Affairs' review (chờ xét duyệt). */
    SUBMITTED,
    /** Returned to the unit with a reason (trả lại); the unit may submit again. */
    RETURNED,
    /** Approved (đã duyệt): its score became the criterion's current score. */
    APPROVED
}
