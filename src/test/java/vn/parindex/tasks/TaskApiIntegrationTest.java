package vn.parindex.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.WorkflowTest;

/** The plan's tasks through the API: loaded on a fresh start, read per unit, progress recorded by the right people. */
@WorkflowTest
class TaskApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    JsonNode tasks(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cycles/2023/tasks" + query).with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long taskOf(String domain) throws Exception {
        for (JsonNode task : tasks("")) {
            if (task.path("domainCode").asString().equals(domain)) {
                return task.path("id").asLong();
            }
        }
        throw new AssertionError("no task in domain " + domain);
    }

    MockHttpServletRequestBuilder update(long task, String user, String body) {
        return post("/api/v1/tasks/" + task + "/updates").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    long written() {
        return jdbc.queryForObject("select (select count(*) from task_update) + (select count(*) from change_history)"
                + " + (select coalesce(sum(version), 0) from task)", Long.class);
    }

    @Test
    void aFreshStartHoldsThePlansTasksForAllSevenDomainsWithTheirUnits() throws Exception {
        // the plan's tasks: those the seeder created (other tests add their own)
        List<Long> planned = jdbc.queryForList("select entity_id from change_history where entity_type = 'TASK'"
                + " and field = 'event' and new_value = 'created' and username = 'system'", Long.class);
        List<JsonNode> all = new java.util.ArrayList<>();
        tasks("").forEach(t -> {
            if (planned.contains(t.path("id").asLong())) {
                all.add(t);
            }
        });
        Map<String, Integer> perDomain = new TreeMap<>();
        all.forEach(t -> perDomain.merge(t.path("domainCode").asString(), 1, Integer::sum));
        assertThat(perDomain).isEqualTo(Map.of("1", 7, "2", 3, "3", 7, "4", 2, "5", 5, "6", 5, "7", 6));
        JsonNode first = all.get(0);
        assertThat(first.path("title").asString()).isEqualTo("Triển khai Kế hoạch CCHC năm 2023 và chế độ báo cáo CCHC");
        assertThat(first.path("criterionCodes").toString()).isEqualTo("[\"1.1\",\"1.2\"]");
        assertThat(first.path("leadUnits").get(0).path("code").asString()).isEqualTo("NOIVU");
        assertThat(first.path("leadUnits").get(0).path("name").asString()).isEqualTo("Phòng Nội vụ");
        assertThat(first.path("coordinatingUnits").size()).isEqualTo(5);
        // the plan gives no dates: the whole year, due at its end; not done after it, so overdue today
        assertThat(first.path("startDate").asString()).isEqualTo("2023-01-01");
        assertThat(first.path("dueDate").asString()).isEqualTo("2023-12-31");
        assertThat(first.path("overdue").asBoolean()).isEqualTo(first.path("status").asString().equals("DONE") ? false
                : java.time.LocalDate.now().isAfter(java.time.LocalDate.of(2023, 12, 31)));
        // per criterion in domain 1: 1.4 is Văn hóa – Thông tin's
        JsonNode propaganda = all.get(1);
        assertThat(propaganda.path("criterionCodes").toString()).isEqualTo("[\"1.4\"]");
        assertThat(propaganda.path("leadUnits").toString()).contains("VHTT").doesNotContain("NOIVU");
    }

    @Test
    void aUnitSeesTheTasksItLeads() throws Exception {
        JsonNode justice = tasks("?unit=TUPHAP");
        assertThat(justice.size()).isGreaterThanOrEqualTo(3);
        justice.forEach(t -> assertThat(t.path("leadUnits").toString()).contains("\"TUPHAP\""));
        assertThat(tasks("?unit=tuphap").size()).isEqualTo(justice.size());
        assertThat(tasks("?unit=THANHTRA")).allMatch(t -> t.path("domainCode").asString().matches("[36]"));
        mvc.perform(get("/api/v1/cycles/2023/tasks?unit=KHONGCO").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound());
        for (String unit : List.of("X".repeat(33), "%00", "TU%20PHAP", "TUPHAP'--")) {
            mvc.perform(get("/api/v1/cycles/2023/tasks?unit=" + unit).with(httpBasic("lanhdao", "demo")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unit"));
        }
        mvc.perform(get("/api/v1/cycles/1999/tasks").with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cycles/2023/tasks")).andExpect(status().isUnauthorized());
    }

    @Test
    void theLeadUnitsHeadRecordsProgressOnRecord() throws Exception {
        long task = taskOf("2");
        String note = "Đã ban hành Kế hoạch theo dõi thi hành pháp luật " + System.nanoTime();
        tasks("?unit=TUPHAP"); // kept now: the update below must show all the same
        mvc.perform(update(task, "tuphap", "{\"note\": \"" + note + "\", \"percent\": 40, \"status\": \"IN_PROGRESS\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(task))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        JsonNode after = null;
        for (JsonNode t : tasks("?unit=TUPHAP")) {
            if (t.path("id").asLong() == task) {
                after = t;
            }
        }
        assertThat(after).isNotNull();
        assertThat(after.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.path("overdue").asBoolean()).isTrue();
        assertThat(after.path("lastUpdate").path("note").asString()).isEqualTo(note);
        assertThat(after.path("lastUpdate").path("percent").asInt()).isEqualTo(40);
        assertThat(after.path("lastUpdate").path("by").asString()).isNotBlank();
        assertThat(jdbc.queryForList("select field from change_history where entity_type = 'TASK' and entity_id = ?"
                + " and username = 'tuphap'", String.class, task)).contains("status", "event");
        // Home Affairs may too; a note alone changes no status
        mvc.perform(update(task, "noivu", "{\"note\": \"Đôn đốc\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    @Test
    void badInputAndTheWrongPeopleChangeNothing() throws Exception {
        long justice = taskOf("2");
        long organisation = taskOf("4");
        long before = written();
        record Bad(long task, String user, String body, int status, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(organisation, "tuphap", "{\"note\": \"x\"}", 403, null),
                new Bad(justice, "lanhdao", "{\"note\": \"x\"}", 403, null),
                new Bad(justice, "tuphap", "{\"note\": \"  \"}", 400, "note"),
                new Bad(justice, "tuphap", "{\"percent\": 10}", 400, "note"),
                new Bad(justice, "tuphap", "{\"note\": \"" + "a".repeat(4001) + "\"}", 400, "note"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"percent\": 101}", 400, "percent"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"percent\": -1}", 400, "percent"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"status\": \"XONG\"}", 400, "status"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"status\": \"done\"}", 400, "status"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"status\": \"\"}", 400, "status"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"percent\": 50.7}", 400, "percent"),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"percent\": 1e400}", 400, "percent"),
                new Bad(justice, "tuphap", "{\"note\": \"a\\u0000b\"}", 400, "note"),
                new Bad(organisation, "lanhdao", "{\"note\": \"x\", \"percent\": 120}", 403, null),
                new Bad(justice, "tuphap", "{\"note\": \"x\", \"percent\": \"nhiều\"}", 400, null),
                new Bad(justice, "tuphap", "{\"note\": ", 400, null),
                new Bad(999_999, "noivu", "{\"note\": \"x\"}", 404, null));
        for (Bad b : bad) {
            var result = mvc.perform(update(b.task(), b.user(), b.body()))
                    .andExpect(status().is(b.status()));
            if (b.field() != null) {
                result.andExpect(jsonPath("$.errors[0].field").value(b.field()));
            }
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void evidenceIsAttachedToAnUpdateByThoseWhoMayUpdateTheTask() throws Exception {
        long task = taskOf("2");
        long other = taskOf("4");
        long update = json.readTree(mvc.perform(update(task, "tuphap", "{\"note\": \"Có biên bản\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("id").asLong();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        long files = jdbc.queryForObject("select count(*) from evidence", Long.class);
        // another unit's head, a leader, an update of another task, no file, a page renamed .pdf: nothing stored
        mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf)).with(httpBasic("vhtt", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf)).with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/tasks/" + other + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf)).with(httpBasic("noivu", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("other", "a.pdf", "application/pdf", pdf)).with(httpBasic("tuphap", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "<html>".getBytes()))
                .with(httpBasic("tuphap", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(jdbc.queryForObject("select count(*) from evidence", Long.class)).isEqualTo(files);
        mvc.perform(multipart("/api/v1/tasks/" + task + "/updates/" + update + "/evidence")
                .file(new MockMultipartFile("file", "bien-ban.pdf", "application/pdf", pdf))
                .with(httpBasic("tuphap", "demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ids[0]").isNumber());
        assertThat(jdbc.queryForObject("select count(*) from evidence where task_update_id = ? and criterion_id is null",
                Long.class, update)).isEqualTo(1);
    }

    @Test
    void aClosedCycleTakesNoMoreProgress() throws Exception {
        long task = taskOf("2");
        long before = written();
        jdbc.update("update cycle set status = 'CLOSED' where year = 2023");
        try {
            mvc.perform(update(task, "noivu", "{\"note\": \"Muộn\"}")).andExpect(status().isConflict());
            assertThat(written()).isEqualTo(before);
        } finally {
            jdbc.update("update cycle set status = 'ACTIVE' where year = 2023");
        }
    }
}
