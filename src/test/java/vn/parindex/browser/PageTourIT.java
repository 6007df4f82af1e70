package vn.parindex.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.support.RealServerTest;

/**
 * Every page, as each role sees it, in Vietnamese and in English, on the usual office screen (1366×768) and on a
 * phone (390 px wide): on the office screen the navigation bar stays on one line (nothing wraps, nothing runs off
 * the screen); on both nothing is wider than the screen but inside a box that scrolls on its own; tables that
 * become cards on a phone label each cell with its column's heading; no Vietnamese page writes a score with a
 * decimal dot. With {@code -Dtour.screenshots} a screenshot of each under
 * {@code target/screenshots/tour-<lang>-<role>-<page>.png} and {@code …-390.png} (a quarter of the tour's time, so
 * not in every {@code ./mvnw verify}); with {@code -Dtour.fullPages} also each whole page at 390 px
 * ({@code full-<role>-<page>-390-<n>.png}).
 */
@RealServerTest
class PageTourIT {

    /** The navigation bar's height on one line: the brand's line and its padding (two lines are about 110 px). */
    static final int ONE_LINE = 72;

    static final Pattern DOTTED_SCORE = Pattern.compile("(?<![\\d.])\\d+\\.\\d{4,}(?![\\d.])");

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The pages of a role: name → address. */
    Map<String, String> pages(String role) {
        long task = jdbc.queryForObject("select min(id) from task", Long.class);
        long account = jdbc.queryForObject("select id from app_user where username = 'tuphap'", Long.class);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("todo", "/todo");
        pages.put("tasks", "/tasks");
        pages.put("task", "/tasks/" + task);
        pages.put("reports", "/reports");
        pages.put("report-period", "/cycles/2023/reports/2023-Q1");
        pages.put("units", "/units");
        pages.put("unit", "/units/TUPHAP");
        pages.put("appendix", "/cycles/2023/appendix");
        pages.put("points", "/cycles/2023/points");
        pages.put("ranking", "/cycles/2023/ranking");
        pages.put("criterion", "/cycles/2023/criteria/2.2");
        pages.put("domain", "/cycles/2023/criteria/2");
        pages.put("dossier", "/cycles/2023/dossier");
        pages.put("dossier-domain", "/cycles/2023/dossier?domain=2");
        pages.put("criterion-dossier", "/cycles/2023/criteria/2.2/dossier");
        pages.put("password", "/account/password");
        if (role.equals("tuphap")) {
            pages.put("assignments", "/assignments");
            pages.put("report-input", "/cycles/2023/reports/2023-Q1/units/TUPHAP");
        } else {
            pages.put("overview", "/assignments/overview");
        }
        if (role.equals("noivu")) {
            pages.put("review", "/review");
            pages.put("reconciliation", "/cycles/2023/reconciliation");
            pages.put("task-new", "/cycles/2023/tasks/new");
            pages.put("task-edit", "/tasks/" + task + "/edit");
            pages.put("users", "/admin/users");
            pages.put("user", "/admin/users/" + account);
            pages.put("user-new", "/admin/users/new");
            pages.put("admin-units", "/admin/units");
            pages.put("cycles", "/admin/cycles");
            pages.put("imports", "/admin/imports");
            pages.put("backup", "/admin/backup");
        }
        return pages;
    }

    /** The navigation bar's height and how far its entries' middles are apart vertically (0 on one line). */
    @SuppressWarnings("unchecked")
    Map<String, Object> navigation(Browser b) {
        return (Map<String, Object>) ((JavascriptExecutor) b.driver).executeScript("""
                var nav = document.querySelector('nav.navbar');
                if (!nav) { return {height: 0, spread: 0, overflow: 0}; }
                var parts = nav.querySelectorAll('.navbar-brand, .navbar-nav > .nav-item, .btn-group, #user-menu');
                var middles = Array.prototype.map.call(parts, function (e) {
                    var r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
                var right = Math.max.apply(null, Array.prototype.map.call(parts, function (e) {
                    return e.getBoundingClientRect().right; }));
                return {height: Math.round(nav.getBoundingClientRect().height),
                        spread: Math.round(Math.max.apply(null, middles) - Math.min.apply(null, middles)),
                        overflow: Math.round(right - document.documentElement.clientWidth)};
                """);
    }

    /** A screenshot of every page of the tour ({@code -Dtour.screenshots}): for looking at them, not for the checks. */
    static final boolean SCREENSHOTS = Boolean.getBoolean("tour.screenshots");

