package vn.parindex.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.parindex.support.RealServerTest;

/** The main journeys in a real browser, with a screenshot of each page under target/screenshots/. */
@RealServerTest
class BrowserJourneyIT {

    /**
     * The journeys one after another, as one test: the dashboard's figures are read before 2.2 is approved and the
     * forecast after it, so the test calls the steps in order rather than the test engine ordering them.
     */
    @Test
    void theMainJourneys() throws Exception {
        eachRoleLogsInAndReadsTheDashboard();
        aDomainOpensToItsCriteriaAndACriterionPageShowsItsWeakness();
        aUnitHeadSubmitsWithAFileAndHomeAffairsApproves();
        theUserCanSwitchToEnglish();
        homeAffairsEntersTheRankingAndAWhatIfChangesTheForecast();
        aUnitReportsOnItsTaskAndQuarterHomeAffairsReturnsItThenDownloadsTheDistrictsReport();
    }

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    Browser browser() {
        if (browser == null) {
            browser = Browser.open(port);
        }
        return browser;
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        if (browser != null) {
            browser.forget();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void eachRoleLogsInAndReadsTheDashboard() {
        Browser b = browser();
        b.get("/");
        assertThat(b.driver.getCurrentUrl()).endsWith("/login");
        b.screenshot("01-login");
        for (String user : new String[] {"lanhdao", "tuphap", "noivu"}) {
            b.login(user, "demo");
            // each role lands on its first screen: leaders the dashboard, a head of office the unit's page, Home
            // Affairs what needs action
            assertThat(b.driver.getCurrentUrl()).endsWith(Map.of("lanhdao", "/", "tuphap", "/units/TUPHAP",
                    "noivu", "/todo").get(user));
            b.screenshot("02-landing-" + user);
            b.get("/");
            // cards in 2 decimals as the plan's prose writes them, the exact figure on hover
            assertThat(b.text("#total-baseline")).isEqualTo("84,03");
            assertThat(b.driver.findElement(org.openqa.selenium.By.id("total-baseline")).getAttribute("title"))
                    .isEqualTo("84,0256");
            assertThat(b.text("#total-target")).isEqualTo("92,00");
            assertThat(b.text("#discrepancies")).contains("26,3604", "26,4038");
            b.screenshot("02-dashboard-" + user);
            b.logout();
        }
    }

    void aDomainOpensToItsCriteriaAndACriterionPageShowsItsWeakness() {
        Browser b = browser();
        b.login("lanhdao", "demo");
        b.click("#row-1 .domain-toggle");
        new WebDriverWait(b.driver, Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("row-1.3")).isDisplayed());
        b.screenshot("03-domain-expanded");
        b.submit("#row-1\\.3 a");
        assertThat(b.text("h1")).contains("1.3", "Công tác kiểm tra CCHC");
        assertThat(b.text("#weakness")).startsWith("Không tổ chức kiểm tra công tác CCHC");
        b.screenshot("04-criterion");
        b.submit("nav .breadcrumb a[href$='/criteria/1']");
        assertThat(b.text("#parts")).contains("1.3", "Công tác kiểm tra CCHC");
        b.screenshot("04a-domain-page");
        b.get("/units");
        assertThat(b.text("#unit-table")).contains("Phòng Tư pháp");
        b.screenshot("04b-units");
        b.submit("#unit-TUPHAP a");
        assertThat(b.text("#leading")).contains("2.2");
        b.screenshot("04c-unit-tuphap");
        b.get("/cycles/2023/appendix");
        assertThat(b.text("#appendix")).contains("Công tác kiểm tra CCHC", "84,0256");
        b.screenshot("04d-appendix-for-printing");
        b.logout();
    }

    void aUnitHeadSubmitsWithAFileAndHomeAffairsApproves() throws Exception {
        Browser b = browser();
        Path pdf = Files.createTempFile("bien-ban", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n%%EOF\n");
        b.login("tuphap", "demo");
        b.get("/assignments");
        b.screenshot("05-assignments-tuphap");
        b.get("/cycles/2023/criteria/2.2");
        b.driver.findElement(By.id("score")).sendKeys("2,8");
        b.driver.findElement(By.id("comment")).sendKeys("Đã rà soát toàn bộ văn bản năm 2023");
        b.driver.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
        b.submit("#submit-form button[type=submit]");
        assertThat(b.text("#thread")).contains("Chờ rà soát", "2,8000", pdf.getFileName().toString());
        b.screenshot("06-submitted");
        b.logout();

        b.login("noivu", "demo");
        b.get("/review");
        b.screenshot("07-review-queue");
        b.submit("#queue a");
        b.submit("form[action*='/approve'] button");
        assertThat(b.text("#current")).startsWith("2,8000");
        b.screenshot("08-approved");
        b.get("/");
        // progress as a count, never a partial sum a reader could take for the district's score
        assertThat(b.text("#assessed-count")).isEqualTo("1/41 tiêu chí");
        b.logout();
    }

    void theUserCanSwitchToEnglish() {
        Browser b = browser();
        b.login("lanhdao", "demo");
        b.driver.findElement(By.linkText("EN")).click();
        assertThat(b.text("h1")).contains("Public Administration Reform Index 2023");
        b.screenshot("09-dashboard-english");
        b.driver.findElement(By.linkText("VI")).click();
        assertThat(b.text("h1")).contains("Chỉ số cải cách hành chính năm 2023");
        b.logout();
    }

    void homeAffairsEntersTheRankingAndAWhatIfChangesTheForecast() {
        Browser b = browser();
        b.login("noivu", "demo");
        String[][] peers = {{"Huyện A", "90,1"}, {"Huyện B", "89,5"}, {"Huyện C", "88,2"}, {"Huyện D", "87,9"},
                {"Huyện E", "87,0"}, {"Huyện F", "86,6"}, {"Huyện G", "85,3"}, {"Huyện H", "83,5"}, {"Huyện I", "80,2"}};
        for (String[] peer : peers) {
            b.get("/cycles/2023/ranking");
            b.driver.findElement(By.id("district")).sendKeys(peer[0]);
            b.driver.findElement(By.id("total")).sendKeys(peer[1]);
            b.submit("#peer-form button[type=submit]");
        }
        assertThat(b.driver.findElements(By.cssSelector("#peers tbody tr"))).hasSize(9);
        b.screenshot("10-ranking");
        b.logout();

        b.login("lanhdao", "demo");
        // 2.2 was approved at 2,8 (baseline 3): projection 84,0256 − 0,2 = 83,8256, still 8th of 10
        assertThat(b.text("#total-projection")).isEqualTo("83,83");
        assertThat(b.driver.findElement(org.openqa.selenium.By.id("total-projection")).getAttribute("title"))
                .isEqualTo("83,8256");
        assertThat(b.text("#forecast-rank")).contains("8/10");
        assertThat(b.text("#points-for-rank")).contains("3,17");
        assertThat(b.driver.findElements(By.cssSelector("#top-recoverable tbody tr"))).hasSize(5);
        assertThat(b.text("#whatif-result")).contains("83,8256", "8/10");
        b.click("#whatif input[data-code='3.3'][data-kind='max']");
        b.click("#whatif input[data-code='1.5'][data-kind='max']");
        // 3.3: +2 and 1.5: +1,5 → 87,3256, only four districts above: 5th of 10
        assertThat(b.text("#whatif-result")).contains("87,3256", "5/10");
        b.screenshot("11-dashboard-whatif");
        b.get("/");
        assertThat(b.text("#total-projection")).as("nothing was saved").isEqualTo("83,83");
        b.get("/cycles/2023/points");
        b.screenshot("12-points-at-stake");
        b.logout();
    }

    void aUnitReportsOnItsTaskAndQuarterHomeAffairsReturnsItThenDownloadsTheDistrictsReport() throws Exception {
        Browser b = browser();
        b.login("tuphap", "demo");
        // the navigation bar's count of what is due or late arrives after the page
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("todo-badge")).getText()
                .isBlank());
        b.click("#todo-link");
        b.loaded();
        assertThat(b.text("h1")).isEqualTo("Việc cần làm");
        // the tests run on the real date: 2023 is over, its late items are one line, each one click away
        assertThat(b.text("#todo-year-over")).contains("Năm 2023");
        b.click("#todo-year-over a");
        b.loaded();
        assertThat(b.text("#todo")).contains("Gửi báo cáo quý I năm 2023", "Quá hạn");
        b.screenshot("12-todo-tuphap");

        // the unit's tasks, then progress on the first one
        b.get("/tasks");
        assertThat(b.driver.getCurrentUrl()).endsWith("/cycles/2023/tasks?unit=TUPHAP");
        b.screenshot("13-tasks-tuphap");
        b.submit("table.tasks tbody tr[data-task] a");
        b.driver.findElement(By.id("note")).sendKeys("Đã ban hành Kế hoạch kiểm tra, rà soát văn bản năm 2023");
        b.driver.findElement(By.id("percent")).sendKeys("40");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("status"))).selectByValue("IN_PROGRESS");
        b.submit("#progress-form button[type=submit]");
        assertThat(b.text("#task-updates")).contains("Đã ban hành Kế hoạch kiểm tra", "40%");
        assertThat(b.text("#task-status")).contains("Đang thực hiện");
        b.screenshot("14-task-progress");

        // the Q1 input, sent
        b.get("/cycles/2023/reports/2023-Q1/units/TUPHAP");
        b.driver.findElement(By.cssSelector("#input-form textarea[name^='results']"))
                .sendKeys("Quý I: rà soát 12 văn bản QPPL, đề nghị bãi bỏ 2 văn bản");
        b.driver.findElement(By.id("difficulties")).sendKeys("Cán bộ kiêm nhiệm nhiều việc");
        b.submit("#send-input");
        assertThat(b.text("#input-status")).contains("Đã gửi");
        b.logout();

        // Home Affairs returns it with a reason
        b.login("noivu", "demo");
        b.get("/cycles/2023/reports/2023-Q1");
        assertThat(b.text("#period-units tr[data-unit='TUPHAP']")).contains("Đã gửi");
        b.submit("#period-units tr[data-unit='TUPHAP'] a");
        b.driver.findElement(By.id("return-reason")).sendKeys("Đề nghị bổ sung số liệu văn bản đã bãi bỏ");
        b.submit("#return-input");
        assertThat(b.text("#period-units tr[data-unit='TUPHAP']")).contains("Bị trả lại");
        b.logout();

        // sent again
        b.login("tuphap", "demo");
        b.get("/cycles/2023/reports/2023-Q1/units/TUPHAP");
        assertThat(b.text("#returned-because")).contains("bổ sung số liệu");
        var result = b.driver.findElement(By.cssSelector("#input-form textarea[name^='results']"));
        result.clear();
        result.sendKeys("Quý I: rà soát 12 văn bản QPPL, đã bãi bỏ 2 văn bản (Quyết định số 05, 07)");
        b.submit("#send-input");
        assertThat(b.text("#input-status")).contains("Đã gửi");
        b.logout();

        // Home Affairs reads the period and downloads the district's report
        b.login("noivu", "demo");
        b.get("/cycles/2023/reports/2023-Q1");
        assertThat(b.text("#period-units tr[data-unit='TUPHAP']")).contains("Đã gửi");
        b.screenshot("15-report-period-2023-Q1");
        String href = b.driver.findElement(By.id("download-report")).getAttribute("href");
        assertThat(href).endsWith("/cycles/2023/reports/2023-Q1.docx");
        // the browser's own request, with its session: the bytes as base64
        Object base64 = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(buffer => {
                    let text = ''; new Uint8Array(buffer).forEach(x => text += String.fromCharCode(x));
                    done(btoa(text));
                }).catch(e => done('failed: ' + e));""", href);
        byte[] docx = java.util.Base64.getDecoder().decode(base64.toString());
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("bao-cao-cchc-2023-Q1.docx"), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText())
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(text).contains("quý I năm 2023", "đã bãi bỏ 2 văn bản", "Cán bộ kiêm nhiệm");
        }
        // the dashboard warns of overdue tasks (asked for after the page loads)
        b.get("/");
        new WebDriverWait(b.driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("overdue-warning")).isDisplayed());
        assertThat(b.text("#overdue-warning")).contains("quá hạn");
        b.get("/todo");
        assertThat(b.text("h1")).isEqualTo("Việc cần đôn đốc");
        assertThat(b.text("#todo")).contains("Tiếp nhận báo cáo quý I năm 2023");
        b.screenshot("16-todo-noivu");
        b.logout();
    }
}
