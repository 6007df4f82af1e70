package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;
import vn.parindex.web.VietnameseNumbers;

/**
 * The printable appendix is kept whole (web.CachedPages, declared by DashboardConfiguration): served again without
 * reading anything while the data is unchanged, and with a correction on the next request after it.
 */
@WorkflowTest
class AppendixPageKeptTest {

    private static final String PAGE = "/cycles/2023/appendix";
    /** The target of criterion 1.2 (name, maximum, baseline, target). */
    private static final String TARGET = "tr[id=row-1.2] td:nth-of-type(4)";

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatementCounter statements;

    @Test
    void theAppendixIsServedAgainUnreadAndShowsACorrectionAtOnce() throws Exception {
        SignedIn.page(mvc, users, "lanhdao", PAGE); // noted
        SignedIn.page(mvc, users, "lanhdao", PAGE); // rendered and kept
        statements.reset();
        String shown = SignedIn.page(mvc, users, "lanhdao", PAGE).select(TARGET).text();
        assertThat(statements.sql()).as("kept: nothing read").noneMatch(sql -> sql.contains("criterion")
                || sql.contains("from body "));

        var row = jdbc.queryForMap("select k.target_score, k.max_score, k.version from criterion k join cycle c on "
                + "c.id = k.cycle_id where c.year = 2023 and k.code = '1.2'");
        BigDecimal before = (BigDecimal) row.get("target_score");
        BigDecimal max = (BigDecimal) row.get("max_score");
        BigDecimal after = before != null && before.compareTo(max) == 0 ? BigDecimal.ZERO : max;
        long version = ((Number) row.get("version")).longValue();
        try {
            assertThat(shown).isEqualTo(new VietnameseNumbers().score(before));
            correct(after, version);
            statements.reset();
            assertThat(SignedIn.page(mvc, users, "lanhdao", PAGE).select(TARGET).text())
                    .isEqualTo(new VietnameseNumbers().score(after));
            assertThat(statements.sql()).as("rendered again after the write").anyMatch(sql -> sql.contains("from body "));
        } finally {
            long now = jdbc.queryForObject("select k.version from criterion k join cycle c on c.id = k.cycle_id "
                    + "where c.year = 2023 and k.code = '1.2'", Long.class);
            if (now != version && before != null) {
                correct(before, now);
            }
        }
    }

    private void correct(BigDecimal target, long version) throws Exception {
        mvc.perform(patch("/api/v1/cycles/2023/criteria/1.2").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetScore\": " + target.toPlainString() + ", \"comment\": \"kiểm tra\", \"version\": "
                        + version + "}"))
                .andExpect(status().isOk());
    }
}
