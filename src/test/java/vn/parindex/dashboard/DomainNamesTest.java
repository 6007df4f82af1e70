package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Công tác chỉ đạo, điều hành CCHC|Chỉ đạo, điều hành",
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật|Văn bản QPPL",
            "Cải cách TTHC|Cải cách TTHC",
            "Cải cách tổ chức bộ máy|Cải cách tổ chức bộ máy",
            "Cải cách tài chính công|Cải cách tài chính công",
            "Xây dựng chính quyền điện tử, chính quyền số|Chính quyền số",
            "Nâng cao năng lực quản lý nhà nước về đô thị|Nâng cao năng lực quản…",
            "Mộttừrấtdàikhôngcókhoảngtrắngnàocả|Mộttừrấtdàikhôngcókhoản…"})
    void shortNames(String name, String expected) {
        assertThat(DomainNames.shortName(name)).isEqualTo(expected).hasSizeLessThanOrEqualTo(DomainNames.MAX);
    }
}
