package vn.parindex.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * A unit's page keeps its tables of criteria per data revision (ProgressController, RenderedFragments). On the
 * workflow database: the correction it makes stays in the append-only history.
 */
@WorkflowTest
class UnitPageKeptTest {

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

    @Autowired
    vn.parindex.support.StatementCounter statements;

    private org.jsoup.nodes.Document page(String username, String path) throws Exception {
        return SignedIn.page(mvc, users, username, path);
    }

    /**
     * A unit's tables are kept per data revision (ProgressController, RenderedFragments): a correction made after
     * the page was shown is on the next request, and the old figure is gone.
     */
    @Autowired
    org.springframework.session.SessionRepository<?> sessions;

    @Test
    void aUnitsKeptTablesShowAChangeOnTheNextRequest() throws Exception {
        var cycle = catalog.findCycle(2023).orElseThrow();
        var line = pages.unit(cycle, "TUPHAP").unit().leading().get(0);
        String code = line.code();
        java.util.Map<String, Object> row = jdbc.queryForMap("select k.target_score, k.max_score, k.version from "
                + "criterion k join cycle c on c.id = k.cycle_id where c.year = 2023 and k.code = ?", code);
        java.math.BigDecimal before = (java.math.BigDecimal) row.get("target_score");
        java.math.BigDecimal max = (java.math.BigDecimal) row.get("max_score");
        java.math.BigDecimal after = before != null && before.compareTo(max) == 0 ? java.math.BigDecimal.ZERO : max;
        long version = ((Number) row.get("version")).longValue();
        String shown = "#leading tr[data-code=\"" + code + "\"] td[data-field=target]";
        vn.parindex.web.VietnameseNumbers numbers = new vn.parindex.web.VietnameseNumbers();
        String first = page("tuphap", "/units/TUPHAP").select(shown).text();
        assertThat(first).isEqualTo(line.target());
        assertThat(page("tuphap", "/units/TUPHAP").select(shown).text()).as("kept: the same again").isEqualTo(first);
        try {
            correct(code, after, version);
            assertThat(page("tuphap", "/units/TUPHAP").select(shown).text())
                    .isEqualTo(numbers.score(after));
        } finally {
            long now = jdbc.queryForObject("select k.version from criterion k join cycle c on c.id = k.cycle_id "
                    + "where c.year = 2023 and k.code = ?", Long.class, code);
            if (now != version && before != null) {
                correct(code, before, now);
            }
        }
    }

    /**
     * The whole page is kept (web.CachedPages, declared by ProgressController's KeptPages): served again without
     * reading a criterion, each time with the form token of its own request; rendered again after a write, and
     * whenever the session holds a one-time message for the next page (a kept page would lose it).
     */
    @Test
    void theWholePageIsKeptUntilAWriteAndNotWhileAOneTimeMessageWaits() throws Exception {
        // the first request at a revision is only noted, the second renders and keeps the page, the third is served
        page("tuphap", "/units/TUPHAP");
        statements.reset();
        page("tuphap", "/units/TUPHAP");
        assertThat(statements.sql()).as("the second request renders").anyMatch(sql -> sql.contains("criterion"));
        statements.reset();
        org.springframework.mock.web.MockHttpServletResponse kept = mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/units/TUPHAP")
                        .with(SignedIn.as(users, "tuphap"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(statements.sql()).as("kept: no criterion read").noneMatch(sql -> sql.contains("criterion"));
        org.jsoup.nodes.Document keptPage = org.jsoup.Jsoup.parse(kept.getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(keptPage.select("#leading tr[data-code]")).isNotEmpty();
        assertThat(keptPage.select("input[name=_csrf]")).allSatisfy(token -> assertThat(token.val()).isNotBlank());

        org.springframework.web.servlet.FlashMap message = new org.springframework.web.servlet.FlashMap();
        message.put("saved", true);
        message.setTargetRequestPath("/units/TUPHAP");
        message.startExpirationPeriod(60);
        org.springframework.mock.web.MockHttpSession session = vn.parindex.support.SessionCookies.stored(sessions,
                java.util.Map.of(vn.parindex.web.CachedPages.FLASH_MAPS,
                        new java.util.concurrent.CopyOnWriteArrayList<>(java.util.List.of(message))));
        statements.reset();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/units/TUPHAP")
                .session(session).with(SignedIn.as(users, "tuphap"))).andExpect(status().isOk());
        assertThat(statements.sql()).as("rendered: the one-time message is shown").anyMatch(sql -> sql.contains("criterion"));

        jdbc.update("update unit set name = name where code = 'TUPHAP'");
        statements.reset();
        page("tuphap", "/units/TUPHAP");
        assertThat(statements.sql()).as("rendered again after a write").anyMatch(sql -> sql.contains("criterion"));
    }

    private void correct(String code, java.math.BigDecimal target, long version) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .patch("/api/v1/cycles/2023/criteria/" + code)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("noivu", "demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"targetScore\": " + target.toPlainString() + ", \"comment\": \"kiểm tra\", "
                                + "\"version\": " + version + "}"))
                .andExpect(status().isOk());
    }
}
