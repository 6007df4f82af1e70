package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleRepository;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.support.IntegrationTest;

/**
 * The Word documents speak the body's level: Tân Yên's 2023 figures issued as a commune's, a ward's and a department's
 * (issuing lines, number, place, signer, recipients, the appendix's "Kèm theo"), read back with POI; and Tân Yên, the
 * install's body, still as the district it is. Nothing is written.
 */
@IntegrationTest
class BodyLevelDocumentsTest {

    @Autowired
    DistrictReports district;

    @Autowired
    ReportCalendars calendars;

    @Autowired
    ReportDocuments documents;

    @Autowired
    CycleRepository cycles;

    @Autowired
    BodyWordings wordings;

    @Autowired
    vn.parindex.dossier.DossierService dossiers;

    static final BodyWording COMMUNE = new BodyWording(BodyLevel.COMMUNE, "Cao Xá", "Bắc Giang");
    static final BodyWording WARD = new BodyWording(BodyLevel.WARD, "Đa Mai", "Bắc Giang");
    static final BodyWording DEPARTMENT = new BodyWording(BodyLevel.DEPARTMENT, "Sở Tư pháp", "Bắc Giang");

    DistrictReport report(BodyWording body) {
        Cycle cycle = cycles.findByYear(2023).orElseThrow();
        DistrictReport r = district.compile(cycle, calendars.period(cycle, "2023-Q2"));
        return new DistrictReport(r.period(), r.deadline(), body, r.scores(), r.assessments(), r.tasks(), r.inputs(),
                r.units(), LocalDate.of(2023, 7, 5));
    }

    @Test
    void theInstallsBodyIsTanYenTheDistrict() {
        BodyWording body = wordings.current();
        assertThat(body.level()).isEqualTo(BodyLevel.DISTRICT);
        assertThat(body.name()).isEqualTo("Tân Yên");
        assertThat(district.compile(cycles.findByYear(2023).orElseThrow(),
                calendars.period(cycles.findByYear(2023).orElseThrow(), "2023-Q2")).body()).isEqualTo(body);
    }

    @Test
    void aCommunesReportIsIssuedAndSignedByItsPeoplesCommittee() throws Exception {
        try (XWPFDocument doc = docx(out -> documents.district(report(COMMUNE), out))) {
            assertThat(issuingLines(doc)).containsExactly("ỦY BAN NHÂN DÂN", "XÃ CAO XÁ");
            assertThat(numberAndPlace(doc)).startsWith("Số:").contains("/BC-UBND").contains("Cao Xá, ngày 05 tháng 7");
            assertThat(authority(doc, 3)).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
            assertThat(recipients(doc)).containsExactly("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);",
                    "- TT Đảng ủy, TT HĐND xã (b/c);", "- Chủ tịch, các PCT UBND xã;",
                    "- Các cơ quan, đơn vị thuộc UBND xã;", "- Lưu: VT.");
            String text = ReportApiIntegrationTest.text(doc);
            assertThat(text).contains("Chỉ số cải cách hành chính (Par Index) của xã đạt", "của UBND xã Cao Xá)")
                    .doesNotContain("của huyện đạt", "các cơ quan của huyện", "Huyện Tân Yên", "HUYỆN TÂN YÊN", "Huyện ủy", "UBND huyện Tân Yên");
        }
    }

    @Test
    void aWardsSelfAssessmentNamesTheWard() throws Exception {
        try (XWPFDocument doc = docx(out -> documents.selfAssessment(report(WARD), dossiers.overview(2023), out))) {
            assertThat(issuingLines(doc)).containsExactly("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐA MAI");
            assertThat(authority(doc, 3)).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
            assertThat(recipients(doc)).containsExactly("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);",
                    "- Chủ tịch, các PCT UBND phường;", "- Lưu: VT.");
            assertThat(ReportApiIntegrationTest.text(doc)).contains("Phường Đa Mai đã tự đánh giá")
                    .doesNotContain("của huyện đạt", "các cơ quan của huyện", "Huyện Tân Yên", "HUYỆN TÂN YÊN", "Huyện ủy", "UBND huyện Tân Yên");
        }
    }

