package vn.parindex.framework;

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
}
