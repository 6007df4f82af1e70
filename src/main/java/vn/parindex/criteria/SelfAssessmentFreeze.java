package vn.parindex.criteria;

/**
 * Whether a criterion's self-assessed score may still change: an SPI that {@code index} implements (once the
 * province has appraised a criterion of the year it runs the index of, the body's own score stays as appraised
 * against). {@link CriterionScoreService} asks before every change of a current score.
 */
public interface SelfAssessmentFreeze {

    /** The message key of the refusal (409) when the criterion's self-assessed score may no longer change, else null. */
    String frozen(Criterion criterion);
}
