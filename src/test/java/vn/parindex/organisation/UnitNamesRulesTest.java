package vn.parindex.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit names as plans print them: case, spacing, dash style and Unicode composition do not matter (no Spring). */
class UnitNamesRulesTest {

    final Unit vhtt = new Unit("VHTT", "Phòng Văn hóa – Thông tin", UnitKind.DISTRICT_OFFICE,
            Set.of("Phòng VH-TT", "Phòng VHTT"));

    @ParameterizedTest(name = "\"{0}\" names VHTT: {1}")
    @CsvSource(delimiter = '|', value = {"Phòng Văn hóa – Thông tin|true", "phòng văn hóa - thông tin|true",
            "Phòng Văn hóa—Thông tin|true", "  Phòng   Văn hóa −  Thông tin |true", "PHÒNG VĂN HÓA – THÔNG TIN|true",
            "Phòng VH-TT|true", "Phòng VH – TT|true", "phòng vhtt|true", "VHTT|true", "vhtt|true",
            "Phòng Văn hóa|false", "Phòng VH|false", "Văn hóa – Thông tin|false", "Phòng Văn hoá – Thông tin|false",
            "''|false"})
    void aUnitAnswersToItsNameCodeAndAliases(String printed, boolean named) {
        assertThat(vhtt.isNamed(printed)).isEqualTo(named);
    }

    @Test
    void decomposedVietnameseMatchesComposed() {
        String decomposed = Normalizer.normalize("Phòng Văn hóa – Thông tin", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Phòng Văn hóa – Thông tin");
        assertThat(vhtt.isNamed(decomposed)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {"Phòng Nội vụ|phòng nội vụ", "  a   b  |a b", "VH – TT|vh-tt", "VH—TT|vh-tt",
            "VH − TT|vh-tt", "a-b|a-b", "a\tb|a b", "''|''"})
    void normalisedForms(String name, String normalised) {
        assertThat(UnitNames.normalise(name)).isEqualTo(normalised);
    }

    @Test
    void noNameIsTheEmptyName() {
        assertThat(UnitNames.normalise(null)).isEmpty();
        assertThat(vhtt.isNamed(null)).isFalse();
    }

    @Test
    void renamingKeepsTheCodeAndAliases() {
        Unit unit = new Unit("TUPHAP", "Phòng Tư pháp", UnitKind.DISTRICT_OFFICE, Set.of("P. Tư pháp"));
        unit.change("Phòng Tư pháp huyện", true);
        assertThat(unit.isNamed("Phòng Tư pháp huyện")).isTrue();
        assertThat(unit.isNamed("Phòng Tư pháp")).as("the old name is gone").isFalse();
        assertThat(unit.isNamed("tuphap")).isTrue();
        assertThat(unit.isNamed("p. tư pháp")).isTrue();
    }
}
