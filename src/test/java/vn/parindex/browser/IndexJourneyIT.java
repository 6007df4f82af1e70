package vn.parindex.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.organisation.Bodies;
import vn.parindex.system.BodyScope;

/**
 * The appraiser's year in a real browser (issue 25): the province imports three communes and the communes'
 * framework and opens the year; two communes self-assess with evidence; the province appraises one criterion down
 * with a reason; the commune explains; the council settles; the result is published; the ranking and the decision's
 * appendix are downloaded and open in LibreOffice. On a database of its own (the year of the real date): the other
 * browser tests keep a deployment of one body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parindex.test.database=index-journey", "parindex.demo.enabled=true"})
class IndexJourneyIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    java.time.Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theProvincesYearFromFrameworkToPublishedRanking() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        String level = "/province/indexes/" + year + "/COMMUNE";
        try (Browser b = Browser.open(port)) {
            // the province imports its communes, then their framework of the year
            b.login("sonoivu", "demo");
            b.get("/province/indexes");
            b.submit("#province-imports");
            upload(b, csv("ma,ten,cap\nXA_IA,Xã Thử Một,xã\nXA_IB,Xã Thử Hai,xã\nXA_IC,Xã Thử Ba,xã\n"), "bodies",
                    null, null);
            upload(b, csv("stt,ten,diem_toi_da\n1,Lĩnh vực một,40\n1.1,Tiêu chí một,25\n1.2,Tiêu chí hai,15\n"
                    + "2,Lĩnh vực hai,60\n2.1,Tiêu chí ba,60\n"), "framework", String.valueOf(year), "COMMUNE");

            // a date that is no date is answered beside its field, nothing opened
            b.get("/province/indexes");
            b.driver.findElement(By.id("open-year")).sendKeys(String.valueOf(year));
            new Select(b.driver.findElement(By.id("open-level"))).selectByValue("COMMUNE");
            b.driver.findElement(By.id("open-selfAssessmentDue")).sendKeys("31/02/" + year);
            b.submit("#open-submit");
            assertThat(b.driver.findElements(By.id("open-selfAssessmentDue-error"))).hasSize(1);
            assertThat(b.driver.findElements(By.cssSelector("#index-table tr[id^=index-" + year + "-COMMUNE]"))
                    .stream().map(e -> e.getText()).toList()).allMatch(t -> !t.contains("Đang"));
            // the year opened: each commune gets its cycle
            b.driver.findElement(By.id("open-selfAssessmentDue")).clear();
            b.driver.findElement(By.id("open-selfAssessmentDue")).sendKeys(DAY.format(today.minusDays(2)));
            b.driver.findElement(By.id("open-explanationFrom")).sendKeys(DAY.format(today.minusDays(1)));
            b.driver.findElement(By.id("open-explanationTo")).sendKeys(DAY.format(today.plusDays(1)));
            b.submit("#open-submit");
            assertThat(b.driver.getCurrentUrl()).endsWith(level);
            assertThat(b.text("[data-count=bodies]")).isEqualTo("3");
            onBothScreens(b, "30-index-opened");
            b.logout();

            // two communes' Home Affairs (accounts made here: the accounts' own pages are tested elsewhere)
            account("xaia.noivu", "XA_IA");
            account("xaib.noivu", "XA_IB");
            selfAssess(b, "xaia.noivu", year, "25");
            selfAssess(b, "xaib.noivu", year, "20");
            // their other criteria, and the third commune's, as if assessed the same way
            BodyScope.callAll(() -> jdbc.update("update criterion set current_score = max_score - 5 where code in"
                    + " ('1.2', '2.1') and body_id in (select id from body where code in ('XA_IA', 'XA_IB'))"));

            // the province's appraisal queue: the two that self-assessed first
            b.login("sonoivu", "demo");
            b.get(level + "/queue");
            assertThat(b.driver.findElements(By.cssSelector("#queue-table tbody tr")).stream()
                    .map(e -> e.getAttribute("id")).toList()).containsExactly("queue-XA_IA", "queue-XA_IB",
                            "queue-XA_IC");
            onBothScreens(b, "31-appraisal-queue");
            b.submit("#queue-XA_IA a");
            b.submit("#act-1\\.1 a");
            // above the maximum: refused beside the field
            b.driver.findElement(By.id("appraisal-appraisedScore")).sendKeys("26");
            b.driver.findElement(By.id("appraisal-reason")).sendKeys("Thiếu báo cáo quý IV");
            b.submit("#appraisal-submit");
            assertThat(b.driver.findElements(By.id("appraisal-appraisedScore-error"))).hasSize(1);
            b.driver.findElement(By.id("appraisal-appraisedScore")).clear();
            b.driver.findElement(By.id("appraisal-appraisedScore")).sendKeys("20");
            b.submit("#appraisal-submit");
            assertThat(b.text("[data-figure=appraised]")).isEqualTo("20,0000");
            onBothScreens(b, "32-appraised-down");
            b.logout();
            // the rest of the appraisal, through the API as a script of the province would
            for (String[] a : new String[][] {{"XA_IA", "1.2", "10"}, {"XA_IA", "2.1", "55"}, {"XA_IB", "1.1", "20"},
                    {"XA_IB", "1.2", "10"}, {"XA_IB", "2.1", "50"}, {"XA_IC", "1.1", "0"}, {"XA_IC", "1.2", "0"},
                    {"XA_IC", "2.1", "0"}}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/indexes/"
                        + year + "/COMMUNE/bodies/" + a[0] + "/criteria/" + a[1] + "/appraisal"))
                        .header("Authorization", basic("sonoivu")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"appraisedScore\": " + a[2]
                                + ", \"reason\": \"Theo hồ sơ\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(String.join(" ", a) + " " + answer.body()).isEqualTo(200);
            }

            // the commune explains its deduction on its card
            b.login("xaia.noivu", "demo");
            b.get("/cycles/" + year + "/index");
            b.driver.findElement(By.id("explain-1.1-text")).sendKeys("Báo cáo quý IV đã gửi ngày 20/12, kèm theo");
            b.submit("#lost-1\\.1 form button");
            assertThat(b.text("#lost-1\\.1")).contains("Báo cáo quý IV đã gửi ngày 20/12");
            onBothScreens(b, "33-explained");
            b.logout();

            // the council settles, then publishing is refused until the bands are set
            b.login("sonoivu", "demo");
            b.get(level + "/bodies/XA_IA/criteria/1.1");
            assertThat(b.text("[data-figure=explanation]")).contains("Báo cáo quý IV");
            b.driver.findElement(By.id("decision-finalScore")).sendKeys("23");
            b.driver.findElement(By.id("decision-reason")).sendKeys("Chấp nhận một phần giải trình");
            b.submit("#decision-submit");
            assertThat(b.text("[data-figure=appraised]")).isEqualTo("23,0000");
            assertThat(b.text("[data-figure=decision]")).isEqualTo("Chấp nhận một phần giải trình");
            onBothScreens(b, "34-council-decision");
            b.get(level);
            b.submit("#publish-submit");
            assertThat(b.driver.findElements(By.id("index-conflict"))).hasSize(1);
            b.click("#settings summary");
            String[][] bands = {{"Xuất sắc", "90", "100"}, {"Tốt", "80", "90"}, {"Khá", "65", "80"},
                    {"Trung bình", "50", "65"}, {"Yếu", "0", "50"}};
            var names = b.driver.findElements(By.name("bandName"));
            var from = b.driver.findElements(By.name("bandFrom"));
            var to = b.driver.findElements(By.name("bandTo"));
            for (int i = 0; i < bands.length; i++) {
                names.get(i).sendKeys(bands[i][0]);
                from.get(i).sendKeys(bands[i][1]);
                to.get(i).sendKeys(bands[i][2]);
            }
            b.submit("#settings-submit");
            b.submit("#publish-submit");
            // A: 23 + 10 + 55 = 88 (Tốt, first); B: 80 (Tốt); C: 0 (Yếu)
            assertThat(b.text("#result-XA_IA [data-figure=index]")).isEqualTo("88,0000");
            assertThat(b.text("#result-XA_IA td")).isEqualTo("1");
            assertThat(b.text("#result-XA_IB [data-figure=index]")).isEqualTo("80,0000");
            assertThat(b.driver.findElements(By.id("publish-form"))).isEmpty();
            // the leaders' chart is drawn: one bar per commune, the indexes as published
            Object bars = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                    "var c = window.Chart && Chart.getChart('index-chart');"
                    + " return c ? c.data.datasets[0].data.join(';') : 'no chart: ' + typeof window.Chart");
            assertThat(bars).isEqualTo("88;80;0");
            onBothScreens(b, "35-published");

            // the ranking and the decision's appendix, downloaded as the province's people would
            String cookie = "SESSION=" + b.driver.manage().getCookieNamed("SESSION").getValue();
            Path dir = Files.createDirectories(Path.of("target", "index-journey"));
            for (String file : List.of("results.xlsx", "results.docx")) {
                String href = b.driver.findElement(By.id(file.endsWith("xlsx") ? "download-xlsx" : "download-docx"))
                        .getAttribute("href");
                assertThat(href).endsWith(file);
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(answer.statusCode()).isEqualTo(200);
                Files.write(dir.resolve(file), answer.body());
            }
            b.logout();
            opensInLibreOffice(dir, List.of("results.xlsx", "results.docx"));
        }
    }

    /** The page as the office screen and a phone (390 px) show it, whole, under target/screenshots/. */
    private static void onBothScreens(Browser b, String name) {
        b.fullScreenshot(name, 3000);
        b.screen(390, 844);
        b.fullScreenshot(name + "-390", 4000);
        assertThat(PageTourIT.widerThanTheScreen(b)).as(name + " at 390 px").isEmpty();
        b.screen(0, 0);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static Path csv(String text) throws IOException {
        Path file = Files.createTempFile("bang-", ".csv");
        Files.writeString(file, text);
        return file;
    }

    /** An import on the province's page: the file, its kind, year and level, previewed then confirmed. */
    private static void upload(Browser b, Path file, String kind, String year, String level) {
        b.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        new Select(b.driver.findElement(By.id("kind"))).selectByValue(kind);
        if (year != null) {
            b.driver.findElement(By.id("year")).sendKeys(year);
        }
        if (level != null) {
            new Select(b.driver.findElement(By.id("level"))).selectByValue(level);
        }
        b.submit("#preview-import");
        assertThat(b.driver.findElements(By.id("import-preview"))).as(kind).hasSize(1);
        b.submit("#confirm-import");
        assertThat(b.driver.findElements(By.id("import-done"))).as(kind).hasSize(1);
    }

    /** A body's Home Affairs account, with the demo password and nothing to change at first sign-in. */
    private void account(String username, String body) {
        long id = bodies.byCode(body).orElseThrow().id();
        BodyScope.callAll(() -> jdbc.update("insert into app_user (username, display_name, password_hash, role,"
                + " enabled, body_id) select ?, 'Văn phòng HĐND và UBND', password_hash, 'ADMIN', true, ? from app_user"
                + " where username = 'noivu'", username, id));
    }

    /** The commune's Home Affairs sends criterion 1.1 with a PDF as evidence, then approves it. */
    private static void selfAssess(Browser b, String user, int year, String score) throws IOException {
        Path pdf = Files.createTempFile("bao-cao-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n%%EOF\n");
        b.login(user, "demo");
        b.get("/cycles/" + year + "/criteria/1.1");
        b.driver.findElement(By.id("score")).sendKeys(score);
        b.driver.findElement(By.id("comment")).sendKeys("Đã ban hành kế hoạch");
        b.driver.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
        b.submit("#submit-form button[type=submit]");
        assertThat(b.text("#thread")).contains(pdf.getFileName().toString());
        b.submit("form[action*='/approve'] button");
        assertThat(b.text("#current")).startsWith(score + ",0000");
        b.logout();
    }

    /** Each file converted to PDF by LibreOffice (headless): it opens, and its text names the communes. */
    private static void opensInLibreOffice(Path dir, List<String> files) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice"))
                && Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "LibreOffice not installed: the downloads were checked, not opened");
        for (String file : files) {
            Process soffice = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://"
                    + dir.toAbsolutePath().resolve("lo-profile"), "--convert-to", "pdf", "--outdir",
                    dir.toAbsolutePath().toString(), dir.resolve(file).toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
            assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).as(file).isTrue();
            Path pdf = dir.resolve(file.replaceAll("\\.[a-z]+$", ".pdf"));
            assertThat(pdf).as(file).exists();
            String text = new String(new ProcessBuilder("pdftotext", pdf.toString(), "-").start().getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).as(file).contains("Xã Thử Một", "Xã Thử Hai", "Xã Thử Ba");
        }
    }
}
