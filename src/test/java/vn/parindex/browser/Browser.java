package vn.parindex.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with no network but localhost. Tests using it are skipped,
 * saying so, only when no browser is installed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser tests skipped: no Chromium/ChromeDriver at " + CHROMIUM + " and " + DRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,768", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    /**
     * Shows pages on a screen this wide and high (CSS pixels), as a phone does below 768 px (its viewport meta tag
     * applies, scrollbars float over the page); {@code 0} goes back to the window's own size (1366×768).
     */
    void screen(int width, int height) {
        ChromeDriver chrome = (ChromeDriver) driver;
        if (width == 0) {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        } else {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
        }
    }

    void get(String path) {
        driver.get(base + path);
    }

    void login(String username, String password) {
        get("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        // "Đăng xuất" is in the menu under the person's name, at the top (a page opened at an anchor is scrolled)
        ((JavascriptExecutor) driver).executeScript("window.scrollTo({top: 0, left: 0, behavior: 'instant'})");
        driver.findElement(By.id("user-menu")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("logout")).isDisplayed());
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));
    }

    /** Scrolls the element to the middle of the screen and clicks it, as a person would. */
    void click(String css) {
        WebElement element = driver.findElement(By.cssSelector(css));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Clicks a button that loads a new page, and waits for that page. */
    void submit(String css) {
        // a mark on the old page's window: gone once the new page is there (asking the old page's elements whether
        // they are stale races with the navigation: Chromium may answer with another error than "stale")
        ((JavascriptExecutor) driver).executeScript("window.parindexOldPage = true");
        click(css);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.parindexOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Waits until the page has loaded completely (the new page may still be arriving when the old one is gone). */
    void loaded() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Forgets the session, whatever page the browser is on. */
    void forget() {
        driver.manage().deleteAllCookies();
    }

    /** The visible text of an element, waiting a little for it to appear. */
    String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(css))).getText();
    }

    /** Saves a screenshot of the whole page under {@code target/screenshots/}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // PNG encoded for speed rather than size: half the cost of WebDriver's screenshot, a quarter of the tour
            java.util.Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot",
                    java.util.Map.of("format", "png", "optimizeForSpeed", true));
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saves the whole page, down to {@code maxHeight} CSS pixels, in parts 1500 pixels high (readable when opened)
     * under {@code target/screenshots/<name>-1.png}, {@code -2.png}…
     */
    void fullScreenshot(String name, int maxHeight) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        int height = Math.min(((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue(),
                maxHeight);
        // capturing beyond the screen drops the scrollbar: the page is then as wide as the window
        int width = ((Number) js.executeScript(
                "return Math.max(document.documentElement.scrollWidth, window.innerWidth)")).intValue();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int top = 0, part = 1; top < height; top += 1500, part++) {
                java.util.Map<String, Object> clip = java.util.Map.of("x", 0, "y", top, "width", width,
                        "height", Math.min(1500, height - top), "scale", 1);
                java.util.Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand(
                        "Page.captureScreenshot",
                        java.util.Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
                Files.write(SCREENSHOTS.resolve(name + "-" + part + ".png"),
                        java.util.Base64.getDecoder().decode((String) shot.get("data")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
