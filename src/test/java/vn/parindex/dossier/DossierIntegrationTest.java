package vn.parindex.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.PrintedWorkbooks;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * The self-assessment dossier: Home Affairs lists the documents a criterion needs, the lead unit attaches files and
 * explains what is missing, the completeness shows per domain and unit, and the whole dossier downloads as one .zip
 * (a folder per criterion code with its documents and an index workbook) and the report as .docx.
 */
@WorkflowTest
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

    /** The dossier's .zip as its entries in order, each once, every name flagged as UTF-8. */
    Map<String, byte[]> zip(String user) throws Exception {
        byte[] zip = mvc.perform(get("/api/v1/cycles/2023/dossier.zip").with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getGeneralPurposeBit().usesUTF8ForNames()).as("UTF-8 flag of %s", e.getName()).isTrue();
                assertThat(entries.put(e.getName(), in.readAllBytes())).as("%s once", e.getName()).isNull();
            }
        }
        return entries;
    }

    /** A path Windows extracts as it is: no forbidden character, no trailing dot or space, no device name. */
    static void assertWindowsExtracts(String path) {
        for (String segment : path.split("/", -1)) {
            assertThat(segment).as("a part of %s", path).isNotEmpty().hasSizeLessThanOrEqualTo(100)
                    .doesNotContainPattern("[<>:\"\\\\|?*\\x00-\\x1F\\x7F]").doesNotEndWith(".").doesNotEndWith(" ");
            assertThat(segment.split("\\.")[0].strip().toUpperCase(java.util.Locale.ROOT)).as("a part of %s", path)
                    .doesNotMatch("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");
        }
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
        // with a list, the overview counts against it and says nothing of a missing list (EmptyDossierTest: without)
        assertThat(page("/cycles/2023/dossier", "lanhdao").select("#no-checklist")).isEmpty();

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
        // 2.1, which the unit leads, now lacks a document: not every criterion of the unit is complete (other tests of
        // the shared database may have completed its others)
        var unit = overview.select("#unit-TUPHAP");
        assertThat(Integer.parseInt(unit.attr("data-complete"))).isLessThan(Integer.parseInt(unit.attr("data-criteria")));

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

        Map<String, byte[]> entries = zip("lanhdao");
        // a folder only for a criterion with documents (1.1 has none), the report and the appendix at the root
        assertThat(entries).containsKeys("muc-luc.xlsx", "bao-cao-tu-danh-gia-2023.docx", "phu-luc-2023.xlsx");
        assertThat(entries.keySet()).noneMatch(name -> name.startsWith("1.1/"));
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

    @Test
    void theCriteriaListFollowsTheChosenDomainAndAnUnknownDomainIsNotFound() throws Exception {
        Document all = page("/cycles/2023/dossier", "tuphap");
        List<String> every = all.select("#dossier-criteria tbody tr").eachAttr("id");
        assertThat(every).contains("dossier-1.1", "dossier-2.1");
        assertThat(all.select("#dossier-shown")).as("nothing to say when all are listed").isEmpty();
        // each domain's name leads to its own list
        assertThat(all.select("#domain-2 a").attr("href")).contains("/cycles/2023/dossier?domain=2");

        Document second = page("/cycles/2023/dossier?domain=2", "tuphap");
        List<String> shown = second.select("#dossier-criteria tbody tr").eachAttr("id");
        assertThat(shown).isNotEmpty().allMatch(id -> id.startsWith("dossier-2."))
                .isEqualTo(every.stream().filter(id -> id.startsWith("dossier-2.")).toList());
        assertThat(second.select("#dossier-shown").attr("data-domain")).isEqualTo("2");
        assertThat(second.select("#dossier-all").attr("href")).contains("/cycles/2023/dossier");
        assertThat(second.select("#domain-2 a").attr("aria-current")).isEqualTo("true");

        for (String domain : new String[] {"9", "2.1", "<script>"}) {
            mvc.perform(get("/cycles/2023/dossier").param("domain", domain).with(SignedIn.as(users, "tuphap")))
                    .andExpect(status().isNotFound());
        }
        // a parameter longer than any field is refused before it is used (the application's bound on parameters)
        mvc.perform(get("/cycles/2023/dossier").param("domain", "x".repeat(3000)).with(SignedIn.as(users, "tuphap")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theZipExtractsOnWindowsPrintsItsIndexAndCarriesTheReportAndTheAppendix() throws Exception {
        String base = "/cycles/2023/criteria/1.4/dossier";
        mvc.perform(post(base + "/items").param("name", "Kế hoạch tuyên truyền CCHC")
                .with(SignedIn.as(users, "noivu")).with(csrf())).andExpect(status().is3xxRedirection());
        long item = item("Kế hoạch tuyên truyền CCHC");
        String longName = "Báo cáo kết quả kiểm tra, rà soát văn bản quy phạm pháp luật năm 2023 ".repeat(2) + ".pdf";
        for (String name : new String[] {"a:b?c*.pdf", "Báo cáo <rà soát> \"2023\" | bản chính.pdf", "Kế hoạch.pdf",
                "KẾ HOẠCH.pdf", longName, "CON.pdf"}) {
            byte[] content = ("%PDF-1.4\n%" + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            mvc.perform(multipart(base + "/items/" + item + "/files")
                    .file(new MockMultipartFile("file", name, "application/pdf", content))
                    .with(SignedIn.as(users, "vhtt")).with(csrf())).andExpect(status().is3xxRedirection());
        }

        Map<String, byte[]> entries = zip("lanhdao");
        for (String name : entries.keySet()) {
            assertWindowsExtracts(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            if (name.endsWith("/")) {
                assertThat(entries.keySet()).as("files in %s", name)
                        .anyMatch(other -> other.startsWith(name) && !other.endsWith("/"));
            }
        }
        // a folder only for criteria with documents: none for 1.1 or 3.1, which have none
        assertThat(entries.keySet()).noneMatch(name -> name.startsWith("1.1/") || name.startsWith("3.1/"));
        assertThat(entries).containsKeys("1.4/01-a_b_c_.pdf", "1.4/01-Báo cáo _rà soát_ _2023_ _ bản chính.pdf",
                "1.4/01-Kế hoạch.pdf", "1.4/01-KẾ HOẠCH (2).pdf", "1.4/01-CON.pdf");
        assertThat(new String(entries.get("1.4/01-a_b_c_.pdf"), StandardCharsets.UTF_8)).contains("%a:b?c*.pdf");
        String shortened = entries.keySet().stream().filter(n -> n.startsWith("1.4/01-Báo cáo kết quả")).findFirst()
                .orElseThrow();
        assertThat(shortened).endsWith(".pdf").hasSizeLessThanOrEqualTo("1.4/".length() + 100);

        // the self-assessment report and the appendix open, and the workbooks print
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(entries.get("bao-cao-tu-danh-gia-2023.docx")))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023");
        }
        try (XSSFWorkbook appendix = new XSSFWorkbook(new ByteArrayInputStream(entries.get("phu-luc-2023.xlsx")))) {
            assertThat(appendix.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("PHỤ LỤC");
            assertThat(appendix.getSheetAt(0).getLastRowNum()).isGreaterThan(50);
        }
        try (XSSFWorkbook index = new XSSFWorkbook(new ByteArrayInputStream(entries.get("muc-luc.xlsx")))) {
            Sheet list = index.getSheetAt(0);
            assertThat(list.getRow(0).getCell(0).getStringCellValue()).isEqualTo("DANH MỤC TÀI LIỆU KIỂM CHỨNG");
            assertThat(list.getRow(1).getCell(0).getStringCellValue()).contains("NĂM 2023").contains("TÂN YÊN");
            assertThat(list.getRow(DossierIndex.HEADER_ROW).getCell(DossierIndex.FILE).getStringCellValue())
                    .isEqualTo("Tệp trong hồ sơ");
            // the index names each file by its path in the archive
            java.util.List<String> paths = java.util.stream.StreamSupport.stream(list.spliterator(), false)
                    .filter(r -> r.getRowNum() > DossierIndex.HEADER_ROW)
                    .map(r -> r.getCell(DossierIndex.FILE).getStringCellValue()).toList();
            assertThat(paths).contains("1.4/01-a_b_c_.pdf", "1.4/01-KẾ HOẠCH (2).pdf", shortened);
            assertThat(entries.keySet()).containsAll(paths.stream().filter(p -> !p.equals(DossierIndex.MISSING)).toList());
            PrintedWorkbooks.assertPrintsOnA4Landscape(list, DossierIndex.HEADER_ROW);
            assertThat(PrintedWorkbooks.assertRowsFitTheirText(list, 0)).isPositive();
            // printed: the columns a reader checks, up to the summary; the technical ones stay in the file
            assertThat(index.getPrintArea(0)).endsWith("$A$1:$H$" + (list.getLastRowNum() + 1));
            Row row = list.getRow(paths.indexOf("1.4/01-a_b_c_.pdf") + DossierIndex.HEADER_ROW + 1);
            assertThat(row.getCell(DossierIndex.SIZE).getNumericCellValue()).isPositive();
            assertThat(row.getCell(DossierIndex.SHA256).getStringCellValue()).hasSize(64);
            Sheet explanations = index.getSheet("Giải trình");
            assertThat(explanations.getRow(0).getCell(0).getStringCellValue()).startsWith("GIẢI TRÌNH");
            PrintedWorkbooks.assertPrintsOnA4Landscape(explanations, DossierIndex.HEADER_ROW);
            PrintedWorkbooks.assertRowsFitTheirText(explanations, 0);
        }
    }
}
