package vn.parindex.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;

/** The progress pages: what they show (formatted before the template), who may see the overview, which year. */
@IntegrationTest
class ProgressPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    ProgressPages pages;

    @Autowired
    CriteriaCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(SignedIn.as(users, username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theUnitPagesShowTheLedCriteriaWithVietnameseFigures() throws Exception {
        var cycle = catalog.findCycle(2023).orElseThrow();
        ProgressPages.UnitPage unit = pages.unit(cycle, "TUPHAP");
        assertThat(unit.unit().leading()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.href()).isEqualTo("/cycles/2023/criteria/" + line.code());
            assertThat(line.max()).matches("\\d+,\\d{4}");
            assertThat(line.baseline()).matches("\\d+,\\d{4}");
            assertThat(line.current()).isEqualTo("\u2014");
        });
        assertThat(unit.assessed()).isZero();
        assertThat(unit.leadingCount()).isEqualTo(unit.unit().leading().size());
        assertThat(unit.unit().coordinating()).allSatisfy(line -> assertThat(line.weakness()).isNull());
        ProgressPages.UnitTablePage table = pages.unitTable(cycle);
        assertThat(table.units()).extracting(ProgressPages.UnitLine::code).contains("TUPHAP", "NOIVU");
        assertThat(table.units()).filteredOn(u -> u.code().equals("TUPHAP")).singleElement()
                .satisfies(u -> assertThat(u.assessed()).isEqualTo("0/" + unit.leadingCount()));
        assertThat(page("tuphap", "/assignments")).contains("/cycles/2023/criteria/2.2\"");
        assertThat(page("lanhdao", "/assignments/overview")).contains("id=\"unit-TUPHAP\"");
    }

    @Test
    void aHeadOfOfficesFirstScreenShowsWhatItLeadsThenWhatIsDueThenWhatItHelpsWithFolded() throws Exception {
        String html = page("tuphap", "/units/TUPHAP");
        int leading = html.indexOf("id=\"leading\"");
        int due = html.indexOf("id=\"unit-todo\"");
        int coordinating = html.indexOf("<details id=\"coordinating-details\"");
        assertThat(leading).isPositive();
        assertThat(due).isGreaterThan(leading);
        assertThat(coordinating).isGreaterThan(due);
        // at most five items; the tests run on the real date, so 2023 is over and its late items are one line,
        // with the link to each of them for the unit's own head only
        assertThat(html.split("data-kind=", -1).length - 1).isBetween(0, 5);
        assertThat(html).contains("id=\"unit-todo-year-over\"").contains("href=\"/todo?all=true\"");
        assertThat(page("lanhdao", "/units/TUPHAP")).contains("id=\"unit-todo\"", "id=\"unit-todo-year-over\"")
                .doesNotContain("href=\"/todo?all=true\"");
        // survey criteria are not owed a submission; cards in 2 decimals
        assertThat(html).contains("Chấm qua điều tra xã hội học, không cần tự đánh giá"); // 2.4, a survey criterion
        assertThat(html).containsPattern("id=\"unit-target\">\\d+,\\d{2}<");
    }

    @Test
    void theRankingEntryOfTheMenuLeadsToTheCurrentYear() throws Exception {
        mvc.perform(get("/ranking").with(SignedIn.as(users, "tuphap")))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/cycles/2023/ranking"));
    }

    @Test
    void theOverviewIsForHomeAffairsAndLeadershipEvenWhenTheServiceIsCalledDirectly() throws Exception {
        mvc.perform(get("/assignments/overview").with(SignedIn.as(users, "tuphap"))).andExpect(status().isForbidden());
        var cycle = catalog.findCycle(2023).orElseThrow();
        SignedIn.onThisThread(users, "tuphap");
        assertThatThrownBy(() -> pages.overview(cycle)).isInstanceOf(AccessDeniedException.class);
        SignedIn.onThisThread(users, "lanhdao");
        assertThat(pages.overview(cycle).units()).isNotEmpty();
    }

    @Test
    void theYearIsTheOneAskedForElseTheCurrentCycle() throws Exception {
        assertThat(page("lanhdao", "/units?year=2023")).contains("id=\"unit-TUPHAP\"");
        assertThat(page("lanhdao", "/units/TUPHAP?year=2023")).contains("/cycles/2023/criteria/2.2\"");
        for (String bad : new String[] {"/units?year=abc", "/units/TUPHAP?year=20233", "/assignments?year=x"}) {
            mvc.perform(get(bad).with(SignedIn.as(users, "tuphap"))).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/units/TUPHAP?year=1999").with(SignedIn.as(users, "tuphap"))).andExpect(status().isNotFound());
        mvc.perform(get("/units/KHONGCO").with(SignedIn.as(users, "tuphap"))).andExpect(status().isNotFound());
    }

    /**
     * Below its heading each of these pages is kept rendered per data revision (web.RenderedFragments): units
     * renamed with plain SQL are shown by every one of them at the next request, and so are the names given back.
     */
    @Test
    void theKeptTablesShowAChangeMadeOutsideTheAppAtTheNextRequest() throws Exception {
        // page, who reads it, the unit whose name it shows
        String[][] pages = {{"/units", "lanhdao", "TUPHAP"}, {"/assignments", "tuphap", "TUPHAP"},
                {"/assignments/overview", "lanhdao", "TUPHAP"}, {"/cycles/2023/points", "lanhdao", "NOIVU"}};
        Map<String, String> names = Map.of("TUPHAP", "Phòng Tư pháp", "NOIVU", "Phòng Nội vụ");
        for (String[] p : pages) {
            assertThat(page(p[1], p[0])).as(p[0]).contains(names.get(p[2])).doesNotContain("(tên mới)");
        }
        try {
            names.forEach((code, name) -> jdbc.update("update unit set name = ? where code = ?", name + " (tên mới)",
                    code));
            for (String[] p : pages) {
                assertThat(page(p[1], p[0])).as(p[0]).contains(names.get(p[2]) + " (tên mới)");
            }
        } finally {
            names.forEach((code, name) -> jdbc.update("update unit set name = ? where code = ?", name, code));
        }
        for (String[] p : pages) {
            assertThat(page(p[1], p[0])).as(p[0]).contains(names.get(p[2])).doesNotContain("(tên mới)");
        }
    }
}
