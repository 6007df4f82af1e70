package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.parindex.system.InvalidInputException;

/**
 * The percent of a task's progress as typed on a page (no Spring): a decimal comma or point, blank for none, a
 * number too long to be a percent left for the task's range check, anything else refused with the field's key.
 */
class TaskProgressPercentTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {"60|60", "60,5|60.5",
            "60.5|60.5", " 75 |75", "0|0", "100|100", "007|7", "99,99|99.99", "-5|-5", "12345678|12345678"})
    void aTypedPercentIsReadWithADecimalCommaOrPoint(String typed, BigDecimal percent) {
        assertThat(TaskProgress.percent(typed)).isEqualByComparingTo(percent);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\u2003"})
    void nothingTypedIsNoPercent(String typed) {
        assertThat(TaskProgress.percent(typed)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "1111111111111111111111111111111111111111", "99,999999", "0.000000001"})
    void aNumberLongerThanAnyPercentIsOutOfRange(String typed) {
        // -1 is below every percent: the task's own range check answers for the field
        assertThat(TaskProgress.percent(typed)).isEqualByComparingTo("-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sáu mươi", "60%", "60,5,1", "1.000,5", "NaN", "0x10", "6 0", ",", "--1"})
    void anythingElseIsRefusedAsAPercentOutOfRange(String typed) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> TaskProgress.percent(typed));
        assertThat(e).as(typed).isNotNull();
        assertThat(e.fieldErrors()).containsExactly(java.util.Map.entry("percent", "task.percent.range"));
    }
}
