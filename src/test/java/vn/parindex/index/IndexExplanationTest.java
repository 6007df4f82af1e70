package vn.parindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.organisation.Bodies;
import vn.parindex.support.BodiesTest;
import vn.parindex.system.BodyScope;

/**
 * Where the province lost a body points: the body explains within the period (its Home Affairs), the appraisal
 * council settles the final score with its reason (on record), and the body's result card shows it all; another
 * body's card is none of its business. Special zones of the tests' business year (the real date): the explanation
 * period is around today.
 */
@BodiesTest
class IndexExplanationTest {

    private static final String FRAMEWORK = IndexFixtures.FRAMEWORK;
    private static final String ACCOUNT = "dkidx.noivu";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    ObjectMapper json;

    @Autowired
    java.time.Clock clock;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    private int year() {
        return today().getYear();
    }

    private String base() {
        return "/api/v1/indexes/" + year() + "/SPECIAL_ZONE";
    }

    private String explanation(String code) {
        return "/api/v1/cycles/" + year() + "/criteria/" + code + "/explanation";
    }

    private String period(java.time.LocalDate from, java.time.LocalDate to) {
        return "{\"explanationFrom\": \"" + from + "\", \"explanationTo\": \"" + to + "\"}";
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long id(String body) {
        return bodies.byCode(body).orElseThrow().id();
    }

    /** Two special zones with the year open, A's Home Affairs with an account, A appraised below itself on 1.1. */
    private void theYearIsOpenAndAWasDeducted() throws Exception {
        if (bodies.byCode("DK_IDX_A").isPresent()) {
            return;
        }
        for (String code : List.of("DK_IDX_A", "DK_IDX_B")) {
            send(post("/api/v1/bodies"), "sonoivu", "{\"code\": \"" + code + "\", \"name\": \"Thử " + code
                    + "\", \"level\": \"SPECIAL_ZONE\"}").andExpect(status().isCreated());
        }
        IndexFixtures.importFramework(mvc, FRAMEWORK, year(), "SPECIAL_ZONE", "sonoivu").andExpect(status().isOk());
        // a special zone of another test gets its cycle too: the year is every special zone's
        send(post("/api/v1/indexes"), "sonoivu", "{\"year\": " + year() + ", \"level\": \"SPECIAL_ZONE\", "
                + "\"selfAssessmentDue\": \"" + today().minusDays(2) + "\", \"explanationFrom\": \""
                + today().minusDays(1) + "\", \"explanationTo\": \"" + today().plusDays(1) + "\"}")
                .andExpect(status().isCreated());
        BodyScope.callAll(() -> jdbc.update("insert into app_user (username, display_name, password_hash, role,"
                + " enabled, body_id) select ?, 'Văn phòng HĐND và UBND', password_hash, 'ADMIN', true, ? from app_user"
                + " where username = 'noivu'", ACCOUNT, id("DK_IDX_A")));
        BodyScope.callAll(() -> jdbc.update("update criterion set current_score = 22 where body_id = ? and code = '1.1'",
                id("DK_IDX_A")));
        send(put(base() + "/bodies/DK_IDX_A/criteria/1.1/appraisal"), "sonoivu",
                "{\"appraisedScore\": 20, \"reason\": \"Thiếu báo cáo quý\"}").andExpect(status().isOk());
    }

    private String criterion(String body, String code) {
        return BodyScope.callAll(() -> jdbc.queryForObject("select concat_ws('|', appraised_score, explanation,"
                + " decision_reason, version) from criterion where body_id = ? and code = ?", String.class, id(body),
                code));
    }

    private long history(String body) {
        return BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from change_history where body_id = ?",
                Long.class, id(body)));
    }

    @Test
    void theBodyExplainsInItsPeriodAndTheCouncilSettlesOnRecord() throws Exception {
        theYearIsOpenAndAWasDeducted();
        String explanation = explanation("1.1");
        String before = criterion("DK_IDX_A", "1.1");
        long historyBefore = history("DK_IDX_A");
        send(put(explanation), ACCOUNT, "{\"text\": \"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        send(put(explanation), ACCOUNT, "{\"text\": \"" + "x".repeat(4001) + "\"}")
                .andExpect(status().isBadRequest());
        // nothing deducted on 2.1; the province does not explain; Tân Yên (a district) has no such year
        send(put(explanation("2.1")), ACCOUNT, "{\"text\": \"Có\"}")
                .andExpect(status().isConflict());
        send(put(explanation + "?body=DK_IDX_A"), "sonoivu", "{\"text\": \"Có\"}").andExpect(status().isForbidden());
        send(put(explanation), "noivu", "{\"text\": \"Có\"}").andExpect(status().is4xxClientError());
        // the card's form: the same refusals, on the page (400 with the message beside the box; 409 as the alert)
        String form = "/cycles/" + year() + "/index/criteria/1.1/explanation";
        // (the body's account read in every body's scope, as the sign-in reads it)
        var asBody = BodyScope.callAll(() -> vn.parindex.support.SignedIn.as(users, ACCOUNT));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        org.jsoup.nodes.Document blank = org.jsoup.Jsoup.parse(mvc.perform(post(form).with(asBody).with(csrf)
                .param("text", " ")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(blank.select("#explain-1\\.1-text.is-invalid")).hasSize(1);
        mvc.perform(post("/cycles/" + year() + "/index/criteria/2.1/explanation").with(asBody).with(csrf)
                .param("text", "Có")).andExpect(status().isConflict());
        assertThat(criterion("DK_IDX_A", "1.1")).isEqualTo(before);
        assertThat(history("DK_IDX_A")).isEqualTo(historyBefore);

        // appraised: the body's own score of it stays what the province appraised against
        long version = BodyScope.callAll(() -> jdbc.queryForObject("select version from criterion where body_id = ?"
                + " and code = '1.1'", Long.class, id("DK_IDX_A")));
        send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/cycles/" + year()
                + "/criteria/1.1"), ACCOUNT, "{\"currentScore\": 20, \"comment\": \"Hạ cho khớp\", \"version\": "
                + version + "}").andExpect(status().isConflict());
        assertThat(criterion("DK_IDX_A", "1.1")).isEqualTo(before);
        send(put(explanation), ACCOUNT, "{\"text\": \"Báo cáo quý đã gửi ngày 10/4, kèm số văn bản\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation").value("Báo cáo quý đã gửi ngày 10/4, kèm số văn bản"));

        // the council: a reason always, a score within the maximum, on an appraised criterion; the province only
        String decision = base() + "/bodies/DK_IDX_A/criteria/1.1/decision";
        String explained = criterion("DK_IDX_A", "1.1");
        send(put(decision), "sonoivu", "{\"finalScore\": 21}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(put(decision), "sonoivu", "{\"finalScore\": 26, \"reason\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("finalScore"));
        send(put(base() + "/bodies/DK_IDX_A/criteria/2.1/decision"), "sonoivu", "{\"finalScore\": 50, \"reason\": \"x\"}")
                .andExpect(status().isConflict());
        send(put(decision), ACCOUNT, "{\"finalScore\": 22, \"reason\": \"x\"}").andExpect(status().isForbidden());
        assertThat(criterion("DK_IDX_A", "1.1")).isEqualTo(explained);
        send(put(decision), "sonoivu", "{\"finalScore\": 21.5, \"reason\": \"Chấp nhận một phần giải trình\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.appraisedScore").value(21.5));
        // settled: the appraisal no longer changes it, and the body's cycle does not close while the index is open
        send(put(base() + "/bodies/DK_IDX_A/criteria/1.1/appraisal"), "sonoivu",
                "{\"appraisedScore\": 25}").andExpect(status().isConflict());
        send(post("/api/v1/cycles/" + year() + "/close"), ACCOUNT, "{}").andExpect(status().isConflict());
        // the first appraisal stays on record, the council's change beside it
        assertThat(BodyScope.callAll(() -> jdbc.queryForList("select coalesce(old_value, '') || '>' || coalesce(new_value, '') from"
                + " change_history where body_id = ? and field = 'appraisedScore' order by id", String.class,
                id("DK_IDX_A")))).containsExactly(">20.0000", "20.0000>21.5000");

        // the card: the body's own, with the explanation and the decision; the level's comparison not before
        // publication for the body, always for the province
        JsonNode card = read(send(get(base() + "/bodies/DK_IDX_A"), ACCOUNT, null).andExpect(status().isOk()));
        JsonNode line = null;
        for (JsonNode c : card.get("criteria")) {
            if (c.get("code").asString().equals("1.1")) {
                line = c;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("deduction").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(line.get("explanation").asString()).startsWith("Báo cáo quý");
        assertThat(line.get("decisionReason").asString()).isEqualTo("Chấp nhận một phần giải trình");
        assertThat(card.get("domains").get(0).get("levelAverage").isNull()).isTrue();
        assertThat(card.get("result").get("rank").isNull()).isTrue();
        JsonNode provinces = read(send(get(base() + "/bodies/DK_IDX_A"), "sonoivu", null).andExpect(status().isOk()));
        assertThat(provinces.get("domains").get(0).get("levelAverage").isNull()).isFalse();
        send(get(base() + "/bodies/DK_IDX_B"), ACCOUNT, null).andExpect(status().isNotFound());
        // the body's own card page: the deduction with the reason, the explanation and the decision
        // (the account is the special zone's: looked up in every body's scope)
        vn.parindex.security.CurrentUser person = BodyScope.callAll(() -> vn.parindex.support.SignedIn.load(users,
                ACCOUNT));
        org.jsoup.nodes.Document own = org.jsoup.Jsoup.parse(mvc.perform(get("/cycles/" + year() + "/index")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(own.getElementById("lost-1.1").text()).contains("Báo cáo quý đã gửi", "Chấp nhận một phần");
        assertThat(own.select("#card-figures dd[data-figure=rank]").text()).isEqualTo("–");
        // the body's results: its own row only
        JsonNode results = read(send(get(base() + "/results"), ACCOUNT, null).andExpect(status().isOk()));
        assertThat(results.get("bodies")).hasSize(1);
        assertThat(results.get("bodies").get(0).get("code").asString()).isEqualTo("DK_IDX_A");
    }

    @Test
    void noExplanationOutsideThePeriod() throws Exception {
        theYearIsOpenAndAWasDeducted();
        send(put(base()), "sonoivu", period(today().plusDays(1), today().plusDays(20))).andExpect(status().isOk());
        try {
            String before = criterion("DK_IDX_A", "1.1");
            send(put(explanation("1.1")), ACCOUNT, "{\"text\": \"Muộn\"}")
                    .andExpect(status().isConflict());
            assertThat(criterion("DK_IDX_A", "1.1")).isEqualTo(before);
        } finally {
            send(put(base()), "sonoivu", period(today().minusDays(1), today().plusDays(1)))
                    .andExpect(status().isOk());
        }
    }
}
