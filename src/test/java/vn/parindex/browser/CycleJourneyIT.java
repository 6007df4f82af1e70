package vn.parindex.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.parindex.support.RealServerTest;

/**
 * A year's end in a real browser: Home Affairs records the province's appraisal of a few criteria, reads the
 * reconciliation, closes 2023 and starts 2024 with one criterion renumbered; the 2024 pages start from 2023's
 * official results and the renumbered criterion's trend runs across both years. Screenshots under
 * target/screenshots/ (its own database: closing 2023 would end the other journeys' year).
 */
@RealServerTest
@TestPropertySource(properties = "parindex.test.database=year-life-browser")
class CycleJourneyIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void appraise(Browser b, String code, String score, String reason) {
        String row = "#appraise-" + code.replace(".", "\\.");
        WebElement field = b.driver.findElement(By.cssSelector(row + " input[name=appraisedScore]"));
        field.clear();
        field.sendKeys(score);
        if (reason != null) {
            b.driver.findElement(By.cssSelector(row + " input[name=reason]")).sendKeys(reason);
        }
        b.submit(row + " button[type=submit]");
    }

    @Test
    void homeAffairsAppraisesClosesTheYearAndStartsTheNextWithACriterionRenumbered() {
        browser = Browser.open(port);
        Browser b = browser;
        b.login("noivu", "demo");
        // the self-assessed score of 1.1, so that the province's appraisal deducts from it
        b.get("/cycles/2023/criteria/1.1");
        b.driver.findElement(By.id("scores-currentScore")).sendKeys("3");
        b.driver.findElement(By.id("scores-comment")).sendKeys("Tự đánh giá đạt tối đa");
        b.submit("#scores-form button[type=submit]");

        b.get("/cycles/2023/reconciliation");
        b.screenshot("40-appraisal-entry");
        appraise(b, "1.1", "2,5", "Kế hoạch CCHC ban hành chậm so với quy định");
        appraise(b, "1.2", "2", null);
        appraise(b, "1.3", "1,75", null);
        assertThat(b.text("#appraised-count")).startsWith("3/");
        assertThat(b.text("#deduction-1\\.1")).contains("3,0000", "2,5000", "−0,5000",
                "Kế hoạch CCHC ban hành chậm", "Phòng Nội vụ");
        b.screenshot("41-reconciliation");
        b.get("/cycles/2023/criteria/1.1");
        assertThat(b.text("#appraised")).isEqualTo("2,5000");
        b.screenshot("42-criterion-appraised");

        b.get("/admin/cycles");
        b.screenshot("43-cycles");
        b.click("#close-2023");
        b.driver.switchTo().alert().accept();
        b.loaded();
        assertThat(b.text("#cycle-2023")).contains("Đã kết thúc");

        b.driver.findElement(By.id("start-year")).isDisplayed();
        WebElement year = b.driver.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2024");
        WebElement from = b.driver.findElement(By.id("from"));
        from.clear();
        from.sendKeys("2023");
        b.driver.findElement(By.id("mapping")).sendKeys("1.5 → 1.7");
        b.submit("#preview-start");
        assertThat(b.text("#start-mapping")).contains("1.7", "1.5", "Sáng kiến");
        b.screenshot("44-start-preview");
        b.submit("#start-year");
        assertThat(b.driver.getCurrentUrl()).contains("year=2024");
        // the 2024 dashboard: baselines are 2023's official results (1.1 appraised at 2,5)
        b.click("#row-1 .domain-toggle");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(5))
                .until(d -> d.findElement(By.id("row-1.1")).isDisplayed());
        assertThat(b.text("#row-1\\.1")).contains("2,5000");
        assertThat(b.text("#row-1\\.7")).contains("Sáng kiến");
        b.screenshot("45-dashboard-2024");
        b.submit("#row-1\\.7 a");
        assertThat(b.text("h1")).contains("1.7");
        assertThat(b.text("#trend")).contains("2023", "mã 1.5", "2024");
        b.screenshot("46-renumbered-criterion-trend");
        b.logout();
    }
}
