package vn.parindex.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.WorkflowTest;

/** Home Affairs creates and changes tasks; every bad input and every wrong person changes nothing. */
@WorkflowTest
class TaskEditingIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    static final String GOOD = """
            {"title": "Rà soát thủ tục hành chính quý II", "description": "Rà soát, đề xuất đơn giản hóa",
             "domainCode": "2", "criterionCodes": ["2.1"], "leadUnits": ["tuphap"],
             "coordinatingUnits": ["VANPHONG"], "startDate": "01/04/2023", "dueDate": "30/06/2023"}""";

    MockHttpServletRequestBuilder create(String user, String body) {
        return post("/api/v1/cycles/2023/tasks").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    MockHttpServletRequestBuilder change(long id, String user, String body) {
        return patch("/api/v1/tasks/" + id).with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from task) + (select count(*) from task_unit)"
                + " + (select count(*) from task_criterion) + (select count(*) from change_history)"
                + " + (select coalesce(sum(version), 0) from task)", Long.class);
    }

    @Test
    void homeAffairsCreatesATaskAndChangesItOnRecord() throws Exception {
        JsonNode task = read(mvc.perform(create("noivu", GOOD)).andExpect(status().isCreated()));
        long id = task.path("id").asLong();
        assertThat(task.path("title").asString()).isEqualTo("Rà soát thủ tục hành chính quý II");
        assertThat(task.path("domainCode").asString()).isEqualTo("2");
        assertThat(task.path("criterionCodes").toString()).isEqualTo("[\"2.1\"]");
        assertThat(task.path("leadUnits").get(0).path("code").asString()).isEqualTo("TUPHAP");
        assertThat(task.path("coordinatingUnits").get(0).path("code").asString()).isEqualTo("VANPHONG");
        assertThat(task.path("startDate").asString()).isEqualTo("2023-04-01");
        assertThat(task.path("dueDate").asString()).isEqualTo("2023-06-30");
        assertThat(task.path("status").asString()).isEqualTo("NOT_STARTED");
        long version = task.path("version").asLong();

        // a change of the due date and the status (closing it); the rest stays
        JsonNode changed = read(mvc.perform(change(id, "noivu",
                "{\"version\": " + version + ", \"dueDate\": \"2023-07-15\", \"status\": \"DONE\"}"))
                .andExpect(status().isOk()));
        assertThat(changed.path("dueDate").asString()).isEqualTo("2023-07-15");
        assertThat(changed.path("status").asString()).isEqualTo("DONE");
        assertThat(changed.path("overdue").asBoolean()).isFalse();
        assertThat(changed.path("title").asString()).isEqualTo(task.path("title").asString());
        assertThat(changed.path("leadUnits").toString()).isEqualTo(task.path("leadUnits").toString());
        assertThat(changed.path("version").asLong()).isEqualTo(version + 1);
        assertThat(jdbc.queryForList("select field || ':' || old_value || '>' || new_value from change_history"
                + " where entity_type = 'TASK' and entity_id = ? and username = 'noivu' and field <> 'event'"
                + " order by id", String.class, id))
                .containsExactly("dueDate:2023-06-30>2023-07-15", "status:NOT_STARTED>DONE");

        // someone else's change meanwhile: the old version is refused, nothing written
        long before = written();
        mvc.perform(change(id, "noivu", "{\"version\": " + version + ", \"title\": \"Khác\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.currentVersion").value(version + 1));
        assertThat(written()).isEqualTo(before);
        // the same values again: nothing to change, nothing written
        mvc.perform(change(id, "noivu", "{\"version\": " + (version + 1) + ", \"status\": \"DONE\"}"))
                .andExpect(status().isOk());
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void badTasksAndTheWrongPeopleChangeNothing() throws Exception {
        long id = read(mvc.perform(create("noivu", GOOD)).andExpect(status().isCreated())).path("id").asLong();
        long version = jdbc.queryForObject("select version from task where id = ?", Long.class, id);
        long before = written();
        record Bad(String user, String body, int status, String field) {
        }
        String good = GOOD.replace("\n", " ");
        List<Bad> creations = List.of(
                new Bad("tuphap", good, 403, null),
                new Bad("lanhdao", good, 403, null),
                new Bad("noivu", good.replace("\"Rà soát thủ tục hành chính quý II\"", "\"  \""), 400, "title"),
                new Bad("noivu", good.replace("\"Rà soát thủ tục hành chính quý II\"", "null"), 400, "title"),
                new Bad("noivu", good.replace("Rà soát thủ tục hành chính quý II", "a".repeat(301)), 400, "title"),
                new Bad("noivu", good.replace("[\"tuphap\"]", "[]"), 400, "leadUnits"),
                new Bad("noivu", good.replace("[\"tuphap\"]", "[\"KHONGCO\"]"), 400, "leadUnits"),
                new Bad("noivu", good.replace("[\"tuphap\"]", "[\"TU PHAP\"]"), 400, "leadUnits"),
                new Bad("noivu", good.replace("[\"VANPHONG\"]", "[\"TUPHAP\"]"), 400, "coordinatingUnits"),
                new Bad("noivu", good.replace("\"30/06/2023\"", "\"31/03/2023\""), 400, "dueDate"),
                new Bad("noivu", good.replace("\"30/06/2023\"", "\"15/01/2024\""), 400, "dueDate"),
                new Bad("noivu", good.replace("\"01/04/2023\"", "\"31/12/2022\""), 400, "startDate"),
                new Bad("noivu", good.replace("\"30/06/2023\"", "\"31/02/2023\""), 400, "dueDate"),
                new Bad("noivu", good.replace("\"30/06/2023\"", "\"2023-13-01\""), 400, "dueDate"),
                new Bad("noivu", good.replace("\"30/06/2023\"", "\"ngày mai\""), 400, "dueDate"),
                new Bad("noivu", good.replace("\"01/04/2023\"", "null"), 400, "startDate"),
                new Bad("noivu", good.replace("\"domainCode\": \"2\"", "\"domainCode\": \"9\""), 400, "domainCode"),
                new Bad("noivu", good.replace("\"domainCode\": \"2\"", "\"domainCode\": \"2.1\""), 400,
                        "domainCode"),
                new Bad("noivu", good.replace("[\"2.1\"]", "[\"3.1\"]"), 400, "criterionCodes"),
                new Bad("noivu", good.replace("[\"2.1\"]", "[\"9.9\"]"), 400, "criterionCodes"),
                new Bad("noivu", good.replace("}", ", \"status\": \"XONG\"}"), 400, "status"),
                new Bad("noivu", good.replace("Rà soát, đề xuất", "a\\u0000b"), 400, "description"),
                new Bad("noivu", "{\"title\": ", 400, null));
        for (Bad b : creations) {
            var result = mvc.perform(create(b.user(), b.body())).andExpect(status().is(b.status()));
            if (b.field() != null) {
                result.andExpect(jsonPath("$.errors[0].field").value(b.field()));
            }
        }
        List<Bad> changes = List.of(
                new Bad("tuphap", "{\"version\": " + version + ", \"title\": \"x\"}", 403, null),
                new Bad("lanhdao", "{\"version\": " + version + ", \"title\": \"x\"}", 403, null),
                new Bad("noivu", "{\"title\": \"x\"}", 400, "version"),
                new Bad("noivu", "{\"version\": " + version + ", \"title\": \" \"}", 400, "title"),
                new Bad("noivu", "{\"version\": " + version + ", \"leadUnits\": []}", 400, "leadUnits"),
                new Bad("noivu", "{\"version\": " + version + ", \"startDate\": \"01/07/2023\"}", 400, "dueDate"),
                new Bad("noivu", "{\"version\": " + version + ", \"dueDate\": \"01/01/2024\"}", 400, "dueDate"),
                new Bad("noivu", "{\"version\": " + version + ", \"status\": \"done\"}", 400, "status"),
                new Bad("noivu", "{\"version\": " + (version + 5) + ", \"title\": \"x\"}", 409, null));
        for (Bad b : changes) {
            var result = mvc.perform(change(id, b.user(), b.body())).andExpect(status().is(b.status()));
            if (b.field() != null) {
                result.andExpect(jsonPath("$.errors[0].field").value(b.field()));
            }
        }
        mvc.perform(change(999_999, "noivu", "{\"version\": 0, \"title\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/cycles/1999/tasks").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(good)).andExpect(status().isNotFound());
        assertThat(written()).isEqualTo(before);
        mvc.perform(create("noivu", good)).andExpect(status().isCreated());
        assertThat(written()).isGreaterThan(before); // the counter does count a good one
    }

    @Test
    void aClosedCycleTakesNoNewOrChangedTasks() throws Exception {
        long id = read(mvc.perform(create("noivu", GOOD)).andExpect(status().isCreated())).path("id").asLong();
        long version = jdbc.queryForObject("select version from task where id = ?", Long.class, id);
        long before = written();
        jdbc.update("update cycle set status = 'CLOSED' where year = 2023");
        try {
            mvc.perform(create("noivu", GOOD)).andExpect(status().isConflict());
            mvc.perform(change(id, "noivu", "{\"version\": " + version + ", \"title\": \"Muộn\"}"))
                    .andExpect(status().isConflict());
            assertThat(written()).isEqualTo(before);
        } finally {
            jdbc.update("update cycle set status = 'ACTIVE' where year = 2023");
        }
    }
}
