package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.UnitKind;

/** A list's headers, levels and kinds as people write them, with or without diacritics, or as the API names them. */
class ListWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Mã|stt", "ma|stt", "Mã đơn vị|stt", "Tên|ten", "Tên đơn vị|ten", "ten|ten", "Cấp|cap", "cap hanh chinh|cap",
        "Loại|loai", "loai|loai", "Người đứng đầu|nguoi_dung_dau", "nguoi_dung_dau|nguoi_dung_dau",
        "Họ và tên người đứng đầu|nguoi_dung_dau", "Thủ trưởng|nguoi_dung_dau", "Email|email", "E-mail|email",
        "Thư điện tử|email", "STT|''", "Ghi chú|''", "Điểm tối đa|NONE", "Mật khẩu|NONE"})
    void headers(String header, String name) {
        assertThat(ColumnNames.canonicalInList(header).orElse(null)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Xã|COMMUNE", "xa|COMMUNE", "commune|COMMUNE", "Phường|WARD", "Đặc khu|SPECIAL_ZONE",
        "special zone|SPECIAL_ZONE", "SPECIAL_ZONE|SPECIAL_ZONE", "Sở|DEPARTMENT", "sở, ban, ngành|DEPARTMENT",
        "Huyện|DISTRICT", "Thị xã|DISTRICT", "Tỉnh|NONE", "thôn|NONE", "''|NONE"})
    void levels(String text, BodyLevel level) {
        assertThat(BodiesImport.level(text)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Phòng|COMMUNE|OFFICE", "Văn phòng|WARD|OFFICE", "cơ quan chuyên môn|DEPARTMENT|OFFICE",
        "Phòng|DISTRICT|DISTRICT_OFFICE", "Cơ quan chuyên môn|DISTRICT|DISTRICT_OFFICE", "''|DISTRICT|DISTRICT_OFFICE",
        "''|COMMUNE|OFFICE", "Xã|DISTRICT|COMMUNE", "Thị trấn|DISTRICT|COMMUNE", "commune|DISTRICT|COMMUNE",
        "OFFICE|COMMUNE|OFFICE", "hợp tác xã|COMMUNE|NONE", "thôn|COMMUNE|NONE"})
    void kinds(String text, BodyLevel level, UnitKind kind) {
        assertThat(UnitsImport.kind(text, level)).isEqualTo(kind);
    }
}
