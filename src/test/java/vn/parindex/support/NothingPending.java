package vn.parindex.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * For tests on the shared database that submit an assessment: a criterion takes one pending submission at a time,
 * so such a test first has Home Affairs return whatever another test left awaiting review, through the API as a
 * person would (the history keeps it), and so starts from a known state whatever ran before it.
 */
public final class NothingPending {

    private NothingPending() {
    }

    /** Returns every submission of 2023's criterion {@code code} that awaits review; how many there were. */
    public static int on(MockMvc mvc, JdbcTemplate jdbc, String code) throws Exception {
        List<Long> pending = jdbc.queryForList("""
                select a.id from assessment a join criterion k on k.id = a.criterion_id join cycle y on y.id = k.cycle_id
                where y.year = 2023 and k.code = ? and a.status = 'SUBMITTED'""", Long.class, code);
        for (long id : pending) {
            mvc.perform(post("/api/v1/assessments/" + id + "/return").with(httpBasic("noivu", "demo"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Trả lại trước khi kiểm thử\"}"))
                    .andExpect(status().isOk());
        }
        return pending.size();
    }
}
