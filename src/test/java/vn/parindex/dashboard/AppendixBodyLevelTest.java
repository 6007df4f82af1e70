package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.support.IntegrationTest;

/** The appendix workbook's title names the body at its level (Tân Yên's 2023 figures, worded as other bodies). */
@IntegrationTest
class AppendixBodyLevelTest {

    @Autowired
    ScoreboardService scoreboards;

    String[] titles(BodyWording body) throws Exception {
        var board = scoreboards.forCycle(scoreboards.cycle(2023).orElseThrow());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AppendixFiles.xlsx(AppendixSheet.of(board, body), LocalDate.of(2023, 7, 5), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var s = book.getSheetAt(0);
            return new String[] {s.getRow(1).getCell(0).getStringCellValue(),
                    s.getRow(2).getCell(0).getStringCellValue()};
        }
    }

    @Test
    void theTitleNamesTheBodyAtItsLevel() throws Exception {
        String[] commune = titles(new BodyWording(BodyLevel.COMMUNE, "Cao Xá", "Bắc Giang"));
        assertThat(commune[0]).isEqualTo("MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH XÃ CAO XÁ NĂM 2023");
        assertThat(commune[1]).isEqualTo("(Kèm theo Kế hoạch nâng cao Chỉ số CCHC xã Cao Xá năm 2023; số liệu đến "
                + "ngày 05/07/2023)");
        assertThat(titles(new BodyWording(BodyLevel.WARD, "Đa Mai", ""))[0]).endsWith("HÀNH CHÍNH PHƯỜNG ĐA MAI NĂM 2023");
        assertThat(titles(new BodyWording(BodyLevel.SPECIAL_ZONE, "Vân Đồn", ""))[0])
                .endsWith("HÀNH CHÍNH ĐẶC KHU VÂN ĐỒN NĂM 2023");
        String[] department = titles(new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "Bắc Giang"));
        assertThat(department[0]).endsWith("HÀNH CHÍNH SỞ TƯ PHÁP NĂM 2023");
        assertThat(department[1]).startsWith("(Kèm theo Kế hoạch nâng cao Chỉ số CCHC Sở Tư pháp năm 2023;");
        // Tân Yên as the 2023 plan prints it
        String[] district = titles(new BodyWording(BodyLevel.DISTRICT, "Tân Yên", "Bắc Giang"));
        assertThat(district[0]).isEqualTo("MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN TÂN YÊN NĂM 2023");
        assertThat(district[1]).startsWith("(Kèm theo Kế hoạch nâng cao Chỉ số CCHC huyện Tân Yên năm 2023;");
        // no body: no place
        assertThat(titles(null)[0]).isEqualTo("MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023");
    }
}
