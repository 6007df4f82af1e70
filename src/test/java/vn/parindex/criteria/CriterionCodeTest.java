package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CriterionCodeTest {

    @Test
    void sortsNaturallyWithParentsBeforeChildren() {
        List<String> codes = new ArrayList<>(List.of("6.10", "7", "6.9", "6", "10", "2", "6.1", "1.1.2", "1.1", "1",
                "1.1.10"));
        codes.sort(CriterionCode.NATURAL_ORDER);
        assertThat(codes).containsExactly("1", "1.1", "1.1.2", "1.1.10", "2", "6", "6.1", "6.9", "6.10", "7", "10");
    }

    @Test
    void letterSegmentsSortAfterNumbers() {
        assertThat(CriterionCode.compare("1.a", "1.2")).isPositive();
        assertThat(CriterionCode.compare("1.a", "1.B")).isNegative();
        assertThat(CriterionCode.compare("01", "1")).isZero();
    }

    @Test
    void levelAndParent() {
        assertThat(CriterionCode.level("3")).isEqualTo(1);
        assertThat(CriterionCode.level("3.1.2")).isEqualTo(3);
        assertThat(CriterionCode.parentOf("3.1.2")).isEqualTo("3.1");
        assertThat(CriterionCode.parentOf("3")).isNull();
    }

    @Test
    void validity() {
        assertThat(CriterionCode.isValid("6.10")).isTrue();
        assertThat(CriterionCode.isValid("1.1.2")).isTrue();
        assertThat(CriterionCode.isValid("1.")).isFalse();
        assertThat(CriterionCode.isValid(".1")).isFalse();
        assertThat(CriterionCode.isValid("1..2")).isFalse();
        assertThat(CriterionCode.isValid("1 2")).isFalse();
        assertThat(CriterionCode.isValid("")).isFalse();
        assertThat(CriterionCode.isValid(null)).isFalse();
    }
}
