package vn.parindex.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.support.IntegrationTest;

/** The index workbook's titles name the body whose dossier it is, at its level. */
@IntegrationTest
class DossierIndexBodyLevelTest {

    @Autowired
    DossierService dossiers;

    @Autowired
    BodyWordings wordings;

    List<String> headings(BodyWording body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DossierIndex.write(dossiers.overview(2023), body, List.of(), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            return List.of(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue(),
                    book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void theTitlesNameTheBody() throws Exception {
        String heading = "HỒ SƠ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023";
        assertThat(headings(new BodyWording(BodyLevel.COMMUNE, "Cao Xá", "")))
                .containsOnly(heading + " CỦA UBND XÃ CAO XÁ");
        assertThat(headings(new BodyWording(BodyLevel.WARD, "Đa Mai", "")))
                .containsOnly(heading + " CỦA UBND PHƯỜNG ĐA MAI");
        assertThat(headings(new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "Bắc Giang")))
                .containsOnly(heading + " CỦA SỞ TƯ PHÁP");
        // the install's body, Tân Yên, as before
        assertThat(headings(wordings.current())).containsOnly(heading + " CỦA UBND HUYỆN TÂN YÊN");
        assertThat(headings(null)).containsOnly(heading);
    }
}
