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
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.framework.CycleStatus;
import vn.parindex.framework.PlanImportRequest;
import vn.parindex.framework.PlanImporter;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
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

    long statementsFor(String url) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        CurrentUser leader = users.findByUsernameWithUnit("lanhdao").map(CurrentUserOf::of).orElseThrow();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk()); // warm up
        statistics.clear();
        mvc.perform(get(url).with(user(leader))).andExpect(status().isOk());
        return statistics.getPrepareStatementCount();
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
    }

    /** The principal the login would create. */
    static final class CurrentUserOf {
        static CurrentUser of(vn.parindex.security.AppUser u) {
            return new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(), u.getRole(),
                    null, null, null, u.isEnabled());
        }
    }
}
