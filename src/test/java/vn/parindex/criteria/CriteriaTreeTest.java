package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import vn.parindex.system.ConflictException;

/**
 * The read model of a criteria tree (no Spring, no database): natural code order whatever order the rows come in,
 * lead units inherited from the nearest ancestor that names some, coordinating units likewise but never a lead
 * unit twice; and a criterion's own rules for its scores.
 */
class CriteriaTreeTest {

    final Cycle cycle = new Cycle(2023, 2022, CycleStatus.ACTIVE, "Kế hoạch 2023");
    final Map<String, Criterion> byCode = new HashMap<>();
    final List<CriterionUnit> links = new ArrayList<>();
    final Map<Long, UnitRef> units = Map.of(1L, new UnitRef(1, "NV", "Phòng Nội vụ"),
            3L, new UnitRef(3, "TP", "Phòng Tư pháp"), 7L, new UnitRef(7, "VH", "Phòng Văn hóa"));

    private Criterion criterion(String code) {
        Criterion c = new Criterion(cycle, byCode.get(CriterionCode.parentOf(code)), code, byCode.size() + 1,
                "Tiêu chí " + code, new BigDecimal("2.0000"), null, null, null, ScoringMethod.SELF_ASSESSMENT, null);
        ReflectionTestUtils.setField(c, "id", (long) (100 + byCode.size()));
        byCode.put(code, c);
        return c;
    }

    private void link(String code, UnitRole role, long unit, int position) {
        links.add(new CriterionUnit(byCode.get(code).getId(), role, unit, position));
    }

    private Map<String, CriterionView> build() {
        List<Criterion> shuffled = new ArrayList<>(byCode.values());
        java.util.Collections.reverse(shuffled);
        Map<String, CriterionView> views = new java.util.LinkedHashMap<>();
        CriteriaTree.build(shuffled, links, units).forEach(v -> views.put(v.code(), v));
        return views;
    }

    private static List<Long> ids(List<UnitRef> refs) {
        return refs.stream().map(UnitRef::id).toList();
    }

    @Test
    void nodesComeInNaturalOrderWithTheirParentsCode() {
        for (String code : List.of("1", "1.1", "1.2", "1.10", "2", "10", "1.1.1")) {
            criterion(code);
        }
        Map<String, CriterionView> views = build();
        assertThat(views.keySet()).containsExactly("1", "1.1", "1.1.1", "1.2", "1.10", "2", "10");
        assertThat(views.get("1").parentCode()).isNull();
        assertThat(views.get("1.1.1").parentCode()).isEqualTo("1.1");
        assertThat(views.get("1.1.1").level()).isEqualTo(3);
        assertThat(views.get("1.10").id()).isEqualTo(byCode.get("1.10").getId());
    }

    @Test
    void leadUnitsAreInheritedFromTheNearestAncestorThatNamesSome() {
        criterion("1");
        criterion("1.1");
        criterion("1.1.1");
        criterion("1.2");
        criterion("2");
        link("1", UnitRole.LEAD, 1, 0);
        link("1.2", UnitRole.LEAD, 3, 0);
        Map<String, CriterionView> views = build();
        assertThat(ids(views.get("1").leadUnits())).containsExactly(1L);
        assertThat(views.get("1").leadUnitsInherited()).isFalse();
        assertThat(ids(views.get("1.1").leadUnits())).containsExactly(1L);
        assertThat(views.get("1.1").leadUnitsInherited()).isTrue();
        assertThat(ids(views.get("1.1.1").leadUnits())).containsExactly(1L);
        assertThat(views.get("1.1.1").leadUnitsInherited()).isTrue();
        assertThat(ids(views.get("1.2").leadUnits())).containsExactly(3L);
        assertThat(views.get("1.2").leadUnitsInherited()).isFalse();
        // a domain without units has none, and does not count as inherited
        assertThat(views.get("2").leadUnits()).isEmpty();
        assertThat(views.get("2").leadUnitsInherited()).isFalse();
    }

    @Test
    void unitsComeInTheirPositionsOrder() {
        criterion("1");
        link("1", UnitRole.LEAD, 7, 2);
        link("1", UnitRole.LEAD, 1, 0);
        link("1", UnitRole.LEAD, 3, 1);
        assertThat(ids(build().get("1").leadUnits())).containsExactly(1L, 3L, 7L);
    }

