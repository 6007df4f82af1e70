package vn.parindex.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edge cases of the rollup and of the figures derived from it (no Spring): empty trees, nulls, zero maxima, deep
 * trees, exactness, and a randomised tree checked against sums computed here independently.
 */
class ScoreRollupEdgeCasesTest {

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static RecordedFigures leaf(String code, String parent, String max, String baseline, String target,
            String current) {
        return new RecordedFigures(code, parent, d(max), d(baseline), d(target), d(current), null);
    }

    static RecordedFigures group(String code, String parent) {
        return new RecordedFigures(code, parent, null, null, null, null, null);
    }

    @Test
    void anEmptyTreeHasATotalWithNothingInIt() {
        var result = ScoreRollup.rollUp(List.of(), null);
        assertThat(result.discrepancies()).isEmpty();
        Figures total = result.total();
        assertThat(total.current()).isNull();
        assertThat(total.assessed()).isFalse();
        assertThat(total.baselinePercent()).isNull();
    }

    @Test
    void aRecordedTotalAloneIsKeptAsPrinted() {
        var total = new RecordedFigures("TOTAL", null, d("100"), d("84.0256"), d("92"), null, 8);
        var result = ScoreRollup.rollUp(List.of(), total);
        assertThat(result.total().max()).isEqualByComparingTo("100");
        assertThat(result.total().baseline()).isEqualByComparingTo("84.0256");
        assertThat(result.total().projection()).isEqualByComparingTo("84.0256");
        assertThat(result.total().targetGainRounded()).isEqualByComparingTo("8");
        assertThat(result.discrepancies()).as("nothing to disagree with").isEmpty();
    }

    @Test
    void aFourLevelTreeSumsAtEveryLevel() {
        var result = ScoreRollup.rollUp(List.of(
                group("1", null),
                group("1.1", "1"),
                group("1.1.1", "1.1"),
                leaf("1.1.1.1", "1.1.1", "0.25", "0.125", "0.25", null),
                leaf("1.1.1.2", "1.1.1", "0.75", "0.5", "0.75", "0.7"),
                leaf("1.1.2", "1.1", "1", "1", "1", null),
                leaf("1.2", "1", "2", "0", "1", "2")), null);
        assertThat(result.figures().get("1.1.1").max()).isEqualByComparingTo("1");
        assertThat(result.figures().get("1.1.1").baseline()).isEqualByComparingTo("0.625");
        assertThat(result.figures().get("1.1.1").current()).isEqualByComparingTo("0.7");
        // projection of a group: its baseline moved by what assessed parts changed (0.5 → 0.7)
        assertThat(result.figures().get("1.1.1").projection()).isEqualByComparingTo("0.825");
        assertThat(result.figures().get("1.1").max()).isEqualByComparingTo("2");
        assertThat(result.figures().get("1.1").projection()).isEqualByComparingTo("1.825");
        assertThat(result.figures().get("1").max()).isEqualByComparingTo("4");
        assertThat(result.figures().get("1").baseline()).isEqualByComparingTo("1.625");
        assertThat(result.figures().get("1").target()).isEqualByComparingTo("3");
        assertThat(result.figures().get("1").current()).isEqualByComparingTo("2.7");
        // 1.2 went 0 → 2 as well: 1.625 + 0.2 + 2
        assertThat(result.figures().get("1").projection()).isEqualByComparingTo("3.825");
        assertThat(result.total().projection()).isEqualByComparingTo("3.825");
        assertThat(result.total().remainingToTarget()).isEqualByComparingTo("-0.825");
        assertThat(result.total().recoverable()).isEqualByComparingTo("0.175");
        assertThat(result.discrepancies()).isEmpty();
    }

    @Test
    void anAssessmentBelowLastYearLowersTheProjection() {
        var result = ScoreRollup.rollUp(List.of(
                group("5", null),
                leaf("5.1", "5", "2", "2", "2", "0.5"),
                leaf("5.2", "5", "1", "0.5", "1", null)), null);
        assertThat(result.figures().get("5").projection()).isEqualByComparingTo("1");
        assertThat(result.figures().get("5").remainingToTarget()).isEqualByComparingTo("2");
        assertThat(result.figures().get("5.1").recoverable()).isEqualByComparingTo("1.5");
    }

    @Test
    void aCriterionWithoutBaselineOrTargetLeavesThoseSumsOnlyPartial() {
        var result = ScoreRollup.rollUp(List.of(
                group("1", null),
                leaf("1.1", "1", "3", null, null, null),
                leaf("1.2", "1", "2", "1", "2", null)), null);
        Figures domain = result.figures().get("1");
        assertThat(domain.max()).isEqualByComparingTo("5");
        // only what is recorded is summed: the absent baseline counts as nothing, not as an error
        assertThat(domain.baseline()).isEqualByComparingTo("1");
        assertThat(domain.target()).isEqualByComparingTo("2");
        Figures bare = result.figures().get("1.1");
        assertThat(bare.targetGain()).isNull();
        assertThat(bare.targetGainRounded()).isNull();
        assertThat(bare.baselinePercent()).isNull();
        assertThat(bare.remainingToTarget()).isNull();
    }

