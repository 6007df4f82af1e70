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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page, as each role sees it, in Vietnamese and in English, on the usual office screen (1366×768): the
 * navigation bar stays on one line (nothing wraps, nothing runs off the screen), and no Vietnamese page writes a
 * score with a decimal dot. A screenshot of each under {@code target/screenshots/tour-<lang>-<role>-<page>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "parindex.test.database=browser-tour")
class PageTourTest {

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

    @Test
    void everyPageForEveryRoleInBothLanguagesKeepsTheNavigationOnOneLine() {
        browser = Browser.open(port);
        Browser b = browser;
        List<String> problems = new ArrayList<>();
        int shots = 0;
        for (String role : List.of("noivu", "tuphap", "lanhdao")) {
            b.forget();
            b.login(role, "demo");
            for (String lang : List.of("vi", "en")) {
                b.get("/?lang=" + lang);
                for (Map.Entry<String, String> page : pages(role).entrySet()) {
                    b.get(page.getValue());
                    b.loaded();
                    String where = lang + " " + role + " " + page.getKey();
                    Map<String, Object> nav = navigation(b);
                    if (((Number) nav.get("height")).intValue() > ONE_LINE
                            || ((Number) nav.get("spread")).intValue() > 8
                            || ((Number) nav.get("overflow")).intValue() > 0) {
                        problems.add(where + ": navigation bar not on one line " + nav);
                    }
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
                    b.screenshot("tour-" + lang + "-" + role + "-" + page.getKey());
                    shots++;
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(shots).isGreaterThan(60);
    }
}
