package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextsTest {

    @Test
    void aNoteIsCutBetweenCharactersNeverInsideAnEmoji() {
        String text = "ab\uD83D\uDE00cd"; // a, b, 😀 (two chars), c, d
        assertThat(ReportInputs.cut(text, 3)).isEqualTo("ab");
        assertThat(ReportInputs.cut(text, 4)).isEqualTo("ab\uD83D\uDE00");
        assertThat(ReportInputs.cut(text, 100)).isEqualTo(text);
        assertThat(ReportInputs.cut("", 5)).isEmpty();
    }

    @Test
    void theAppendixSaysWhichReportItGoesWithAndItsDateAsTheDecreeWritesIt() {
        Issuer district = Issuer.district("Tân Yên");
        assertThat(ReportDocuments.attachedTo(district, "Tân Yên",
                OfficialDocx.dateLine(java.time.LocalDate.of(2023, 2, 5))))
                .isEqualTo("(Kèm theo Báo cáo số       /BC-UBND ngày 05 tháng 02 năm 2023 của UBND huyện Tân Yên)");
    }

    @Test
    void aSignersNameIsAPersonsNotAPost() {
        assertThat(Issuer.personName("Nguyễn Văn An")).isEqualTo("Nguyễn Văn An");
        assertThat(Issuer.personName("Phó Đức Phương")).isEqualTo("Phó Đức Phương");
        assertThat(Issuer.personName("Trưởng phòng Tư pháp")).isNull();
        assertThat(Issuer.personName("Phó trưởng phòng Tư pháp")).isNull();
        assertThat(Issuer.personName("Phó Chánh Văn phòng")).isNull();
        assertThat(Issuer.personName("  ")).isNull();
    }
}
