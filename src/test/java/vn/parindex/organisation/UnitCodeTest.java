package vn.parindex.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for a unit code, shared by unit administration and filters by unit. */
class UnitCodeTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "TUPHAP|TUPHAP", "tuphap|TUPHAP", "' XA_CAOXA '|XA_CAOXA", "X1|X1",
            "X|", "''|", "TU PHAP|", "TUPHAP'--|", "PHÒNG|", "A\u0000B|",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345|ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456|"})
    void aCodeIsTwoToThirtyTwoCapitalsDigitsOrUnderscores(String typed, String stored) {
        assertThat(Unit.code(typed).orElse(null)).isEqualTo(stored);
    }
}
