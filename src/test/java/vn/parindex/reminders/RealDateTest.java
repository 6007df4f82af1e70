package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;

/**
 * Without a demo date (the tests' setting, as production): the real date, no banner, and the 2023 plan's late
 * items folded into one line since that year is over, each row one click away with its offices folded.
 */
@IntegrationTest
class RealDateTest {

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    Document page(String user, String path) throws Exception {
        return SignedIn.page(mvc, users, user, path);
    }

    @Test
    void noBannerAndAPastYearsLateItemsInOneLine() throws Exception {
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        Document folded = page("noivu", "/todo");
        assertThat(folded.select("#demo-date")).isEmpty();
        assertThat(folded.select("#todo-year-over").text()).containsPattern("Năm 2023: \\d+ việc quá hạn");
        assertThat(folded.select("#todo tr.table-danger")).isEmpty();
        assertThat(folded.select("#todo-year-over a").attr("href")).isEqualTo("/todo?all=true");
        Document all = page("noivu", "/todo?all=true");
        int late = all.select("#todo tr.table-danger").size();
        assertThat(late).isPositive();
        assertThat(folded.select("#todo-year-over").text()).contains(" " + late + " ");
        // the offices a row concerns: how many, the names folded
        assertThat(all.select("#todo details.todo-units summary").eachText()).isNotEmpty()
                .allSatisfy(t -> assertThat(t).matches("\\d+ đơn vị"));
    }
}
