package vn.parindex.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreRollupTest {

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static RecordedFigures node(String code, String parent, String max, String baseline, String target,
            String current) {
        return new RecordedFigures(code, parent, d(max), d(baseline), d(target), d(current), null);
    }

    @Test
    void parentsAreTheSumsOfTheirChildrenWhereNothingIsRecorded() {
        var result = ScoreRollup.rollUp(List.of(
                node("1", null, null, null, null, null),
                node("1.1", "1", "3", "2.8919", "3", null),
                node("1.2", "1", "2", "1.5", "2", "1.75"),
                node("2", null, null, null, null, null),
                node("2.1", "2", "4", "4", "4", null),
                node("2.1.1", "2.1", "1", "1", "1", "0.5")), null);

        // projection: the baseline moved by what the assessed criteria changed (1.2: 1.5 → 1.75)
        assertThat(result.figures().get("1")).isEqualTo(new Figures(d("5"), d("4.3919"), d("5"), d("1.75"),
                d("4.6419")));
        assertThat(result.figures().get("1.1").projection()).isEqualByComparingTo("2.8919");
        assertThat(result.figures().get("1.2").projection()).isEqualByComparingTo("1.75");
        assertThat(result.total().max()).isEqualByComparingTo("9");
        assertThat(result.total().baseline()).isEqualByComparingTo("8.3919");
        assertThat(result.total().current()).isEqualByComparingTo("2.25");
        // 2.1 records its own figures: they win over its child's, and the disagreement is reported
        assertThat(result.figures().get("2.1").max()).isEqualByComparingTo("4");
        assertThat(result.figures().get("2.1").current()).isEqualByComparingTo("0.5");
        assertThat(result.discrepancies()).extracting(Discrepancy::code, Discrepancy::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2.1", ScoreField.MAX_SCORE),
                        org.assertj.core.groups.Tuple.tuple("2.1", ScoreField.BASELINE_SCORE),
                        org.assertj.core.groups.Tuple.tuple("2.1", ScoreField.TARGET_SCORE));
    }

    @Test
    void officialFiguresWinAndDifferencesAreReported() {
        var total = new RecordedFigures("TOTAL", null, d("29"), d("26.3604"), d("27.5"), null, 1);
        var result = ScoreRollup.rollUp(List.of(
                new RecordedFigures("3", null, d("29"), d("26.3604"), d("27.5"), null, 1),
                node("3.1", "3", "20", "20", "20", null),
                node("3.2", "3", "9", "6.4038", "7.5", null)), total);

        Figures domain = result.figures().get("3");
        assertThat(domain.baseline()).isEqualByComparingTo("26.3604");
        assertThat(domain.projection()).as("before any assessment, exactly the published figure")
                .isEqualByComparingTo("26.3604");
        assertThat(result.total().projection()).isEqualByComparingTo("26.3604");
        assertThat(result.total().baseline()).isEqualByComparingTo("26.3604");
        assertThat(result.discrepancies()).singleElement().satisfies(dis -> {
            assertThat(dis.code()).isEqualTo("3");
            assertThat(dis.field()).isEqualTo(ScoreField.BASELINE_SCORE);
            assertThat(dis.recorded()).isEqualByComparingTo("26.3604");
            assertThat(dis.sumOfParts()).isEqualByComparingTo("26.4038");
            assertThat(dis.difference()).isEqualByComparingTo("-0.0434");
        });
    }

    @Test
    void theProjectionMovesTheOfficialFigureByExactlyWhatAssessmentsChange() {
        var total = new RecordedFigures("TOTAL", null, d("29"), d("26.3604"), d("27.5"), null, null);
        var result = ScoreRollup.rollUp(List.of(
                new RecordedFigures("3", null, d("29"), d("26.3604"), d("27.5"), null, null),
                node("3.1", "3", "20", "20", "20", null),
                node("3.2", "3", "9", "6.4038", "7.5", "9")), total);
        assertThat(result.figures().get("3").projection()).isEqualByComparingTo("28.9566");
        assertThat(result.total().projection()).isEqualByComparingTo("28.9566");
        assertThat(result.total().current()).isEqualByComparingTo("9");
        assertThat(result.total().remainingToTarget()).isEqualByComparingTo("-1.4566");
        assertThat(result.total().recoverable()).isEqualByComparingTo("0.0434");
    }

    @Test
    void aRecordedTotalThatDisagreesWithTheDomainsIsReportedUnderTotal() {
        var total = new RecordedFigures("TOTAL", null, d("100"), d("84.0256"), d("92"), null, 8);
        var result = ScoreRollup.rollUp(List.of(node("1", null, "100", "84", "92", null)), total);
        assertThat(result.total().baseline()).isEqualByComparingTo("84.0256");
        assertThat(result.discrepancies()).extracting(Discrepancy::code, Discrepancy::field, Discrepancy::sumOfParts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TOTAL", ScoreField.BASELINE_SCORE, d("84")));
    }

    @Test
    void aPrintedChangeThatIsNotTheRoundedGainIsReported() {
        var result = ScoreRollup.rollUp(List.of(
                new RecordedFigures("1", null, d("14"), d("9.6419"), d("12.25"), null, 3),
                new RecordedFigures("2", null, d("2"), d("1.5"), d("2"), null, 0)), null);
        assertThat(result.discrepancies()).singleElement().satisfies(dis -> {
            assertThat(dis.code()).isEqualTo("2");
            assertThat(dis.field()).isEqualTo(ScoreField.TARGET_GAIN_ROUNDED);
            assertThat(dis.recorded()).isEqualByComparingTo("0");
            assertThat(dis.sumOfParts()).isEqualByComparingTo("1");
        });
    }

    @Test
    void currentIsAbsentUntilSomethingIsAssessed() {
        var result = ScoreRollup.rollUp(List.of(
                node("1", null, null, null, null, null),
                node("1.1", "1", "3", "2", "3", null)), null);
        assertThat(result.figures().get("1").current()).isNull();
        assertThat(result.total().current()).isNull();
        assertThat(result.figures().get("1").assessed()).isFalse();
    }

    @Test
    void rejectsAChildBeforeItsParentAndUnknownParentsAndDuplicates() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScoreRollup.rollUp(List.of(
                node("1.1", "1", "3", "2", "3", null), node("1", null, null, null, null, null)), null));
        assertThatIllegalArgumentException().isThrownBy(() -> ScoreRollup.rollUp(List.of(
                node("1.1", "9", "3", "2", "3", null)), null));
        assertThatIllegalArgumentException().isThrownBy(() -> ScoreRollup.rollUp(List.of(
                node("1", null, "3", "2", "3", null), node("1", null, "3", "2", "3", null)), null));
    }

    @Test
    void rollsUpADeepWideTreeExactly() {
        List<RecordedFigures> nodes = new ArrayList<>();
        for (int domain = 1; domain <= 8; domain++) {
            nodes.add(node(String.valueOf(domain), null, null, null, null, null));
            for (int criterion = 1; criterion <= 250; criterion++) {
                nodes.add(node(domain + "." + criterion, String.valueOf(domain), "0.0001", "0.0001", "0.0001",
                        null));
            }
        }
        var result = ScoreRollup.rollUp(nodes, null);
        assertThat(result.total().max()).isEqualByComparingTo("0.2000");
        assertThat(result.figures().get("8").baseline()).isEqualByComparingTo("0.0250");
        assertThat(result.discrepancies()).isEmpty();
    }
}
