package vn.parindex.criteria;

/** How a criterion is scored. */
public enum ScoringMethod {
    /** Self-assessed by the lead unit with evidence, appraised by the province (tự đánh giá). */
    SELF_ASSESSMENT,
    /** From the province's sociological survey (Điểm điều tra XHH); entered by Home Affairs only. */
    SURVEY
}
