package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.imports.PlanImportRequest;
import vn.parindex.imports.PlanImporter;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/** The dashboard is built from a fixed number of SQL statements, whatever the number of criteria. */
@WorkflowTest
class DashboardQueryCountTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    PlanImporter importer;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser leader() {
        return users.findByUsernameWithUnit("lanhdao").map(CurrentUserOf::of).orElseThrow();
    }

    @Autowired
    StatementCounter statements;

    /**
     * Every SQL statement of one request when nothing is kept from an earlier one (the data just changed), by
     * Hibernate's count and by the data source's.
     */
    long statementsFor(String url) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        CurrentUser leader = leader();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk()); // warm up
        jdbc.update("update data_revision set revision = revision + 1");
        statistics.clear();
        statements.reset();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk());
        assertThat(statistics.getPrepareStatementCount()).as("Hibernate's among them")
                .isLessThanOrEqualTo(statements.count());
        return statements.count();
    }

    /** Statements for one request right after the same one: the rendered page is reused. */
    long statementsWhenUnchanged(String url) throws Exception {
        CurrentUser leader = leader();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk());
        statements.reset();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk());
        return statements.count();
    }

    String html(String url) throws Exception {
        return mvc.perform(get(url).with(user(leader()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aChangeMadeOutsideTheAppIsShownOnTheNextRequest() throws Exception {
        assertThat(html("/")).contains("84,0256");
        assertThat(html("/cycles/2023/domains/2/rows")).doesNotContain("Tên đổi bằng SQL");
        assertThat(html("/cycles/2023/appendix")).doesNotContain("Tên đổi bằng SQL");
        String total = jdbc.queryForObject("select recorded_total_baseline::text from cycle where year = 2023",
                String.class);
        String name = jdbc.queryForObject("select name from criterion where code = '2.1'"
                + " and cycle_id = (select id from cycle where year = 2023)", String.class);
        try {
            jdbc.update("update criterion set name = 'Tên đổi bằng SQL' where code = '2.1'"
                    + " and cycle_id = (select id from cycle where year = 2023)");
            jdbc.update("update cycle set recorded_total_baseline = 83.5 where year = 2023");
            assertThat(html("/")).contains("id=\"total-baseline\" title=\"83,5000\">83,50<");
            assertThat(html("/cycles/2023/domains/2/rows")).contains("Tên đổi bằng SQL");
            assertThat(html("/cycles/2023/appendix")).contains("Tên đổi bằng SQL");
        } finally {
            jdbc.update("update cycle set recorded_total_baseline = " + total + " where year = 2023");
            jdbc.update("update criterion set name = ? where code = '2.1'"
                    + " and cycle_id = (select id from cycle where year = 2023)", name);
        }
    }

    @Test
    void atMostFiveStatementsForTheSmallAndForALargeTree() throws Exception {
        long small = statementsFor("/?year=2023");
        StringBuilder csv = new StringBuilder("stt,ten,diem_toi_da,diem_2018,muc_tieu_2019,co_quan_chu_tri\n");
        for (int domain = 1; domain <= 8; domain++) {
            csv.append(domain).append(",Lĩnh vực ").append(domain).append(",\"25\",,,Phòng Nội vụ\n");
            for (int criterion = 1; criterion <= 50; criterion++) {
                csv.append(domain).append('.').append(criterion).append(",Tiêu chí,\"0,5\",\"0,25\",\"0,5\",")
                        .append(criterion % 2 == 0 ? "Phòng Tư pháp" : "").append('\n');
            }
        }
        importer.importPlan(new StringReader(csv.toString()), new PlanImportRequest(2019, 2018, CycleStatus.CLOSED,
                "Lớn", Map.of(), Map.of("1", List.of("VHTT"))));
        long large = statementsFor("/?year=2019");
        assertThat(small).isLessThanOrEqualTo(5);
        assertThat(large).isEqualTo(small);
        // unchanged data: the kept page is served after reading the data revision
        assertThat(statementsWhenUnchanged("/?year=2023")).isEqualTo(1);
        assertThat(statementsWhenUnchanged("/?year=2019")).isEqualTo(1);
        assertThat(statementsFor("/cycles/2019/domains/3/rows")).isLessThanOrEqualTo(3);
    }

    /** The principal the login would create. */
    static final class CurrentUserOf {
        static CurrentUser of(vn.parindex.security.AppUser u) {
            return new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(), u.getRole(),
                    null, null, null, u.isEnabled());
        }
    }
}
