package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.RealServerTest;

/**
 * Races the database settles (one pending submission per criterion, one review per submission) and versions on
 * every editable record (ranking table, units), on the running server.
 */
@RealServerTest
class ConcurrencyAndVersionsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RequestPostProcessor page(String username) {
        return user(WorkflowIntegrationTest.CurrentUserLoader.load(users, username));
    }

    HttpResponse<String> postJson(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", HostileInputsIT.basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Runs {@code n} copies of {@code call} at once and returns their status codes. */
    static List<Integer> race(int n, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> response = f.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.body()).contains("\"detail\"");
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    long pending(String code) {
        return jdbc.queryForObject("""
                select count(*) from assessment a join criterion c on c.id = a.criterion_id
                join cycle y on y.id = c.cycle_id where y.year = 2023 and c.code = ? and a.status = 'SUBMITTED'""",
                Long.class, code);
    }

    long currentScoreChanges(String code) {
        return jdbc.queryForObject("""
                select count(*) from change_history h join criterion c on c.id = h.criterion_id
                join cycle y on y.id = c.cycle_id
                where y.year = 2023 and c.code = ? and h.entity_type = 'CRITERION' and h.field = 'currentScore'""",
                Long.class, code);
    }

    @Test
    void thirtyParallelSubmissionsOneAcceptedTheRestTold() throws Exception {
        List<Integer> statuses = race(30, () -> postJson("tuphap", "/api/v1/cycles/2023/criteria/2.3/assessments",
                "{\"score\": 1.5, \"comment\": \"Đã theo dõi thi hành pháp luật\"}"));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(29);
        assertThat(pending("2.3")).isEqualTo(1);
        HttpResponse<String> again = postJson("tuphap", "/api/v1/cycles/2023/criteria/2.3/assessments",
                "{\"score\": 1, \"comment\": \"x\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("chờ Phòng Nội vụ rà soát");
        // Home Affairs returns it: the shared database has nothing pending on 2.3 again
        long accepted = jdbc.queryForObject("select max(a.id) from assessment a join criterion k on k.id = a.criterion_id"
                + " where k.code = '2.3' and a.status = 'SUBMITTED'", Long.class);
        assertThat(postJson("noivu", "/api/v1/assessments/" + accepted + "/return", "{\"comment\": \"Trả lại\"}")
                .statusCode()).isEqualTo(200);
        assertThat(pending("2.3")).isZero();
    }

    @Test
    void approvingOrReturningTwiceInParallelChangesTheScoreOnce() throws Exception {
        for (String outcome : List.of("approve", "return")) {
            String code = outcome.equals("approve") ? "2.2" : "2.1";
            HttpResponse<String> created = postJson("noivu", "/api/v1/cycles/2023/criteria/" + code
                    + "/assessments", "{\"score\": 1.25, \"comment\": \"Tự đánh giá\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = json.readTree(created.body()).get("id").asLong();
            long changesBefore = currentScoreChanges(code);
            List<Integer> statuses = race(2, () -> postJson("noivu", "/api/v1/assessments/" + id + "/" + outcome,
                    "{\"comment\": \"Lý do\", \"version\": 0}"));
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(currentScoreChanges(code) - changesBefore).isEqualTo(outcome.equals("approve") ? 1 : 0);
            assertThat(pending(code)).isZero();
        }
    }

    long peerVersion(long id) {
        return jdbc.queryForObject("select version from peer_district_score where id = ?", Long.class, id);
    }

    @Test
    void theRankingTableKeepsLongNamesAndRefusesStaleVersions() throws Exception {
        String longName = "Huyện " + "Việt Yên ".repeat(10).strip();
        assertThat(longName.length()).isBetween(65, 100);
        mvc.perform(post("/cycles/2023/ranking").param("district", longName).param("total", "86,25")
                .with(page("noivu")).with(csrf())).andExpect(status().isFound());
        long id = jdbc.queryForObject("select id from peer_district_score where district = ?", Long.class,
                longName);
        assertThat(jdbc.queryForObject("select count(*) from change_history where entity_type = 'PEER_DISTRICT'"
                + " and entity_id = ? and field = 'total' and comment = ?", Long.class, id, longName)).isOne();
        long version = peerVersion(id);

        // entering the name again is a conflict, not a silent overwrite
        mvc.perform(post("/cycles/2023/ranking").param("district", longName.toUpperCase()).param("total", "1")
                .with(page("noivu")).with(csrf())).andExpect(status().isConflict());
        // a correction needs the version shown; a stale one is refused
        mvc.perform(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "87")
                .with(page("noivu")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "87")
                .param("version", "abc").with(page("noivu")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "87")
                .param("version", String.valueOf(version + 7)).with(page("noivu")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/cycles/2023/ranking").param("district", "x".repeat(101)).param("total", "87")
                .with(page("noivu")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/2023/ranking/" + id + "/delete").param("version", String.valueOf(version + 7))
                .with(page("noivu")).with(csrf())).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select total from peer_district_score where id = ?",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("86.25");
        assertThat(peerVersion(id)).isEqualTo(version);

        mvc.perform(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "87")
                .param("version", String.valueOf(version)).with(page("noivu")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select total from peer_district_score where id = ?",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("87");
        // the form showed version N: after the correction it is stale
        mvc.perform(post("/cycles/2023/ranking").param("id", String.valueOf(id)).param("total", "88")
                .param("version", String.valueOf(version)).with(page("noivu")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/cycles/2023/ranking/" + id + "/delete").param("version", String.valueOf(peerVersion(id)))
                .with(page("noivu")).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from peer_district_score where id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void unitsNeedTheirVersionAndNamesFitTheirColumn() throws Exception {
        long id = jdbc.queryForObject("select id from unit where code = 'TUPHAP'", Long.class);
        long version = jdbc.queryForObject("select version from unit where id = ?", Long.class, id);
        String name = jdbc.queryForObject("select name from unit where id = ?", String.class, id);
        mvc.perform(post("/admin/units/" + id).param("name", "Phòng Tư pháp huyện").param("active", "true")
                .with(page("noivu")).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/units/" + id).param("name", "Phòng Tư pháp huyện").param("active", "true")
                .param("version", String.valueOf(version + 3)).with(page("noivu")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/admin/units/" + id).param("name", "P".repeat(201)).param("active", "true")
                .param("version", String.valueOf(version)).with(page("noivu")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/units").param("code", "XA_DAI").param("name", "X".repeat(201))
                .param("kind", "COMMUNE").with(page("noivu")).with(csrf())).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select name from unit where id = ?", String.class, id)).isEqualTo(name);
        assertThat(jdbc.queryForObject("select count(*) from unit where code = 'XA_DAI'", Long.class)).isZero();
    }
}
