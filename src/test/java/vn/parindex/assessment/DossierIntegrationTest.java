package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;

/**
 * The self-assessment dossier: Home Affairs lists the documents a criterion needs, the lead unit attaches files and
 * explains what is missing, the completeness shows per domain and unit, and the whole dossier downloads as one .zip
 * (a folder per criterion code with its documents and an index workbook) and the report as .docx.
 */
@IntegrationTest
@TestPropertySource(properties = "parindex.test.database=dossier")
class DossierIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    Document page(String path, String user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(SignedIn.as(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from evidence_item) + (select count(*) from evidence) "
                + "+ (select count(*) from criterion_explanation) + (select count(*) from change_history)", Long.class);
    }

    long item(String name) {
        return jdbc.queryForObject("select id from evidence_item where name = ?", Long.class, name);
    }

    @Test
    void theDossierIsListedAttachedExplainedAndDownloaded() throws Exception {
        String base = "/cycles/2023/criteria/2.1/dossier";
        long before = written();
        mvc.perform(post(base + "/items").param("name", " ").with(SignedIn.as(users, "noivu")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/items").param("name", "x".repeat(301)).with(SignedIn.as(users, "noivu"))
                .with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post(base + "/items").param("name", "Nghị quyết").with(SignedIn.as(users, "tuphap"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/cycles/2023/criteria/9.9/dossier/items").param("name", "x").with(SignedIn.as(users, "noivu"))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(written()).isEqualTo(before);

        for (String name : new String[] {"Văn bản QPPL do HĐND, UBND huyện ban hành", "Báo cáo công tác xây dựng VBQPPL"}) {
            mvc.perform(post(base + "/items").param("name", name).param("note", "bản chụp có dấu")
                    .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is3xxRedirection());
        }
        long first = item("Văn bản QPPL do HĐND, UBND huyện ban hành");
        long second = item("Báo cáo công tác xây dựng VBQPPL");

        before = written();
        mvc.perform(multipart(base + "/items/" + first + "/files")
                .file(new MockMultipartFile("file", "van-ban.pdf", "application/pdf", PDF))
                .with(SignedIn.as(users, "lanhdao")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(base + "/items/" + first + "/files")
                .file(new MockMultipartFile("file", "van-ban.pdf", "application/pdf", "<html>".getBytes()))
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(multipart(base + "/items/999999/files")
                .file(new MockMultipartFile("file", "van-ban.pdf", "application/pdf", PDF))
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().isNotFound());
        assertThat(written()).isEqualTo(before);
        mvc.perform(multipart(base + "/items/" + first + "/files")
                .file(new MockMultipartFile("file", "van-ban.pdf", "application/pdf", PDF))
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().is3xxRedirection());

        Document criterion = page(base, "tuphap");
        assertThat(criterion.select("#item-" + first).text()).contains("van-ban.pdf");
        assertThat(criterion.select("#item-" + second).text()).contains("Chưa có tài liệu");
        Document overview = page("/cycles/2023/dossier", "lanhdao");
        assertThat(overview.select("#dossier-2\\.1").text()).contains("1/2").contains("Cần giải trình");
        assertThat(overview.select("#unit-TUPHAP").text()).contains("0/");

        mvc.perform(post(base + "/explanation").param("text", "").with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/explanation").param("text", "x").with(SignedIn.as(users, "vhtt")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/explanation").param("text", "Báo cáo năm gửi qua hệ thống, chưa có bản giấy")
                .with(SignedIn.as(users, "tuphap")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/cycles/2023/dossier", "lanhdao").select("#dossier-2\\.1").text()).contains("Đã giải trình")
                .doesNotContain("Cần giải trình");

        // an item with a file stays listed; an empty one may go
        mvc.perform(post(base + "/items/" + first + "/delete").param("version", "0").with(SignedIn.as(users, "noivu"))
                .with(csrf())).andExpect(status().isConflict());

        byte[] zip = mvc.perform(get("/api/v1/cycles/2023/dossier.zip").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("2.1/", "1.1/", "muc-luc.xlsx");
        assertThat(entries.get("2.1/01-van-ban.pdf")).isEqualTo(PDF);
        try (XSSFWorkbook index = new XSSFWorkbook(new ByteArrayInputStream(entries.get("muc-luc.xlsx")))) {
            String rows = java.util.stream.StreamSupport.stream(index.getSheetAt(0).spliterator(), false)
                    .map(r -> r.getCell(0) + "|" + r.getCell(2) + "|" + r.getCell(4)).collect(Collectors.joining("\n"));
            assertThat(rows).contains("2.1|Văn bản QPPL do HĐND, UBND huyện ban hành|2.1/01-van-ban.pdf")
                    .contains("2.1|Báo cáo công tác xây dựng VBQPPL|CHƯA CÓ");
            String explained = java.util.stream.StreamSupport.stream(index.getSheet("Giải trình").spliterator(), false)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("2.1")).findFirst().orElseThrow()
                    .getCell(3).getStringCellValue();
            assertThat(explained).isEqualTo("Báo cáo năm gửi qua hệ thống, chưa có bản giấy");
        }

        byte[] docx = mvc.perform(get("/cycles/2023/self-assessment.docx").with(SignedIn.as(users, "noivu")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("BÁO CÁO").contains("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023")
                    .contains("Báo cáo năm gửi qua hệ thống, chưa có bản giấy").contains("KHÓ KHĂN, VƯỚNG MẮC");
        }
        long version = jdbc.queryForObject("select version from evidence_item where id = ?", Long.class, second);
        mvc.perform(post(base + "/items/" + second + "/delete").param("version", String.valueOf(version))
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from evidence_item where id = ?", Long.class, second)).isZero();
    }
}
