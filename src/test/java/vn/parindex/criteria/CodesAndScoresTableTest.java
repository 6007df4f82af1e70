package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Criterion codes and score bounds as tables of inputs (no Spring): what is accepted, and every way to be refused. */
class CodesAndScoresTableTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "10", "1.1", "6.10", "1.1.2", "2.3.4.5", "A", "1.a", "II", "01.02"})
    void validCodes(String code) {
        assertThat(CriterionCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".", "1.", ".1", "1..2", "1 .2", " 1", "1,1", "1-1", "1/2", "1.1;", "1.1\n", "Đ.1", "a_b",
            "123456789012345678901234567890123"})
    void invalidCodes(String code) {
        assertThat(CriterionCode.isValid(code)).isFalse();
    }

    @Test
    void aCodeOfThirtyTwoCharactersIsTheLongestAccepted() {
        assertThat(CriterionCode.isValid("1".repeat(32))).isTrue();
        assertThat(CriterionCode.isValid("1".repeat(33))).isFalse();
        assertThat(CriterionCode.isValid("1.2".repeat(10) + "34")).isTrue();
    }

    @ParameterizedTest(name = "{0} level {1}, parent {2}")
    @CsvSource(nullValues = "-", value = {"1, 1, -", "1.1, 2, 1", "6.10, 2, 6", "1.1.2, 3, 1.1", "2.3.4.5, 4, 2.3.4",
            "A.b, 2, A"})
    void levelAndParent(String code, int level, String parent) {
        assertThat(CriterionCode.level(code)).isEqualTo(level);
        assertThat(CriterionCode.parentOf(code)).isEqualTo(parent);
    }

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource({"1, 2", "2, 10", "1, 1.1", "1.1, 1.2", "1.9, 1.10", "1.10, 2", "1.1.9, 1.1.10", "1.2, 1.10.1",
            "9.99, 10", "1.1, 1.a", "1.a, 1.b", "1.A, 1.b", "1.1, 1.1.1", "099, 100"})
    void naturalOrder(String before, String after) {
        assertThat(CriterionCode.compare(before, after)).isNegative();
        assertThat(CriterionCode.compare(after, before)).isPositive();
        assertThat(CriterionCode.NATURAL_ORDER.compare(before, after)).isNegative();
    }

    @ParameterizedTest
    @CsvSource({"1, 01", "1.1, 1.01", "1.a, 1.A", "007, 7"})
    void equalCodesCompareEqual(String a, String b) {
        assertThat(CriterionCode.compare(a, b)).isZero();
    }

    @Test
    void sortingAShuffledPlanGivesEveryParentBeforeItsChildren() {
        List<String> codes = new ArrayList<>();
        for (int domain = 1; domain <= 12; domain++) {
            codes.add(String.valueOf(domain));
            for (int criterion = 1; criterion <= 12; criterion++) {
                codes.add(domain + "." + criterion);
                codes.add(domain + "." + criterion + ".1");
            }
        }
        List<String> sorted = new ArrayList<>(codes);
        Collections.shuffle(sorted, new Random(42));
        sorted.sort(CriterionCode.NATURAL_ORDER);
        assertThat(sorted).isEqualTo(codes);
        for (int i = 0; i < sorted.size(); i++) {
            String parent = CriterionCode.parentOf(sorted.get(i));
            if (parent != null) {
                assertThat(sorted.indexOf(parent)).isLessThan(i);
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"0|0.0000", "0,0|0.0000", "1|1.0000", "2,5|2.5000", "2.5|2.5000",
            "9,6419|9.6419", "999|999.0000", "999,9999|999.9999", "12,25000|12.2500", "000012,5|12.5000",
            "' 3 '|3.0000", "84,0256|84.0256"})
    void scoresThatAreAccepted(String text, String value) {
        BigDecimal parsed = Scores.parse(text);
        assertThat(parsed).isEqualTo(new BigDecimal(value));
        assertThat(parsed.scale()).isEqualTo(Scores.SCALE);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {"''|score.invalid", "' '|score.invalid", "-1|score.invalid",
            "+1|score.invalid", "1,|score.invalid", ",5|score.invalid", "1,2,3|score.invalid", "1.000,5|score.invalid",
            "1e2|score.invalid", "hai|score.invalid", "2½|score.invalid", "NaN|score.invalid",
            "Infinity|score.invalid", "0x10|score.invalid", "1 000|score.invalid", "١٢|score.invalid",
            "1,23456|score.tooManyDecimals", "0,00001|score.tooManyDecimals", "1000|score.aboveMax",
            "1000,0|score.aboveMax", "12345|score.aboveMax"})
    void scoresThatAreRefused(String text, String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse(text)).withMessage(key);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 0", "0.5, 0.5000", "2.75, 2.7500", "999.9999, 999.9999", "1.10000000, 1.1000", "12E-1, 1.2000",
            "0.0001, 0.0001"})
    void jsonNumbersWithinBoundsBecomeScoreText(String number, String text) {
        assertThat(Scores.plainText(new BigDecimal(number))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"-0.0001, score.invalid", "-5, score.invalid", "1000, score.aboveMax", "1E3, score.aboveMax",
            "999.99995, score.tooManyDecimals", "0.00001, score.tooManyDecimals", "1E+2147483647, score.aboveMax",
            "1E-2147483647, score.tooManyDecimals"})
    void jsonNumbersOutOfBoundsAreRefusedByKey(String number, String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal(number)))
                .withMessage(key);
    }

    @Test
    void whatPlainTextGivesParsesBackToTheSameScore() {
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            BigDecimal score = BigDecimal.valueOf(random.nextInt(10_000_000), 4);
            assertThat(Scores.parse(Scores.plainText(score))).isEqualByComparingTo(score);
            assertThat(Scores.parse(Scores.plainText(score).replace('.', ','))).isEqualByComparingTo(score);
        }
    }

    @Test
    void normaliseGivesFourDecimalsAndNeverRounds() {
        assertThat(Scores.normalise(new BigDecimal("2.5"))).isEqualTo(new BigDecimal("2.5000"));
        assertThat(Scores.normalise(null)).isNull();
        assertThatArithmeticException(() -> Scores.normalise(new BigDecimal("2.50001")));
    }

    private static void assertThatArithmeticException(Runnable action) {
        org.assertj.core.api.Assertions.assertThatExceptionOfType(ArithmeticException.class).isThrownBy(action::run);
    }
}
