package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.WorkflowTest;

/** The scoring workflow on real PostgreSQL, through the pages and the API. */
@WorkflowTest
class WorkflowIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    vn.parindex.database.OwnerConnections ownerConnections;

    @Autowired
    AppUserRepository users;

    static RequestPostProcessor as(String username) {
        return httpBasic(username, "demo");
    }

    /** A signed-in page user, as the form login would make them. */
    RequestPostProcessor page(String username) {
        return user(CurrentUserLoader.load(users, username));
    }

    JsonNode read(String url, String username) throws Exception {
        return json.readTree(mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    BigDecimal totalCurrent() throws Exception {
        JsonNode current = read("/api/v1/cycles/2023/summary", "lanhdao").get("currentScore");
        return current.isNull() ? BigDecimal.ZERO : current.decimalValue();
    }

    JsonNode criterion(String code) throws Exception {
        for (JsonNode node : read("/api/v1/cycles/2023/criteria", "lanhdao")) {
            if (node.get("code").asString().equals(code)) {
                return node;
            }
        }
        throw new AssertionError(code);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /**
     * One submission's life on one criterion (2.2), as one test: each step starts where the one before left it (the
     * fields carry the ids and the total before), so the steps are called in order by the test itself rather than
     * ordered by the test engine.
     */
    @Nested
    class AUnitSubmitsHomeAffairsReturnsTheUnitResubmitsAndHomeAffairsApproves {

        BigDecimal before;
        long first;
        long second;

        /** The row of {@code list} with the highest id (the one this test made last). */
        JsonNode newest(JsonNode list) {
            JsonNode newest = null;
            for (JsonNode row : list) {
                if (newest == null || row.get("id").asLong() > newest.get("id").asLong()) {
                    newest = row;
                }
            }
            assertThat(newest).as("no row in %s", list).isNotNull();
            return newest;
        }

        @Test
        void theWholeLifeOfOneSubmission() throws Exception {
            tuphapSubmitsWithAPdfThroughThePageForm();
            aUnitThatDoesNotLeadTheCriterionIsRefusedAndNothingIsRecorded();
            homeAffairsReturnsItWithAReason();
            tuphapResubmitsThroughTheApiAndHomeAffairsApproves();
            theHistoryShowsEveryStepWithWhoDidIt();
            theCriterionPageShowsTheThreadToTheLeader();
        }

        private void tuphapSubmitsWithAPdfThroughThePageForm() throws Exception {
            vn.parindex.support.NothingPending.on(mvc, jdbc, "2.2");
            before = totalCurrent();
            // tuphap submits 2.2 with a PDF through the page form
            mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments")
                            .file(new MockMultipartFile("files", "bien-ban-kiem-tra.pdf", "application/pdf", PDF))
                            .param("score", "2,2").param("comment", "Đã kiểm tra, rà soát 12 văn bản")
                            .with(page("tuphap")).with(csrf()))
                    .andExpect(status().isFound());
            // other tests of the shared database may have worked on 2.2 too: this test's rows are the newest
            JsonNode submission = newest(read("/api/v1/cycles/2023/criteria/2.2/assessments", "tuphap"));
            first = submission.get("id").asLong();
            assertThat(submission.get("status").asString()).isEqualTo("SUBMITTED");
            assertThat(submission.get("score").decimalValue()).isEqualByComparingTo("2.2");
            JsonNode file = newest(read("/api/v1/cycles/2023/criteria/2.2/evidence", "lanhdao"));
            assertThat(file.get("fileName").asString()).isEqualTo("bien-ban-kiem-tra.pdf");
            assertThat(file.get("sha256").asString()).isEqualTo(java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF)));
            byte[] downloaded = mvc.perform(get("/evidence/" + file.get("id").asLong()).with(page("lanhdao")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(downloaded).isEqualTo(PDF);
        }

        private void aUnitThatDoesNotLeadTheCriterionIsRefusedAndNothingIsRecorded() throws Exception {
            // vanphong leads neither 2.2 nor 2.4 (survey): refused, nothing recorded
            long assessments = count("assessment");
            mvc.perform(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(as("vanphong"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 2, \"comment\": \"thử\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/cycles/2023/criteria/2.4/assessments").with(as("vanphong"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 2, \"comment\": \"thử\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments").param("score", "2").param("comment", "x")
                    .with(page("vanphong")).with(csrf())).andExpect(status().isForbidden());
            assertThat(count("assessment")).isEqualTo(assessments);
        }

        private void homeAffairsReturnsItWithAReason() throws Exception {
            // noivu returns it: a reason is required
            mvc.perform(post("/api/v1/assessments/" + first + "/return").with(as("noivu"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \" \"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("comment"));
            mvc.perform(post("/api/v1/assessments/" + first + "/return").with(as("noivu"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Thiếu biên bản kiểm tra quý IV\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
            assertThat(totalCurrent()).isEqualByComparingTo(before);
        }

        private void tuphapResubmitsThroughTheApiAndHomeAffairsApproves() throws Exception {
            // tuphap resubmits through the API, noivu approves
            String created = mvc.perform(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(as("tuphap"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"score\": 2.75, \"comment\": \"Bổ sung biên bản quý IV\"}"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                    .andReturn().getResponse().getContentAsString();
            second = json.readTree(created).get("id").asLong();
            mvc.perform(post("/api/v1/assessments/" + second + "/approve").with(as("noivu"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Đạt\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

            assertThat(criterion("2.2").get("currentScore").decimalValue()).isEqualByComparingTo("2.75");
            assertThat(totalCurrent().subtract(before)).isEqualByComparingTo("2.75");
        }

        private void theHistoryShowsEveryStepWithWhoDidIt() throws Exception {
            // the history shows every step, with who did it
            JsonNode history = read("/api/v1/cycles/2023/criteria/2.2/history", "lanhdao");
            List<String> steps = new ArrayList<>();
            history.forEach(h -> steps.add(h.get("by").asString() + " " + h.get("field").asString() + " "
                    + h.get("newValue").asString()));
            assertThat(steps).containsSubsequence("tuphap status SUBMITTED", "tuphap score 2.2000",
                    "noivu status RETURNED", "tuphap status SUBMITTED", "tuphap score 2.7500", "noivu status APPROVED",
                    "noivu currentScore 2.7500");
            assertThat(steps).anyMatch(s -> s.startsWith("tuphap event UPLOADED"));
        }

        private void theCriterionPageShowsTheThreadToTheLeader() throws Exception {
            // the criterion page shows the thread to the leader
            String html = mvc.perform(get("/cycles/2023/criteria/2.2").with(page("lanhdao")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("Thiếu biên bản kiểm tra quý IV", "bien-ban-kiem-tra.pdf", "2,7500");
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
            assertThat(page.select("#assessment-" + second).attr("data-status")).isEqualTo("APPROVED");
            assertThat(page.select("#assessment-" + first).attr("data-status")).isEqualTo("RETURNED");
            // the leader changes nothing: neither the unit's form nor Home Affairs' scores
            assertThat(page.select("#submit-form")).isEmpty();
            assertThat(page.select("#scores-form")).isEmpty();
        }
    }

    @Test
    void theLeaderChangesNothing() throws Exception {
        long assessments = count("assessment");
        long history = count("change_history");
        mvc.perform(post("/api/v1/cycles/2023/criteria/1.1/assessments").with(as("lanhdao"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 3, \"comment\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/cycles/2023/criteria/1.1").with(as("lanhdao"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"targetScore\": 3, \"comment\": \"x\", \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cycles/2023/criteria/1.1/scores").param("targetScore", "3").param("comment", "x")
                .param("version", "0").with(page("lanhdao")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/1.1/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF)).with(as("lanhdao")))
                .andExpect(status().isForbidden());
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("change_history")).isEqualTo(history);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndChangesNothing() throws Exception {
        long assessments = count("assessment");
        long history = count("change_history");
        long evidence = count("evidence");
        String[][] bad = {
                {"{\"score\": 2.6, \"comment\": \"vượt tối đa 2,5\"}", "score"},
                {"{\"score\": -1, \"comment\": \"âm\"}", "score"},
                {"{\"score\": 1.23456, \"comment\": \"5 chữ số thập phân\"}", "score"},
                {"{\"comment\": \"không có điểm\"}", "score"},
                {"{\"score\": 2, \"comment\": \"  \"}", "comment"},
                {"{\"score\": 2}", "comment"}};
        for (String[] input : bad) {
            mvc.perform(post("/api/v1/cycles/2023/criteria/1.3/assessments").with(as("noivu"))
                            .contentType(MediaType.APPLICATION_JSON).content(input[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(input[1]))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
        mvc.perform(post("/api/v1/cycles/2023/criteria/1.3/assessments").with(as("noivu"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": \"hai\", \"comment\": \"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cycles/2023/criteria/9.9/assessments").with(as("noivu"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 1, \"comment\": \"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/cycles/2031/criteria/1.3/assessments").with(as("noivu"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 1, \"comment\": \"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/2023/criteria/9.9").with(page("noivu"))).andExpect(status().isNotFound());

        // the page form keeps what was typed and puts the message next to the field
        String html = mvc.perform(multipart("/cycles/2023/criteria/1.3/assessments").param("score", "2,123456")
                        .param("comment", "Giải trình dài đã gõ").with(page("noivu")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // (Spring's form tags write typed text with HTML entities: "tr&igrave;nh", shown as "trình")
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(html))
                .contains("Điểm chỉ được có tối đa 4 chữ số thập phân.", "Giải trình dài đã gõ", "value=\"2,123456\"");

        // an HTML page renamed .pdf is not a PDF
        mvc.perform(multipart("/cycles/2023/criteria/1.3/assessments")
                        .file(new MockMultipartFile("files", "bao-cao.pdf", "application/pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                        .param("score", "2").param("comment", "x").with(page("noivu")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/1.3/evidence")
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
                                "<html></html>".getBytes(StandardCharsets.UTF_8))).with(as("noivu")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));

        // admin corrections: comment required, scores within 0..max, no current score on a domain
        mvc.perform(patch("/api/v1/cycles/2023/criteria/1.3").with(as("noivu"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"targetScore\": 2.5, \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(patch("/api/v1/cycles/2023/criteria/1.3").with(as("noivu"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"targetScore\": 3, \"comment\": \"x\", \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("targetScore"));
        mvc.perform(patch("/api/v1/cycles/2023/criteria/1").with(as("noivu"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentScore\": 3, \"comment\": \"x\", \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currentScore"));

        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("change_history")).isEqualTo(history);
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(criterion("1.3").get("targetScore").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void aStaleVersionIsRefusedAndOfTwoConcurrentUpdatesExactlyOneSucceeds() throws Exception {
        long version = criterion("3.3").get("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String target : new String[] {"8", "8.5"}) {
            Callable<Integer> update = () -> {
                start.await();
                return mvc.perform(patch("/api/v1/cycles/2023/criteria/3.3").with(as("noivu"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"targetScore\": " + target + ", \"comment\": \"điều chỉnh\", \"version\": "
                                        + version + "}"))
                        .andReturn().getResponse().getStatus();
            };
            results.add(pool.submit(update));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode after = criterion("3.3");
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("select count(*) from change_history h join criterion c on c.id = h.criterion_id "
                + "where c.code = '3.3' and h.field = 'targetScore'", Long.class)).isEqualTo(1);

        // a form based on the old version is refused with the message, showing the current value
        String html = mvc.perform(post("/cycles/2023/criteria/3.3/scores").param("targetScore", "9")
                        .param("comment", "cũ").param("version", String.valueOf(version))
                        .with(page("noivu")).with(csrf()))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Đã có người khác cập nhật tiêu chí này");
        assertThat(criterion("3.3").get("targetScore").decimalValue())
                .isEqualByComparingTo(after.get("targetScore").decimalValue());
    }

    @Test
    void twoReviewersOnOneSubmissionOneWinsTheOtherIsTold() throws Exception {
        String created = mvc.perform(post("/api/v1/cycles/2023/criteria/7.3/assessments").with(as("vanphong"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 0.5, \"comment\": \"BCCI\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();
        mvc.perform(post("/api/v1/assessments/" + id + "/approve").with(as("noivu"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"ok\", \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/assessments/" + id + "/return").with(as("noivu"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"không\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/assessments/" + id + "/approve").with(as("noivu"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        assertThat(criterion("7.3").get("currentScore").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void homeAffairsReassignsACriterionAndTheRightToSubmitFollows() throws Exception {
        long version = criterion("5.4").get("version").asLong();
        long history = count("change_history");
        // bad input: a unit both leading and coordinating; no comment; a stale version
        mvc.perform(post("/cycles/2023/criteria/5.4/units").param("leadUnits", "TCKH")
                        .param("coordinatingUnits", "TCKH").param("comment", "x").param("version", "" + version)
                        .with(page("noivu")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/2023/criteria/5.4/units").param("leadUnits", "TCKH")
                        .param("version", "" + version).with(page("noivu")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/2023/criteria/5.4/units").param("leadUnits", "TCKH").param("comment", "x")
                        .param("version", "" + (version - 1)).with(page("noivu")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/cycles/2023/criteria/5.4/units").param("leadUnits", "TCKH").param("comment", "x")
                        .param("version", "" + version).with(page("tckh")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(count("change_history")).isEqualTo(history);
        assertThat(criterion("5.4").get("leadUnits").get(0).get("code").asString()).isEqualTo("NOIVU");

        mvc.perform(post("/cycles/2023/criteria/5.4/units").param("leadUnits", "TCKH")
                        .param("comment", "Giao Phòng TC-KH theo Quyết định 12").param("version", "" + version)
                        .with(page("noivu")).with(csrf()))
                .andExpect(status().isFound());
        JsonNode after = criterion("5.4");
        assertThat(after.get("leadUnits")).hasSize(1);
        assertThat(after.get("leadUnits").get(0).get("code").asString()).isEqualTo("TCKH");
        assertThat(after.get("leadUnitsInherited").asBoolean()).isFalse();
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
        mvc.perform(post("/api/v1/cycles/2023/criteria/5.4/assessments").with(as("tckh"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 0.5, \"comment\": \"Đạt\"}"))
                .andExpect(status().isCreated());
        JsonNode entries = read("/api/v1/cycles/2023/criteria/5.4/history", "lanhdao");
        assertThat(entries.get(0).get("field").asString()).isEqualTo("leadUnits");
        // no unit of its own: nothing on record (the page says "Theo mục cha")
        assertThat(entries.get(0).path("oldValue").isNull() || entries.get(0).path("oldValue").isMissingNode())
                .isTrue();
        assertThat(entries.get(0).get("newValue").asString()).isEqualTo("TCKH");
    }

    @Test
    void theHistoryCannotBeEditedOrDeleted() throws java.sql.SQLException {
        jdbc.update("insert into change_history (at, username, entity_type, entity_id, field) "
                + "values (now(), 'test', 'TEST', 1, 'x')");
        jdbc.update("insert into evidence (criterion_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by, uploaded_at) select c.id, 'a.pdf', 'application/pdf', 1, repeat('0', 64), '\\x25', "
                + "u.id, now() from criterion c, app_user u where c.code = '1.1' and u.username = 'noivu' limit 1");
        // the application's role is not even allowed to try
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update change_history set field = 'y'"))
                .rootCause().hasMessageContaining("permission denied");
        // the schema owner is stopped by the triggers
        try (java.sql.Connection connection = ownerConnections.open()) {
            JdbcTemplate owner = new JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.update("update change_history set field = 'y'"))
                    .rootCause().hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.update("delete from change_history"))
                    .rootCause().hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.update("update evidence set file_name = 'x'"))
                    .rootCause().hasMessageContaining("append-only");
        }
    }

    /** Loads a principal the way the login does. */
    static final class CurrentUserLoader {
        static CurrentUser load(AppUserRepository users, String username) {
            return users.findByUsernameWithUnit(username).map(u -> new CurrentUser(u.getId(), u.getUsername(),
                    u.getDisplayName(), u.getPasswordHash(), u.getRole(),
                    u.getUnit() == null ? null : u.getUnit().getId(), u.getUnit() == null ? null : u.getUnit().getCode(),
                    u.getUnit() == null ? null : u.getUnit().getName(), u.isEnabled())).orElseThrow();
        }
    }
}