    @Test
    void aDepartmentsReportIsUnderTheProvinceAndSignedForItsDirector() throws Exception {
        try (XWPFDocument doc = docx(out -> documents.district(report(DEPARTMENT), out))) {
            assertThat(issuingLines(doc)).containsExactly("UBND TỈNH BẮC GIANG", "SỞ TƯ PHÁP");
            assertThat(numberAndPlace(doc)).contains("/BC-STP").contains("Bắc Giang, ngày 05 tháng 7");
            assertThat(authority(doc, 2)).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC");
            assertThat(recipients(doc)).containsExactly("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);",
                    "- Giám đốc, các PGĐ Sở;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT.");
            assertThat(ReportApiIntegrationTest.text(doc)).contains("của Sở đạt", "của Sở Tư pháp)")
                    .doesNotContain("của huyện đạt", "các cơ quan của huyện", "Huyện Tân Yên", "HUYỆN TÂN YÊN", "Huyện ủy", "UBND huyện Tân Yên");
        }
        // Sở Nội vụ's own report does not go to itself
        assertThat(ReportDocuments.recipients(new BodyWording(BodyLevel.DEPARTMENT, "Sở Nội vụ", ""), false))
                .containsExactly("- UBND tỉnh (b/c);", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT.");
    }

    @Test
    void anOfficesInputIsUnderItsBody() throws Exception {
        ReportPeriod period = calendars.period(cycles.findByYear(2023).orElseThrow(), "2023-Q2");
        UnitInput input = new UnitInput(period, LocalDate.of(2023, 6, 20), new UnitStatus(new UnitRef(0, "VP",
                "Văn phòng HĐND và UBND"), ReportInputStatus.DRAFT, false, false, null, null, null, null, null, null,
                0), List.of(), "", "");
        Issuer issuer = Issuer.unit(COMMUNE, "Văn phòng HĐND và UBND", false, null, null);
        try (XWPFDocument doc = docx(out -> documents.unit(input, issuer, COMMUNE, LocalDate.of(2023, 7, 5), out))) {
            assertThat(issuingLines(doc)).containsExactly("UBND XÃ CAO XÁ", "VĂN PHÒNG HĐND VÀ UBND");
            assertThat(numberAndPlace(doc)).contains("/BC-VP").contains("Cao Xá, ngày");
            assertThat(authority(doc, 1)).containsExactly("CHÁNH VĂN PHÒNG");
            assertThat(recipients(doc)).containsExactly("- Văn phòng HĐND và UBND (t/h);", "- Lưu: VT.");
        }
        // a department's division, under the department; the body's word ending an office's name is no initial
        Issuer division = Issuer.unit(DEPARTMENT, "Phòng Hành chính tư pháp Sở", false, null, null);
        assertThat(division.superior()).isEqualTo("SỞ TƯ PHÁP");
        assertThat(division.number("BC")).endsWith("/BC-HCTP");
        assertThat(Issuer.unit(COMMUNE, "Phòng Kinh tế xã", false, null, null).abbreviation()).isEqualTo("KT");
        assertThat(Issuer.abbreviation("Phòng Lao động – Thương binh và Xã hội")).isEqualTo("LĐTBXH");
        // Tân Yên's offices as before
        assertThat(Issuer.unit(wordings.current(), "Phòng Tư pháp", false, null, null).superior())
                .isEqualTo("UBND HUYỆN TÂN YÊN");
        assertThat(ReportDocuments.compiler(wordings.current())).isEqualTo("Phòng Nội vụ");
    }

    interface Writer {
        void write(java.io.OutputStream out) throws Exception;
    }

    static XWPFDocument docx(Writer writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    /** The top-left cell's lines: the superior's (if any) and the issuing body's. */
    static List<String> issuingLines(XWPFDocument doc) {
        XWPFTable heading = (XWPFTable) doc.getBodyElements().get(0);
        return heading.getRow(0).getCell(0).getParagraphs().stream().map(XWPFParagraph::getText)
                .filter(t -> !t.isEmpty()).toList();
    }

    static String numberAndPlace(XWPFDocument doc) {
        XWPFTable heading = (XWPFTable) doc.getBodyElements().get(0);
        return heading.getRow(1).getCell(0).getText() + " | " + heading.getRow(1).getCell(1).getText();
    }

    static List<String> authority(XWPFDocument doc, int lines) {
        return closing(doc).getRow(0).getCell(1).getParagraphs().subList(0, lines).stream()
                .map(XWPFParagraph::getText).toList();
    }

    static List<String> recipients(XWPFDocument doc) {
        List<String> to = new ArrayList<>();
        for (XWPFParagraph p : closing(doc).getRow(0).getCell(0).getParagraphs()) {
            if (p.getText().startsWith("- ")) {
                to.add(p.getText());
            }
        }
        return to;
    }

    static XWPFTable closing(XWPFDocument doc) {
        return doc.getTables().stream().filter(t -> t.getText().contains("Nơi nhận:")).findFirst().orElseThrow();
    }
}
