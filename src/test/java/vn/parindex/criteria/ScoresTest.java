package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoresTest {

    @Test
    void acceptsDecimalCommaAndPointWithFourPlaces() {
        assertThat(Scores.parse("9,6419")).isEqualTo(new BigDecimal("9.6419"));
        assertThat(Scores.parse("1.25")).isEqualTo(new BigDecimal("1.2500"));
        assertThat(Scores.parse("1")).isEqualTo(new BigDecimal("1.0000"));
        assertThat(Scores.parse(" 2,50 ")).isEqualTo(new BigDecimal("2.5000"));
        assertThat(Scores.parse("0,500000")).isEqualTo(new BigDecimal("0.5000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-1", "1,2,3", "1.000,5", "1e3", "+2", ",5", "5,"})
    void rejectsWhatIsNoScore(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse(text)).withMessage("score.invalid");
    }

    @Test
    void rejectsMoreThanFourDecimals() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse("1,23456"))
                .withMessage("score.tooManyDecimals");
    }

    @Test
    void rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse(null));
    }

    @Test
    void numbersFromJsonAreJudgedByPrecisionAndScaleWithoutWritingThemOut() {
        assertThat(Scores.plainText(new BigDecimal("2.75"))).isEqualTo("2.7500");
        assertThat(Scores.plainText(new BigDecimal("1.250000000"))).isEqualTo("1.2500");
        assertThat(Scores.plainText(new BigDecimal("0E-20"))).isEqualTo("0");
        assertThat(Scores.plainText(new BigDecimal("999"))).isEqualTo("999.0000");
        // a billion digits if written out: refused from its scale alone
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal("1e999999999")))
                .withMessage("score.aboveMax");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal("1e-999999999")))
                .withMessage("score.tooManyDecimals");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal("1000")))
                .withMessage("score.aboveMax");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal("1.00001")))
                .withMessage("score.tooManyDecimals");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.plainText(new BigDecimal("-0.5")))
                .withMessage("score.invalid");
    }

    @Test
    void typedTextIsBoundedBeforeItIsParsed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse("1".repeat(1_000_000)))
                .withMessage("score.invalid");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse("0".repeat(40) + "1"))
                .withMessage("score.invalid");
        assertThatIllegalArgumentException().isThrownBy(() -> Scores.parse("1000"))
                .withMessage("score.aboveMax");
        assertThat(Scores.parse("0001,5")).isEqualTo(new BigDecimal("1.5000"));
    }
}
