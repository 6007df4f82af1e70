package vn.parindex.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.parindex.criteria.CriterionCode;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRef;

/**
 * The self-assessment against the province's appraisal, from a cycle as read (no Spring): only criteria without
 * parts count, totals only where both scores exist, rows only where points were deducted.
 */
class ReconciliationTest {

    static final UnitRef TU_PHAP = new UnitRef(3, "TP", "Phòng Tư pháp");
    static final UnitRef NOI_VU = new UnitRef(1, "NV", "Phòng Nội vụ");

    private final List<CriterionView> criteria = new ArrayList<>();

    private void add(String code, String max, String current, String appraised, String reason, UnitRef... leads) {
        criteria.add(new CriterionView(criteria.size() + 1, code, CriterionCode.parentOf(code),
                CriterionCode.level(code), criteria.size(), "Tiêu chí " + code, new BigDecimal(max), null, null,
                current == null ? null : new BigDecimal(current), null, ScoringMethod.SELF_ASSESSMENT, null, 0,
                List.of(leads), false, List.of(), appraised == null ? null : new BigDecimal(appraised), reason));
    }

    private Reconciliation.View view(CycleStatus status) {
        return Reconciliation.of(new CycleView(9, 2023, 2022, status, "Kế hoạch 2023", null, null, null, null, null,
                null, null, null, List.copyOf(criteria)));
    }

    @Test
    void aYearWithoutCriteriaHasNothingToReconcile() {
        Reconciliation.View view = view(CycleStatus.PLANNING);
        assertThat(view.year()).isEqualTo(2023);
        assertThat(view.status()).isEqualTo(CycleStatus.PLANNING);
        assertThat(view.criteriaCount()).isZero();
        assertThat(view.appraisedCount()).isZero();
        assertThat(view.selfAssessedTotal()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(view.appraisedTotal()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(view.deductedTotal()).isEqualByComparingTo("0");
        assertThat(view.rows()).isEmpty();
    }

    @Test
    void onlyCriteriaWithoutPartsAreCountedAndADeductionIsARow() {
        // a parent's own scores (the sum of its parts) must not count twice
        add("1", "5.0000", "4.0000", "3.0000", null);
        add("1.1", "2.0000", "2.0000", "1.5000", "Thiếu tài liệu kiểm chứng", TU_PHAP, NOI_VU);
        add("1.2", "3.0000", "2.0000", "2.0000", null, TU_PHAP);
        add("2", "1.0000", "1.0000", null, null, NOI_VU);
        Reconciliation.View view = view(CycleStatus.CLOSED);

        assertThat(view.criteriaCount()).isEqualTo(3);
        assertThat(view.appraisedCount()).isEqualTo(2);
        assertThat(view.selfAssessedTotal()).isEqualByComparingTo("4.0");
        assertThat(view.appraisedTotal()).isEqualByComparingTo("3.5");
        assertThat(view.deductedTotal()).isEqualByComparingTo("0.5");
        assertThat(view.rows()).singleElement().satisfies(row -> {
            assertThat(row.code()).isEqualTo("1.1");
            assertThat(row.maxScore()).isEqualByComparingTo("2");
            assertThat(row.selfAssessedScore()).isEqualByComparingTo("2");
            assertThat(row.appraisedScore()).isEqualByComparingTo("1.5");
            assertThat(row.deduction()).isEqualByComparingTo("0.5");
            assertThat(row.reason()).isEqualTo("Thiếu tài liệu kiểm chứng");
            assertThat(row.leadUnits()).containsExactly("Phòng Tư pháp", "Phòng Nội vụ");
        });
    }

    @Test
    void anAppraisalWithoutASelfAssessmentCountsAsAppraisedButNotInTheTotals() {
        add("1", "2.0000", null, "1.0000", "Không tự đánh giá", TU_PHAP);
        add("2", "2.0000", "2.0000", "2.0000", null, TU_PHAP);
        Reconciliation.View view = view(CycleStatus.ACTIVE);
        assertThat(view.appraisedCount()).isEqualTo(2);
        assertThat(view.selfAssessedTotal()).isEqualByComparingTo("2");
        assertThat(view.appraisedTotal()).isEqualByComparingTo("2");
        assertThat(view.deductedTotal()).isEqualByComparingTo("0");
        assertThat(view.rows()).isEmpty();
    }

    @Test
    void pointsTheProvinceAddedAreNoRowButLowerTheDeductedTotal() {
        add("1", "2.0000", "1.0000", "1.5000", null, TU_PHAP);
        add("2", "2.0000", "2.0000", "1.2500", "Chậm tiến độ", NOI_VU);
        add("3", "1.0000", "0.5000", "0.5000", null);
        Reconciliation.View view = view(CycleStatus.CLOSED);
        assertThat(view.rows()).extracting(Reconciliation.Row::code).containsExactly("2");
        assertThat(view.rows().get(0).leadUnits()).containsExactly("Phòng Nội vụ");
        assertThat(view.selfAssessedTotal()).isEqualByComparingTo("3.5");
        assertThat(view.appraisedTotal()).isEqualByComparingTo("3.25");
        assertThat(view.deductedTotal()).isEqualByComparingTo("0.25");
    }

    @Test
    void rowsFollowTheCyclesOrderAndCannotBeChanged() {
        add("1", "1.0000", "1.0000", "0.5000", null);
        add("6.9", "1.0000", "1.0000", "0.0000", null);
        add("6.10", "1.0000", "1.0000", "0.7500", null);
        Reconciliation.View view = view(CycleStatus.CLOSED);
        assertThat(view.rows()).extracting(Reconciliation.Row::code).containsExactly("1", "6.9", "6.10");
        assertThat(view.rows()).extracting(Reconciliation.Row::leadUnits).allSatisfy(u -> assertThat(u).isEmpty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> view.rows().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
