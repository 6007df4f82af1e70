package vn.parindex.criteria;

/** Where an assessment cycle stands. */
public enum CycleStatus {
    /** Targets and assignments are being prepared. */
    PLANNING,
    /** The year is being worked on: units assess, Home Affairs reviews. */
    ACTIVE,
    /** The province has published the result; nothing changes any more. */
    CLOSED
}
