package vn.parindex.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The province's appraised scores roll up only when every part has one: a partial sum is no official figure. */
class AppraisedRollupTest {

    static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    static RecordedFigures node(String code, String parent, String max, String current, String appraised) {
        return new RecordedFigures(code, parent, d(max), null, null, d(current), null, d(appraised));
    }

    @Test
    void aParentIsAppraisedOnceEveryPartIs() {
        var partial = ScoreRollup.rollUp(List.of(node("1", null, null, null, null),
                node("1.1", "1", "3", "3", "2.5"), node("1.2", "1", "2", "2", null)), null);
        assertThat(partial.figures().get("1").appraised()).isNull();
        assertThat(partial.total().official()).isNull();
        assertThat(partial.figures().get("1.1").deduction()).isEqualByComparingTo("0.5");

        var whole = ScoreRollup.rollUp(List.of(node("1", null, null, null, null),
                node("1.1", "1", "3", "3", "2.5"), node("1.2", "1", "2", "2", "2")), null);
        assertThat(whole.figures().get("1").appraised()).isEqualByComparingTo("4.5");
        assertThat(whole.total().official()).isEqualByComparingTo("4.5");
        assertThat(whole.total().deduction()).isEqualByComparingTo("0.5");
        assertThat(whole.discrepancies()).isEmpty();
    }

    @Test
    void anAppraisalRecordedOnAParentWinsAndADisagreementIsReported() {
        var result = ScoreRollup.rollUp(List.of(node("1", null, null, null, "4"),
                node("1.1", "1", "3", "3", "2.5"), node("1.2", "1", "2", "2", "2")), null);
        assertThat(result.figures().get("1").appraised()).isEqualByComparingTo("4");
        assertThat(result.discrepancies()).singleElement()
                .satisfies(d -> assertThat(d.field()).isEqualTo(ScoreField.APPRAISED_SCORE));
    }
}
