package vn.parindex.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a body is named at each level, and the exact lines its official documents print (Nghị định 30/2020). */
class BodyWordingTest {

    static final String PROVINCE = "Bắc Giang";

    @Test
    void aCommune() {
        BodyWording w = new BodyWording(BodyLevel.COMMUNE, "Cao Xá", PROVINCE);
        assertThat(w.superior()).isNull();
        assertThat(w.issuerLines()).containsExactly("ỦY BAN NHÂN DÂN", "XÃ CAO XÁ");
        assertThat(w.abbreviation()).isEqualTo("UBND");
        assertThat(w.headSigner()).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        assertThat(w.deputySigner()).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        assertThat(w.inText()).isEqualTo("xã Cao Xá");
        assertThat(w.sentenceStart()).isEqualTo("Xã Cao Xá");
        assertThat(w.committee()).isEqualTo("UBND xã Cao Xá");
        assertThat(w.committeeOfLevel()).isEqualTo("UBND xã");
        assertThat(w.levelWord()).isEqualTo("xã");
        assertThat(w.leaders()).isEqualTo("Chủ tịch, các PCT UBND xã");
        assertThat(w.place()).isEqualTo("Cao Xá");
        assertThat(w.isPeoplesCommittee()).isTrue();
    }

    @Test
    void aWard() {
        BodyWording w = new BodyWording(BodyLevel.WARD, "Đa Mai", "");
        assertThat(w.superior()).isNull();
        assertThat(w.issuerLines()).containsExactly("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐA MAI");
        assertThat(w.abbreviation()).isEqualTo("UBND");
        assertThat(w.deputySigner()).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        assertThat(w.inText()).isEqualTo("phường Đa Mai");
        assertThat(w.committee()).isEqualTo("UBND phường Đa Mai");
        assertThat(w.leaders()).isEqualTo("Chủ tịch, các PCT UBND phường");
        assertThat(w.place()).isEqualTo("Đa Mai");
    }

    @Test
    void aSpecialZone() {
        BodyWording w = new BodyWording(BodyLevel.SPECIAL_ZONE, "Vân Đồn", PROVINCE);
        assertThat(w.superior()).isNull();
        assertThat(w.issuerLines()).containsExactly("ỦY BAN NHÂN DÂN", "ĐẶC KHU VÂN ĐỒN");
        assertThat(w.inText()).isEqualTo("đặc khu Vân Đồn");
        assertThat(w.sentenceStart()).isEqualTo("Đặc khu Vân Đồn");
        assertThat(w.committee()).isEqualTo("UBND đặc khu Vân Đồn");
        assertThat(w.levelWord()).isEqualTo("đặc khu");
    }

    @Test
    void tanYenAsADistrictIsWhatThe2023PlanPrints() {
        BodyWording w = new BodyWording(BodyLevel.DISTRICT, "Tân Yên", PROVINCE);
        // a People's Committee is its own issuing body: no line above it, whatever the province
        assertThat(w.superior()).isNull();
        assertThat(w.issuerLines()).containsExactly("ỦY BAN NHÂN DÂN", "HUYỆN TÂN YÊN");
        assertThat(w.abbreviation()).isEqualTo("UBND");
        assertThat(w.deputySigner()).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        assertThat(w.inText()).isEqualTo("huyện Tân Yên");
        assertThat(w.sentenceStart()).isEqualTo("Huyện Tân Yên");
        assertThat(w.committee()).isEqualTo("UBND huyện Tân Yên");
        assertThat(w.leaders()).isEqualTo("Chủ tịch, các PCT UBND huyện");
        assertThat(w.place()).isEqualTo("Tân Yên");
    }

    @Test
    void aDepartmentUnderTheProvince() {
        BodyWording w = new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", PROVINCE);
        assertThat(w.superior()).isEqualTo("UBND TỈNH BẮC GIANG");
        assertThat(w.issuerLines()).containsExactly("SỞ TƯ PHÁP");
        assertThat(w.abbreviation()).isEqualTo("STP");
        assertThat(w.headSigner()).containsExactly("GIÁM ĐỐC");
        assertThat(w.deputySigner()).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
        assertThat(w.inText()).isEqualTo("Sở Tư pháp");
        assertThat(w.sentenceStart()).isEqualTo("Sở Tư pháp");
        assertThat(w.committee()).isEqualTo("Sở Tư pháp");
        assertThat(w.levelWord()).isEqualTo("Sở");
        assertThat(w.leaders()).isEqualTo("Giám đốc, các PGĐ Sở");
        assertThat(w.place()).isEqualTo("Bắc Giang");
        assertThat(w.isPeoplesCommittee()).isFalse();
    }