    @ParameterizedTest(name = "gain {0} → {1}")
    @CsvSource({"2.6081, 3", "0.4999, 0", "0.5, 1", "-0.5, -1", "-0.4999, 0", "0, 0", "2.5, 3"})
    void thePlannedGainIsRoundedHalfUpLikeThePlanPrintsIt(String gain, String rounded) {
        Figures figures = new Figures(d("100"), d("50"), d("50").add(d(gain)), null);
        assertThat(figures.targetGain()).isEqualByComparingTo(gain);
        assertThat(figures.targetGainRounded()).isEqualByComparingTo(rounded);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({"84.0256, 100, 84.03", "9.6419, 14, 68.87", "1, 3, 33.33", "2, 3, 66.67", "0, 5, 0.00",
            "2.5, 2.5, 100.00", "0.005, 1, 0.50", "0.00005, 1, 0.01"})
    void percentagesHaveTwoDecimalsHalfUp(String score, String max, String percent) {
        assertThat(new Figures(d(max), d(score), null, null).baselinePercent()).isEqualTo(d(percent));
    }

    @Test
    void aZeroMaximumHasNoPercentage() {
        Figures figures = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(figures.baselinePercent()).isNull();
        assertThat(figures.currentPercent()).isNull();
        assertThat(figures.projectionPercent()).isNull();
        assertThat(figures.recoverable()).isEqualByComparingTo("0");
    }

    @Test
    void aLeafsProjectionIsItsCurrentScoreOnceAssessedElseLastYears() {
        assertThat(new Figures(d("3"), d("2"), d("3"), null).projection()).isEqualByComparingTo("2");
        assertThat(new Figures(d("3"), d("2"), d("3"), d("0")).projection()).as("zero is an assessment")
                .isEqualByComparingTo("0");
        assertThat(new Figures(d("3"), null, d("3"), null).projection()).isNull();
        assertThat(new Figures(d("3"), null, d("3"), null).recoverable()).isNull();
    }

    @Test
    void sumsAreExactWhereDoublesWouldDrift() {
        List<RecordedFigures> nodes = new ArrayList<>();
        nodes.add(group("1", null));
        for (int i = 1; i <= 10; i++) {
            nodes.add(leaf("1." + i, "1", "0.1", "0.1", "0.1", "0.1"));
        }
        var result = ScoreRollup.rollUp(nodes, null);
        // 0.1 added ten times as doubles is 0.9999999999999999
        double drift = 0;
        for (int i = 0; i < 10; i++) {
            drift += 0.1;
        }
        assertThat(drift).isNotEqualTo(1.0);
        assertThat(result.total().max()).isEqualTo(d("1.0"));
        assertThat(result.total().current()).isEqualByComparingTo("1");
        assertThat(result.total().projection()).isEqualByComparingTo("1");
    }

    @Test
    void aRandomTreeRollsUpToTheSumsComputedHere() {
        Random random = new Random(2022);
        List<RecordedFigures> nodes = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal baseline = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal projection = BigDecimal.ZERO;
        boolean anyAssessed = false;
        for (int domain = 1; domain <= 7; domain++) {
            nodes.add(group(String.valueOf(domain), null));
            for (int criterion = 1; criterion <= 1 + random.nextInt(12); criterion++) {
                BigDecimal m = BigDecimal.valueOf(1 + random.nextInt(50_000), 4);
                BigDecimal b = BigDecimal.valueOf(random.nextInt(m.unscaledValue().intValue() + 1), 4);
                BigDecimal c = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(m.unscaledValue().intValue() + 1), 4)
                        : null;
                nodes.add(new RecordedFigures(domain + "." + criterion, String.valueOf(domain), m, b, m, c, null));
                max = max.add(m);
                baseline = baseline.add(b);
                if (c != null) {
                    current = current.add(c);
                    anyAssessed = true;
                }
                projection = projection.add(c != null ? c : b);
            }
        }
        var result = ScoreRollup.rollUp(nodes, null);
        assertThat(anyAssessed).isTrue();
        assertThat(result.total().max()).isEqualByComparingTo(max);
        assertThat(result.total().baseline()).isEqualByComparingTo(baseline);
        assertThat(result.total().target()).isEqualByComparingTo(max);
        assertThat(result.total().current()).isEqualByComparingTo(current);
        assertThat(result.total().projection()).isEqualByComparingTo(projection);
        assertThat(result.total().recoverable()).isEqualByComparingTo(max.subtract(projection));
        assertThat(result.discrepancies()).isEmpty();
    }

    @Test
    void aRecordedDomainThatAgreesWithItsPartsIsNoDiscrepancy() {
        var result = ScoreRollup.rollUp(List.of(
                new RecordedFigures("2", null, d("12.00"), d("11.4300"), d("11.50"), null, 0),
                leaf("2.1", "2", "4", "4", "4", null),
                leaf("2.2", "2", "3", "3", "3", null),
                leaf("2.3", "2", "2", "2", "2", null),
                leaf("2.4", "2", "3", "2.43", "2.5", null)), null);
        assertThat(result.discrepancies()).as("12,00 = 12 and 11,4300 = 11,43: scale does not matter").isEmpty();
    }

    @Test
    void badTreesAreRefused() {
        assertThatIllegalArgumentException().as("a parent after its child").isThrownBy(() -> ScoreRollup.rollUp(
                List.of(leaf("3.1", "3", "1", "1", "1", null), group("3", null)), null));
        assertThatIllegalArgumentException().as("a parent nobody has").isThrownBy(() -> ScoreRollup.rollUp(
                List.of(group("3", null), leaf("3.1", "4", "1", "1", "1", null)), null));
        assertThatIllegalArgumentException().as("the same code twice").isThrownBy(() -> ScoreRollup.rollUp(
                List.of(group("3", null), leaf("3.1", "3", "1", "1", "1", null),
                        leaf("3.1", "3", "1", "1", "1", null)), null));
        assertThatIllegalArgumentException().as("its own parent").isThrownBy(() -> ScoreRollup.rollUp(
                List.of(leaf("3", "3", "1", "1", "1", null)), null));
    }
}
