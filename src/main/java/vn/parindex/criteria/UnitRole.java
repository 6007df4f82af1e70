package vn.parindex.criteria;

/** What a unit named on a criterion does for it. */
public enum UnitRole {
    /** Lead unit (cơ quan chủ trì): answers for the criterion and reports on it. */
    LEAD,
    /** Coordinating unit (cơ quan phối hợp): helps the lead unit. */
    COORDINATING
}