    @Test
    void aDepartmentsAbbreviationAndHeadComeFromItsName() {
        assertThat(dept("Sở Giáo dục và Đào tạo").abbreviation()).isEqualTo("SGDĐT");
        assertThat(dept("Sở Văn hóa, Thể thao và Du lịch").abbreviation()).isEqualTo("SVHTTDL");
        assertThat(dept("Sở Nội vụ").abbreviation()).isEqualTo("SNV");
        assertThat(dept("Ban Quản lý các khu công nghiệp").abbreviation()).isEqualTo("BQL");
        assertThat(dept("Ban Quản lý các khu công nghiệp").deputySigner())
                .containsExactly("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN");
        assertThat(dept("Thanh tra tỉnh").abbreviation()).isEqualTo("TTr");
        assertThat(dept("Thanh tra tỉnh").headSigner()).containsExactly("CHÁNH THANH TRA");
        assertThat(dept("Văn phòng UBND tỉnh").abbreviation()).isEqualTo("VP");
        assertThat(dept("Văn phòng UBND tỉnh").headSigner()).containsExactly("CHÁNH VĂN PHÒNG");
        assertThat(dept("Đài Phát thanh và Truyền hình").abbreviation()).isEqualTo("ĐPTTH");
        assertThat(dept("Đài Phát thanh và Truyền hình").headSigner()).containsExactly("THỦ TRƯỞNG CƠ QUAN");
        assertThat(dept("Đài Phát thanh và Truyền hình").levelWord()).isEqualTo("cơ quan");
    }

    @Test
    void theProvinceLineFollowsWhatIsConfigured() {
        // none configured: no line above the department, its place left to be written in
        BodyWording none = new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "  ");
        assertThat(none.superior()).isNull();
        assertThat(none.province()).isEmpty();
        assertThat(none.place()).isEqualTo("…");
        assertThat(new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", null).superior()).isNull();
        // a centrally-run city, and a province written with its word
        BodyWording city = new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "Thành phố Hải Phòng");
        assertThat(city.superior()).isEqualTo("UBND THÀNH PHỐ HẢI PHÒNG");
        assertThat(city.place()).isEqualTo("Hải Phòng");
        BodyWording tinh = new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "tỉnh  Bắc Giang");
        assertThat(tinh.superior()).isEqualTo("UBND TỈNH BẮC GIANG");
        assertThat(tinh.place()).isEqualTo("Bắc Giang");
    }

    @Test
    void aNameKeptWithItsLevelOrCommitteeIsNamedOnce() {
        assertThat(new BodyWording(BodyLevel.COMMUNE, "UBND xã Cao Xá", "").issuerLines())
                .containsExactly("ỦY BAN NHÂN DÂN", "XÃ CAO XÁ");
        assertThat(new BodyWording(BodyLevel.COMMUNE, " Xã   Cao Xá ", "").name()).isEqualTo("Cao Xá");
        assertThat(new BodyWording(BodyLevel.WARD, "Phường Đa Mai", "").inText()).isEqualTo("phường Đa Mai");
        assertThat(new BodyWording(BodyLevel.DISTRICT, "Huyện Tân Yên", "").inText()).isEqualTo("huyện Tân Yên");
        // a department's name is whole: its "Sở" stays
        assertThat(dept("Sở Tư pháp").name()).isEqualTo("Sở Tư pháp");
    }

    @Test
    void aBodyOfNoNameOrLevelIsRefused() {
        assertThatThrownBy(() -> new BodyWording(null, "Cao Xá", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BodyWording(BodyLevel.COMMUNE, "  ", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BodyWording(BodyLevel.COMMUNE, "UBND xã", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BodyWording(BodyLevel.DEPARTMENT, null, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBodyRefIsWordedByItsLevel() {
        BodyWording w = BodyWording.of(new BodyRef(7, "CAO_XA", "Cao Xá", BodyLevel.COMMUNE), PROVINCE);
        assertThat(List.of(w.level(), w.name(), w.province())).containsExactly(BodyLevel.COMMUNE, "Cao Xá", PROVINCE);
    }

    static BodyWording dept(String name) {
        return new BodyWording(BodyLevel.DEPARTMENT, name, PROVINCE);
    }
}
