package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Column headers as people write them, in Vietnamese with or without accents, in English or as the shared CSV
 * names them, recognised as the importer's column names (no Spring).
 */
class ColumnNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "stt|stt", "STT|stt", "Số TT|stt", "No.|stt", "Mã|stt", "Mã tiêu chí|stt", "code|stt", "Mã số|stt",
            "ten|ten", "Tên|ten", "Tên tiêu chí|ten", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần|ten", "Name|ten",
            "Criterion|ten", "Domain / criterion|ten",
            "diem_toi_da|diem_toi_da", "Điểm tối đa|diem_toi_da", "ĐIỂM TỐI ĐA|diem_toi_da", "Tối đa|diem_toi_da",
            "Max|diem_toi_da", "Maximum score|diem_toi_da",
            "diem_2022|diem_2022", "Điểm năm 2022|diem_2022", "Điểm 2022|diem_2022", "Score in 2022|diem_2022",
            "2022 score|diem_2022", "Điểm chính thức năm 2022|diem_2022",
            "muc_tieu_2023|muc_tieu_2023", "Mục tiêu năm 2023|muc_tieu_2023", "Target 2023|muc_tieu_2023",
            "Target for 2023|muc_tieu_2023", "2023 target|muc_tieu_2023",
            "tang_giam_in_tren_ke_hoach|tang_giam_in_tren_ke_hoach", "Tăng (+)/giảm (-)|tang_giam_in_tren_ke_hoach",
            "Change|tang_giam_in_tren_ke_hoach",
            "co_quan_chu_tri|co_quan_chu_tri", "Cơ quan chủ trì|co_quan_chu_tri", "Đơn vị chủ trì|co_quan_chu_tri",
            "Lead unit|co_quan_chu_tri", "Lead agency|co_quan_chu_tri",
            "ton_tai_han_che_2022|ton_tai_han_che_2022", "Tồn tại, hạn chế năm 2022|ton_tai_han_che_2022",
            "Weaknesses in 2022|ton_tai_han_che_2022",
            "Điểm hiện tại|diem_hien_tai", "Current score|diem_hien_tai",
            "Điểm thẩm định|diem_tham_dinh", "Appraised score|diem_tham_dinh", "Appraisal|diem_tham_dinh",
            "Lý do trừ điểm|ly_do_tru_diem", "Reason for the deduction|ly_do_tru_diem",
            "Deduction reason|ly_do_tru_diem"})
    void headersAreRecognised(String header, String name) {
        assertThat(ColumnNames.canonical(header)).contains(name);
    }

    @ParameterizedTest(name = "{0} is read past")
    @ValueSource(strings = {"Còn thiếu so với mục tiêu", "Còn thiếu", "Gap", "Gap to the target", "Trạng thái",
            "STATUS"})
    void theExportsOwnColumnsAreReadPast(String header) {
        assertThat(ColumnNames.canonical(header)).contains(ColumnNames.IGNORED);
    }

    @ParameterizedTest(name = "{0} is not a column")
    @ValueSource(strings = {"Ghi chú", "Điểm", "Mục tiêu", "Năm 2023", "Điểm năm 23", "Target 20231", "stt2",
            "Tên đơn vị phối hợp", "maxi", "   ", "---"})
    void otherHeadersAreNotRecognised(String header) {
        assertThat(ColumnNames.canonical(header)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noHeaderIsNoColumn(String header) {
        assertThat(ColumnNames.canonical(header)).isEmpty();
        assertThat(ColumnNames.plain(header)).isEmpty();
    }

    @Test
    void plainTextHasNoAccentsNoCaseAndSingleSpaces() {
        assertThat(ColumnNames.plain("  Đơn vị   CHỦ trì ")).isEqualTo("don vi chu tri");
        assertThat(ColumnNames.plain("Tăng (+)/giảm (-)")).isEqualTo("tang giam");
        assertThat(ColumnNames.plain("diem_toi_da")).isEqualTo("diem toi da");
        assertThat(ColumnNames.plain("Điểm\tnăm\n2022")).isEqualTo("diem nam 2022");
        assertThat(ColumnNames.plain("Ñandú Ü")).isEqualTo("nandu u");
    }

    @Test
    void aLongHeaderIsCutBeforeItIsRead() {
        assertThat(ColumnNames.plain("a".repeat(1000))).hasSize(200);
        assertThat(ColumnNames.canonical("Tên" + " ".repeat(500) + "tiêu chí")).contains(PlanTableParser.NAME);
        assertThat(ColumnNames.canonical("x".repeat(100_000))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is the total row")
    @ValueSource(strings = {"Tổng điểm", "TỔNG CỘNG", "Tổng", "tong cong", "Total", "Total score", " Tổng điểm: "})
    void totalRows(String name) {
        assertThat(ColumnNames.isTotal(name)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not the total row")
    @ValueSource(strings = {"Tổng số hồ sơ", "Tổng hợp", "Subtotal", "Điểm tổng", "Công tác chỉ đạo, điều hành", ""})
    void otherNamesAreNotTheTotalRow(String name) {
        assertThat(ColumnNames.isTotal(name)).isFalse();
    }

    @Test
    void noNameIsNotTheTotalRow() {
        assertThat(ColumnNames.isTotal(null)).isFalse();
    }
}