    /** Whole pages at 390 px too, in parts ({@code -Dtour.fullPages}): slower, for looking at a phone's pages. */
    static final boolean FULL_PAGES = Boolean.getBoolean("tour.fullPages");

    /** A phone's screen in CSS pixels (an iPhone 12–15, many Android phones are 360–412 wide). */
    static final int PHONE = 390;

    /**
     * What sticks out to the right of the screen: the document wider than the window, and the outermost elements
     * whose right edge is beyond the screen and which are not inside a box that scrolls (or clips) sideways.
     * Empty when the page fits.
     */
    static final String WIDER_THAN_THE_SCREEN = """
            var screen = document.documentElement.clientWidth;
            var found = [];
            // a phone zooms out to show a page wider than its screen: the window then says it is wider too
            var window_ = Math.min(window.innerWidth, screen);
            if (document.documentElement.scrollWidth > window_) {
                found.push('document ' + document.documentElement.scrollWidth + ' px wide on a screen of '
                        + window_);
            }
            function clipped(e) {
                for (var p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
                    var x = getComputedStyle(p).overflowX;
                    if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') { return true; }
                }
                return false;
            }
            var wide = new Set();
            document.body.querySelectorAll('*').forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.right <= screen + 1 || clipped(e)) { return; }
                wide.add(e);
                if (wide.has(e.parentElement)) { return; }
                var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                found.push(name + ' reaches ' + Math.round(r.right) + ' px: "'
                        + (e.innerText || '').trim().substring(0, 40) + '"');
            });
            return found.slice(0, 5);
            """;

    /**
     * Tables that become cards on a phone: each cell's label (data-label) is its column's heading, so that a card
     * says what the table says.
     */
    static final String STACK_LABELS = """
            var found = [];
            document.querySelectorAll('table.table-stack').forEach(function (table) {
                var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
                    return th.textContent.trim(); });
                table.querySelectorAll('tbody > tr').forEach(function (row) {
                    Array.prototype.forEach.call(row.children, function (cell, i) {
                        var label = cell.getAttribute('data-label');
                        if (label !== null && label !== headings[i]) {
                            found.push((table.id || 'table') + ' column ' + (i + 1) + ' labelled "' + label
                                    + '" under the heading "' + headings[i] + '"');
                        }
                    });
                });
            });
            return found.slice(0, 5);
            """;

