package vn.parindex.scoring;

/** A figure of a node that can be recorded on a parent and compared with the sum of its parts. */
public enum ScoreField {
    MAX_SCORE("maxScore"),
    BASELINE_SCORE("baselineScore"),
    TARGET_SCORE("targetScore"),
    CURRENT_SCORE("currentScore"),
    APPRAISED_SCORE("appraisedScore"),
    /** The printed change column against the target gain rounded half-up. */
    TARGET_GAIN_ROUNDED("targetGainRounded");

    private final String apiName;

    ScoreField(String apiName) {
        this.apiName = apiName;
    }

    /** The field's name in the API. */
    public String apiName() {
        return apiName;
    }
}
