package vn.parindex.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.index.IndexCalculation.Band;
import vn.parindex.index.IndexCalculation.Figures;
import vn.parindex.index.IndexCalculation.Node;
import vn.parindex.index.IndexCalculation.Ranked;
import vn.parindex.index.IndexCalculation.TieBreak;

/** A body's score, maximum and index over the criteria that apply, the bands and the ranks: exact decimals. */
class IndexCalculationTest {

    private static BigDecimal d(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static Node node(String code, String parent, String max, String self, String appraised, boolean applies) {
        return new Node(code, parent, d(max), d(self), d(appraised), applies);
    }

    /** Two domains: 1 (1.1 of 6, 1.2 of 4 with 1.2.1 and 1.2.2 of 2 each) and 2 (2.1 of 90). */
    private static List<Node> tree(boolean oneTwoApplies, String appraisedTwoOne) {
        return List.of(
                node("1", null, "10", null, null, true),
                node("1.1", "1", "6", "5.5", "5.25", true),
                node("1.2", "1", "4", null, null, oneTwoApplies),
                node("1.2.1", "1.2", "2", "2", "1.5", true),
                node("1.2.2", "1.2", "2", "1", null, true),
                node("2", null, "90", null, null, true),
                node("2.1", "2", "90", "80.1234", appraisedTwoOne, true));
    }

    @Test
    void everythingApplyingCountsEveryLeafAndAnUnappraisedLeafItsSelfAssessment() {
        Figures f = IndexCalculation.figures(tree(true, "79.0001"), true);
        assertThat(f.maximum()).isEqualByComparingTo("100");
        // 5,25 + 1,5 + 1 (self-assessed: not appraised) + 79,0001
        assertThat(f.score()).isEqualTo(d("86.7501"));
        assertThat(f.index()).isEqualTo(d("86.7501"));
        assertThat(f.selfAssessed()).isEqualTo(d("88.6234"));
        assertThat(f.deduction()).isEqualTo(d("1.8733"));
        assertThat(f.applicableLeaves()).isEqualTo(4);
        assertThat(f.selfAssessedLeaves()).isEqualTo(4);
        assertThat(f.owed()).isZero();
        assertThat(f.appraisedLeaves()).isEqualTo(3);
        assertThat(f.appraised()).isFalse();
    }

    @Test
    void aCriterionThatDoesNotApplyLeavesTheMaximumWithEverythingUnderItAndTheIndexIsScaledTo100() {
        Figures f = IndexCalculation.figures(tree(false, "79.0001"), true);
        assertThat(f.maximum()).isEqualTo(d("96.0000"));
        assertThat(f.score()).isEqualTo(d("84.2501"));
        // 84,2501 × 100 / 96 = 87,76052083… → 87,7605
        assertThat(f.index()).isEqualTo(d("87.7605"));
        assertThat(f.applicableLeaves()).isEqualTo(2);
        assertThat(f.appraised()).isTrue();
        // not scaled: the index is the score, over the body's own maximum shown beside it
        assertThat(IndexCalculation.figures(tree(false, "79.0001"), false).index()).isEqualTo(d("84.2501"));
    }

    @Test
    void eachDomainHasItsOwnScoreMaximumAndPercent() {
        Map<String, Figures> domains = IndexCalculation.domains(tree(false, "79.0001"));
        assertThat(domains.keySet()).containsExactly("1", "2");
        // domain 1 without 1.2: 5,25 of 6 = 87,5 %; domain 2: 79,0001 of 90 = 87,77788… %
        assertThat(domains.get("1").score()).isEqualTo(d("5.2500"));
        assertThat(domains.get("1").maximum()).isEqualTo(d("6.0000"));
        assertThat(domains.get("1").index()).isEqualTo(d("87.5000"));
        assertThat(domains.get("2").index()).isEqualTo(d("87.7779"));
        assertThat(IndexCalculation.mean(java.util.Arrays.asList(d("87.5"), null, d("80.0001"))))
                .isEqualTo(d("83.7501"));
        assertThat(IndexCalculation.mean(List.of())).isNull();
    }

    @Test
    void halfUpAtTheFourthPlaceAndNoIndexOverNothing() {
        assertThat(IndexCalculation.index(d("2"), d("3"), true)).isEqualTo(d("66.6667"));
        assertThat(IndexCalculation.index(d("1"), d("3"), true)).isEqualTo(d("33.3333"));
        assertThat(IndexCalculation.index(d("0"), d("0"), true)).isNull();
        List<Node> none = List.of(node("1", null, "100", "50", null, false));
        assertThat(IndexCalculation.figures(none, true).index()).isNull();
        // a leaf without a self-assessed score is owed, one that does not apply is not
        List<Node> owed = List.of(node("1", null, "100", null, null, true), node("1.1", "1", "60", null, null, true),
                node("1.2", "1", "40", "30", null, true), node("1.3", "1", "0", null, null, false));
        assertThat(IndexCalculation.figures(owed, true).owed()).isEqualTo(1);
    }

    private static final List<Band> BANDS = List.of(new Band("Xuất sắc", d("90"), d("100")),
            new Band("Tốt", d("80"), d("90")), new Band("Khá", d("65"), d("80")),
            new Band("Trung bình", d("50"), d("65")), new Band("Yếu", d("0"), d("50")));

    @Test
    void aBandTableCoversZeroToTheTopWithoutGapOrOverlap() {
        assertThat(IndexCalculation.bandProblems(BANDS, d("100"))).isEmpty();
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("0"), d("60")),
                new Band("B", d("70"), d("100"))), d("100"))).containsExactly("index.bands.gap");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("0"), d("75")),
                new Band("B", d("70"), d("100"))), d("100"))).containsExactly("index.bands.overlap");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("10"), d("100"))), d("100")))
                .containsExactly("index.bands.notFromZero");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("0"), d("99"))), d("100")))
                .containsExactly("index.bands.notToTop");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("0"), d("50")),
                new Band("a", d("50"), d("100"))), d("100"))).containsExactly("index.bands.duplicateName");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("50"), d("50"))), d("100")))
                .contains("index.bands.empty");
        assertThat(IndexCalculation.bandProblems(List.of(new Band(" ", d("0"), d("100"))), d("100")))
                .containsExactly("index.bands.incomplete");
        assertThat(IndexCalculation.bandProblems(List.of(), d("100"))).containsExactly("index.bands.required");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A", d("0"), d("50.00001")),
                new Band("B", d("50.00001"), d("100"))), d("100"))).containsExactly("index.bands.decimals");
        assertThat(IndexCalculation.bandProblems(List.of(new Band("A\u0007", d("0"), d("100"))), d("100")))
                .containsExactly("index.bands.incomplete");
    }

    @Test
    void anIndexFallsInTheBandFromItsLowerBoundAndTheTopBandHoldsTheTop() {
        assertThat(IndexCalculation.bandOf(BANDS, d("90"))).isEqualTo("Xuất sắc");
        assertThat(IndexCalculation.bandOf(BANDS, d("100"))).isEqualTo("Xuất sắc");
        assertThat(IndexCalculation.bandOf(BANDS, d("89.9999"))).isEqualTo("Tốt");
        assertThat(IndexCalculation.bandOf(BANDS, d("0"))).isEqualTo("Yếu");
        assertThat(IndexCalculation.bandOf(BANDS, d("100.0001"))).isNull();
        assertThat(IndexCalculation.bandOf(BANDS, null)).isNull();
    }

    @Test
    void equalIndexesShareARankOrTheSmallerDeductionGoesFirst() {
        List<Ranked> bodies = List.of(new Ranked("A", d("88.5"), d("3")), new Ranked("B", d("91.25"), d("0")),
                new Ranked("C", d("88.5000"), d("1")), new Ranked("D", d("70"), d("0")),
                new Ranked("E", null, d("0")));
        assertThat(IndexCalculation.ranks(bodies, TieBreak.SHARED))
                .isEqualTo(Map.of("B", 1, "A", 2, "C", 2, "D", 4));
        assertThat(IndexCalculation.ranks(bodies, TieBreak.SMALLER_DEDUCTION))
                .isEqualTo(Map.of("B", 1, "C", 2, "A", 3, "D", 4));
        List<Ranked> same = List.of(new Ranked("X", d("80"), d("2")), new Ranked("Y", d("80"), d("2")));
        assertThat(IndexCalculation.ranks(same, TieBreak.SMALLER_DEDUCTION)).isEqualTo(Map.of("X", 1, "Y", 1));
        assertThat(TieBreak.parse("smaller_deduction")).isEqualTo(TieBreak.SMALLER_DEDUCTION);
        assertThat(TieBreak.parse("lottery")).isNull();
    }
}