    @SuppressWarnings("unchecked")
    static List<String> widerThanTheScreen(Browser b) {
        return (List<String>) ((JavascriptExecutor) b.driver).executeScript(WIDER_THAN_THE_SCREEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPageForEveryRoleInBothLanguagesFitsTheOfficeScreenAndAPhone() {
        // one browser for the class, whichever test runs first (a second one would be left running)
        browser = browser != null ? browser : Browser.open(port);
        Browser b = browser;
        List<String> problems = new ArrayList<>();
        int shots = 0;
        for (String role : List.of("noivu", "tuphap", "lanhdao")) {
            b.forget();
            b.screen(0, 0);
            b.login(role, "demo");
            for (String lang : List.of("vi", "en")) {
                b.get("/?lang=" + lang);
                for (Map.Entry<String, String> page : pages(role).entrySet()) {
                    // each page loaded once, then looked at on the office screen and on the phone: changing the
                    // screen lays the page out again as a phone would (its viewport tag applies), without a second
                    // request and render
                    b.screen(0, 0);
                    b.get(page.getValue());
                    b.loaded();
                    for (int width : List.of(1366, PHONE)) {
                        if (width == PHONE) {
                            b.screen(PHONE, 844);
                        }
                        String where = lang + " " + role + " " + page.getKey() + " " + width + " px";
                        if (width != PHONE) {
                            Map<String, Object> nav = navigation(b);
                            if (((Number) nav.get("height")).intValue() > ONE_LINE
                                    || ((Number) nav.get("spread")).intValue() > 8
                                    || ((Number) nav.get("overflow")).intValue() > 0) {
                                problems.add(where + ": navigation bar not on one line " + nav);
                            }
                            problems.addAll(((List<String>) ((JavascriptExecutor) b.driver).executeScript(
                                    STACK_LABELS)).stream().map(p -> where + ": " + p).toList());
                        }
                        List<String> wide = widerThanTheScreen(b);
                        // the charts follow the new screen at the next frames (Chart.js' resize observer): a page
                        // still wide after 2 s is wide, one that settles was only being laid out again
                        for (int wait = 0; wait < 20 && !wide.isEmpty() && width == PHONE; wait++) {
                            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                            wide = widerThanTheScreen(b);
                        }
                        if (!wide.isEmpty()) {
                            problems.add(where + ": wider than the screen " + wide);
                        }
                        // what is shown differs by screen (parts only for the phone or only for the office)
                        String text = (String) ((JavascriptExecutor) b.driver).executeScript(
                                "return document.body.innerText");
                        if (text.contains("??") || text.contains("Whitelabel")) {
                            problems.add(where + ": a missing message or an error page");
                        }
                        if (lang.equals("vi")) {
                            Matcher m = DOTTED_SCORE.matcher(text);
                            if (m.find()) {
                                problems.add(where + ": a score with a dot: " + m.group());
                            }
                        }
                        String name = "tour-" + lang + "-" + role + "-" + page.getKey();
                        if (width == PHONE) {
                            if (SCREENSHOTS) {
                                b.screenshot(name + "-" + PHONE);
                            }
                            if (lang.equals("vi") && FULL_PAGES) {
                                b.fullScreenshot("full-" + role + "-" + page.getKey() + "-" + PHONE, 6000);
                            }
                        } else if (SCREENSHOTS) {
                            b.screenshot(name);
                        }
                        shots++;
                    }
                }
            }
        }
        b.screen(0, 0);
        assertThat(problems).isEmpty();
        assertThat(shots).isGreaterThan(120);
    }

    /** The width check finds a page wider than a phone, and leaves alone a wide table that scrolls in its own box. */
    @Test
    void theWidthCheckFindsWhatSticksOutAndNotWhatScrollsInItsBox() {
        browser = browser != null ? browser : Browser.open(port);
        Browser b = browser;
        b.forget();
        b.screen(0, 0);
        b.login("noivu", "demo");
        b.screen(PHONE, 844);
        try {
            b.get("/account/password");
            b.loaded();
            assertThat(widerThanTheScreen(b)).isEmpty();
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            js.executeScript("""
                    var box = document.createElement('div'); box.className = 'table-responsive'; box.id = 'boxed';
                    box.innerHTML = '<table class="table"><tr><td style="min-width: 1200px">wide</td></tr></table>';
                    document.querySelector('main, .container, body').appendChild(box);""");
            assertThat(widerThanTheScreen(b)).as("a wide table in its own scroll box").isEmpty();
            js.executeScript("""
                    var p = document.createElement('p'); p.id = 'code';
                    p.textContent = 'QĐ-UBND/' + 'X'.repeat(120);
                    document.querySelector('main, .container, body').appendChild(p);""");
            assertThat(widerThanTheScreen(b)).as("a long code wraps instead of widening the page").isEmpty();
            js.executeScript("""
                    var d = document.createElement('div'); d.id = 'too-wide'; d.style.width = '600px';
                    d.textContent = 'wide';
                    document.querySelector('main, .container, body').appendChild(d);""");
            assertThat(widerThanTheScreen(b)).as("a block wider than the phone")
                    .anySatisfy(w -> assertThat(w).contains("div#too-wide").contains("reaches"))
                    .anySatisfy(w -> assertThat(w).startsWith("document"));
        } finally {
            b.screen(0, 0);
        }
    }

    /** The charts as Chart.js holds them: per canvas its type, its value axis' settings and computed minimum, its series. */
    static final String CHARTS = """
            var found = {};
            ['domain-chart', 'radar-chart'].forEach(function (id) {
                var chart = Chart.getChart(id);
                if (!chart) { return; }
                var axis = chart.config.type === 'radar' ? 'r' : (chart.options.indexAxis === 'y' ? 'x' : 'y');
                var options = chart.options.scales[axis];
                found[id] = {
                    type: chart.config.type,
                    min: options.min === undefined ? null : options.min,
                    beginAtZero: !!options.beginAtZero,
                    shownMin: chart.scales[axis].min,
                    labels: chart.config.plugins.some(function (p) { return p.id === 'parindexValueLabels'; }),
                    tickSize: ((options.ticks || {}).font || Chart.defaults.font).size,
                    nameSize: chart.config.type === 'radar' ? options.pointLabels.font.size
                            : ((chart.options.scales.y.ticks || {}).font || Chart.defaults.font).size,
                    series: chart.data.datasets.map(function (d) {
                        return { label: d.label, values: d.data.filter(function (v) { return v !== null; }).length };
                    })
                };
            });
            found.textSize = parseFloat(getComputedStyle(document.body).fontSize);
            found.currentLabel = document.getElementById('dashboard-data').dataset.labelCurrent;
            found.assessedDomains = JSON.parse(document.getElementById('dashboard-data').textContent).domains
                    .filter(function (d) { return d.current !== null; }).length;
            return found;
            """;

    @SuppressWarnings("unchecked")
    static Map<String, Object> charts(Browser b) {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10)).until(d ->
                Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return !!(window.Chart && Chart.getChart('domain-chart') && Chart.getChart('radar-chart'))")));
        return (Map<String, Object>) ((JavascriptExecutor) b.driver).executeScript(CHARTS);
    }

    /**
     * The dashboard's charts start their value axes at 0 (the radar runs 0–100 %), write their values, use the
     * page's text size, and show no series without values: "Đã đánh giá" is there while something is assessed and
     * left out when nothing is (the same page, its data block emptied of assessed scores and its script run again).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDashboardChartsStartAtZeroWriteTheirValuesAndShowNoEmptySeries() {
        browser = browser != null ? browser : Browser.open(port);
        Browser b = browser;
        b.forget();
        b.screen(0, 0);
        b.login("noivu", "demo");
        b.get("/?lang=vi");
        b.loaded();
        Map<String, Object> found = charts(b);
        Map<String, Object> bars = (Map<String, Object>) found.get("domain-chart");
        Map<String, Object> radar = (Map<String, Object>) found.get("radar-chart");
        assertThat(bars.get("type")).isEqualTo("bar");
        assertThat(radar.get("type")).isEqualTo("radar");
        for (Map<String, Object> chart : List.of(bars, radar)) {
            assertThat(((Number) chart.get("min")).doubleValue()).isZero();
            assertThat(chart.get("beginAtZero")).isEqualTo(true);
            assertThat(((Number) chart.get("shownMin")).doubleValue()).isZero();
            assertThat(chart.get("labels")).as("values written on the chart").isEqualTo(true);
            assertThat(((Number) chart.get("tickSize")).doubleValue()).isGreaterThanOrEqualTo(
                    ((Number) found.get("textSize")).doubleValue() * 0.875);
            assertThat(((Number) chart.get("nameSize")).doubleValue()).as("the domains' names at the page's size")
                    .isEqualTo(((Number) found.get("textSize")).doubleValue());
            assertThat((List<Map<String, Object>>) chart.get("series")).isNotEmpty()
                    .allSatisfy(series -> assertThat(((Number) series.get("values")).intValue()).isPositive());
        }
        List<Object> barSeries = ((List<Map<String, Object>>) bars.get("series")).stream()
                .map(series -> series.get("label")).map(Object.class::cast).toList();
        if (((Number) found.get("assessedDomains")).intValue() > 0) {
            assertThat(barSeries).contains(found.get("currentLabel"));
        }
        b.fullScreenshot("dashboard-charts-1366", 6000);
        b.screen(PHONE, 844);
        try {
            b.get("/");
            b.loaded();
            charts(b);
            b.fullScreenshot("dashboard-charts-" + PHONE, 8000);
        } finally {
            b.screen(0, 0);
        }
        b.get("/");
        b.loaded();
        charts(b);

        ((JavascriptExecutor) b.driver).executeScript("""
                Chart.getChart('domain-chart').destroy();
                Chart.getChart('radar-chart').destroy();
                var block = document.getElementById('dashboard-data');
                var data = JSON.parse(block.textContent);
                data.domains.forEach(function (d) { d.current = null; d.currentPercent = null; });
                block.textContent = JSON.stringify(data);
                var again = document.createElement('script');
                again.src = document.querySelector('script[src*="dashboard.js"]').src + '?again';
                document.body.appendChild(again);""");
        Map<String, Object> unassessed = charts(b);
        for (String id : List.of("domain-chart", "radar-chart")) {
            List<Map<String, Object>> series = (List<Map<String, Object>>) ((Map<String, Object>) unassessed.get(id))
                    .get("series");
            assertThat(series).extracting(s -> s.get("label")).doesNotContain(unassessed.get("currentLabel"))
                    .hasSize(id.equals("domain-chart") ? 4 : 3);
            assertThat(series).allSatisfy(s -> assertThat(((Number) s.get("values")).intValue()).isPositive());
        }
        b.screenshot("dashboard-charts-unassessed");
    }
}
