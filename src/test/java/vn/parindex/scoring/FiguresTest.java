package vn.parindex.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static Figures figures(String max, String baseline, String target, String current) {
        return new Figures(d(max), d(baseline), d(target), d(current));
    }

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void percentagesAreScoreOverMaxToTwoDecimalsHalfUp() {
        Figures domain1 = figures("14.0000", "9.6419", "12.2500", null);
        assertThat(domain1.baselinePercent()).isEqualTo(d("68.87"));
        assertThat(domain1.targetPercent()).isEqualTo(d("87.50"));
        assertThat(domain1.currentPercent()).isNull();
        assertThat(figures("0", "0", "0", null).baselinePercent()).isNull();
        assertThat(figures("3", "1", "2", null).baselinePercent()).isEqualTo(d("33.33"));
        assertThat(figures("3", "2", "2", null).baselinePercent()).isEqualTo(d("66.67"));
    }

    @Test
    void plannedGainAndItsPrintedRounding() {
        assertThat(figures("14", "9.6419", "12.25", null).targetGain()).isEqualByComparingTo("2.6081");
        assertThat(figures("14", "9.6419", "12.25", null).targetGainRounded()).isEqualByComparingTo("3");
        assertThat(figures("2", "1.5", "2", null).targetGainRounded()).isEqualByComparingTo("1");
        assertThat(figures("1.5", "1", "1.25", null).targetGainRounded()).isEqualByComparingTo("0");
        assertThat(figures("3", "1.9935", "2", null).targetGainRounded()).isEqualByComparingTo("0");
        assertThat(figures("3", "2.5", "2", null).targetGainRounded()).isEqualByComparingTo("-1");
        assertThat(figures("3", null, "2", null).targetGain()).isNull();
    }

    @Test
    void remainingAndRecoverableUseCurrentOnceAssessedElseBaseline() {
        Figures before = figures("2.5", "1", "2", null);
        assertThat(before.remainingToTarget()).isEqualByComparingTo("1");
        assertThat(before.recoverable()).isEqualByComparingTo("1.5");
        Figures after = figures("2.5", "1", "2", "2.25");
        assertThat(after.remainingToTarget()).isEqualByComparingTo("-0.25");
        assertThat(after.recoverable()).isEqualByComparingTo("0.25");
        assertThat(after.currentPercent()).isEqualTo(d("90.00"));
        assertThat(figures(null, null, null, null).recoverable()).isNull();
    }
}