    @Test
    void coordinatingUnitsAreInheritedButNeverRepeatALeadUnit() {
        criterion("1");
        criterion("1.1");
        criterion("1.2");
        criterion("1.3");
        link("1", UnitRole.LEAD, 1, 0);
        link("1", UnitRole.COORDINATING, 3, 0);
        link("1", UnitRole.COORDINATING, 7, 1);
        // 1.2 is led by a unit that coordinates its parent: it does not also coordinate 1.2
        link("1.2", UnitRole.LEAD, 3, 0);
        // 1.3 names its own coordinating unit: the parent's are not added
        link("1.3", UnitRole.COORDINATING, 1, 0);
        Map<String, CriterionView> views = build();
        assertThat(ids(views.get("1.1").coordinatingUnits())).containsExactly(3L, 7L);
        assertThat(ids(views.get("1.2").leadUnits())).containsExactly(3L);
        assertThat(ids(views.get("1.2").coordinatingUnits())).containsExactly(7L);
        // 1.3 inherits the lead unit 1, and its own coordinating unit 1 is the lead: none left
        assertThat(ids(views.get("1.3").leadUnits())).containsExactly(1L);
        assertThat(views.get("1.3").coordinatingUnits()).isEmpty();
    }

    @Test
    void theLinkRowsOfTheDatabaseNameTheirUnits() {
        criterion("1");
        long id = byCode.get("1").getId();
        List<CriterionView> views = CriteriaTree.build(List.of(byCode.get("1")), List.of(
                new CriterionUnitRepository.LinkRow(id, UnitRole.COORDINATING, 0, 7L, "VH", "Phòng Văn hóa"),
                new CriterionUnitRepository.LinkRow(id, UnitRole.LEAD, 0, 3L, "TP", "Phòng Tư pháp")));
        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.leadUnits()).containsExactly(new UnitRef(3, "TP", "Phòng Tư pháp"));
            assertThat(v.coordinatingUnits()).containsExactly(new UnitRef(7, "VH", "Phòng Văn hóa"));
        });
        assertThat(CriteriaTree.build(List.of(), List.of())).isEmpty();
    }

    @Test
    void aScoreIsKeptWithFourDecimalsWithinZeroAndTheMaximum() {
        Criterion c = criterion("1");
        c.changeCurrentScore(new BigDecimal("1.5"));
        assertThat(c.getCurrentScore()).isEqualTo(new BigDecimal("1.5000"));
        c.changeCurrentScore(new BigDecimal("2"));
        assertThat(c.getCurrentScore()).isEqualTo(new BigDecimal("2.0000"));
        c.changeCurrentScore(BigDecimal.ZERO);
        assertThat(c.getCurrentScore()).isEqualTo(new BigDecimal("0.0000"));
        c.changeCurrentScore(null);
        assertThat(c.getCurrentScore()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> c.changeCurrentScore(new BigDecimal("2.0001")));
        assertThatIllegalArgumentException().isThrownBy(() -> c.changeTargetScore(new BigDecimal("-0.0001")));
        assertThatIllegalArgumentException().isThrownBy(() -> c.changeBaselineScore(new BigDecimal("3")));
        // more than four decimals is never rounded silently
        org.assertj.core.api.Assertions.assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> c.changeCurrentScore(new BigDecimal("1.00005")));
        assertThat(c.getBaselineScore()).isNull();
        assertThat(c.getTargetScore()).isNull();
    }

    @Test
    void anAppraisalIsRecordedAndClearedWithinTheMaximum() {
        Criterion c = criterion("1");
        c.recordAppraisal(new BigDecimal("1.25"), "Thiếu văn bản");
        assertThat(c.getAppraisedScore()).isEqualTo(new BigDecimal("1.2500"));
        assertThat(c.getAppraisalReason()).isEqualTo("Thiếu văn bản");
        c.recordAppraisal(null, null);
        assertThat(c.getAppraisedScore()).isNull();
        assertThat(c.getAppraisalReason()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> c.recordAppraisal(new BigDecimal("2.5"), null));
    }

    @Test
    void aStaleVersionIsAConflictNamingTheCurrentOne() {
        Criterion c = criterion("1");
        ReflectionTestUtils.setField(c, "version", 4L);
        c.requireVersion(4);
        ConflictException e = catchThrowableOfType(ConflictException.class, () -> c.requireVersion(3));
        assertThat(e.messageKey()).isEqualTo("conflict.criterion");
        assertThat(e.currentVersion()).isEqualTo(4);
        assertThat(c.getLevel()).isEqualTo(1);
        assertThat(criterion("1.1").getLevel()).isEqualTo(2);
    }
}
