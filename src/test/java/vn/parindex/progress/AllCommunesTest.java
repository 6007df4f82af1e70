package vn.parindex.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * "UBND các xã, thị trấn" (issue 24, item 5): a criterion's coordinating units and a task's units name every commune
 * with one flag. Each commune's head, of a commune there before the flag was set and of one added after, sees the
 * criterion and the task as its own, owes the period's input, writes it and records the task's progress (its part:
 * never "done"); the flag cleared, none of that. Tân Yên's seed has no communes: the test adds its own and leaves
 * them inactive, so the body has none again for every other test (and for the refusal below).
 */
@WorkflowTest
class AllCommunesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AppUserRepository users;

    final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    final List<Long> added = new ArrayList<>();

    @AfterEach
    void noActiveCommuneLeft() {
        for (Long unit : added) {
            jdbc.update("update unit set active = false where id = ?", unit);
        }
        jdbc.update("update task set all_communes = false where all_communes");
        jdbc.update("update criterion set all_communes_coordinate = false where all_communes_coordinate");
    }

    long unit(String code, String name, String kind) {
        Long id = jdbc.queryForObject("insert into unit (code, name, kind) values (?, ?, ?) returning id", Long.class,
                code, name, kind);
        added.add(id);
        return id;
    }

    /** A commune and its head (password "demo", as the demo accounts'). */
    String commune(String letter) {
        String code = "XA_THU_" + letter + "_" + suffix;
        long id = unit(code, "Xã Thử " + letter + " " + suffix, "COMMUNE");
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'noivu'", String.class);
        String username = "xathu" + letter.toLowerCase() + suffix.toLowerCase();
        jdbc.update("insert into app_user (username, display_name, password_hash, role, unit_id) "
                + "values (?, ?, ?, 'UNIT_HEAD', ?)", username, "Chủ tịch Xã Thử " + letter, hash, id);
        return code;
    }

    String username(String code) {
        return jdbc.queryForObject("select a.username from app_user a join unit u on u.id = a.unit_id where u.code = ?",
                String.class, code);
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    JsonNode api(String path, String user) throws Exception {
        return read(mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()));
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String user, String body) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A self-assessed criterion of 2023 without parts that names its own lead unit. */
    String criterion() {
        return jdbc.queryForObject("""
                select c.code from criterion c join cycle y on y.id = c.cycle_id
                where y.year = 2023 and c.scoring_method = 'SELF_ASSESSMENT'
                  and not exists (select 1 from criterion k where k.parent_id = c.id)
                  and exists (select 1 from criterion_unit cu where cu.criterion_id = c.id and cu.role = 'LEAD')
                order by c.id desc limit 1""", String.class);
    }

    String leadOf(String code) {
        return jdbc.queryForObject("""
                select u.code from criterion_unit cu join unit u on u.id = cu.unit_id join criterion c
                on c.id = cu.criterion_id join cycle y on y.id = c.cycle_id
                where y.year = 2023 and c.code = ? and cu.role = 'LEAD' order by cu.position limit 1""",
                String.class, code);
    }

    long version(String code) {
        return jdbc.queryForObject("select c.version from criterion c join cycle y on y.id = c.cycle_id "
                + "where y.year = 2023 and c.code = ?", Long.class, code);
    }

    /** The assignment form of the criterion page, sent by Home Affairs with the box ticked or not. */
    void assign(String code, boolean all) throws Exception {
        var form = SignedIn.form(users, "noivu", "/cycles/2023/criteria/" + code + "/units")
                .param("leadUnits", leadOf(code)).param("comment", "UBND các xã, thị trấn phối hợp")
                .param("version", "" + version(code)).param("_allCommunes", "on");
        if (all) {
            form.param("allCommunes", "true");
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());
    }

    List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(u -> codes.add(u.path("code").asString()));
        return codes;
    }

    JsonNode criterionJson(String code) throws Exception {
        for (JsonNode c : api("/api/v1/cycles/2023/criteria", "lanhdao")) {
            if (c.path("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + code);
    }

    JsonNode taskJson(long id, String unit) throws Exception {
        for (JsonNode t : api("/api/v1/cycles/2023/tasks" + (unit == null ? "" : "?unit=" + unit), "lanhdao")) {
            if (t.path("id").asLong() == id) {
                return t;
            }
        }
        return null;
    }

    boolean owesInput(String commune, long task) throws Exception {
        JsonNode input = api("/api/v1/cycles/2023/reports/2023-Q3/units/" + commune, "noivu");
        for (JsonNode t : input.path("tasks")) {
            if (t.path("taskId").asLong() == task) {
                return true;
            }
        }
        return false;
    }

    boolean onTodo(String user, String link) throws Exception {
        for (JsonNode item : api("/api/v1/todo", user).path("items")) {
            if (item.path("link").asString().equals(link)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyCommuneTheFlagNamesDoesItsPartAndNoneOnceItIsCleared() throws Exception {
        String a = commune("A");
        String lead = "PTHU_" + suffix;
        unit(lead, "Phòng Thử " + suffix, "DISTRICT_OFFICE");
        String code = criterion();
        String name = criterionJson(code).path("name").asString();

        // the flag on a criterion (the page's box) and on a task (the API's field)
        Document page = SignedIn.page(mvc, users, "noivu", "/cycles/2023/criteria/" + code);
        assertThat(page.select("#help-all-communes")).hasSize(1);
        // an unticked box still says so: Spring's marker field, which the form writes beside it
        assertThat(page.select("#units-form input[type=hidden][name=_allCommunes]")).hasSize(1);
        assign(code, true);
        assertThat(criterionJson(code).path("allCommunesCoordinate").asBoolean()).isTrue();
        JsonNode created = read(send(post("/api/v1/cycles/2023/tasks"), "noivu", """
                {"title": "Rà soát thủ tục hành chính cấp xã %s", "domainCode": "2", "leadUnits": ["%s"],
                 "startDate": "2023-01-01", "dueDate": "2023-12-31", "allCommunes": true}"""
                .formatted(suffix, lead)).andExpect(status().isCreated()));
        long task = created.path("id").asLong();
        assertThat(created.path("allCommunes").asBoolean()).isTrue();
        assertThat(codes(created.path("coordinatingUnits"))).contains(a);
        assertThat(SignedIn.page(mvc, users, "noivu", "/tasks/" + task + "/edit").select("#all-communes[checked]"))
                .hasSize(1);

        // a commune added after the flags were set is covered too
        String b = commune("B");
        for (String commune : List.of(a, b)) {
            String head = username(commune);
            assertThat(codes(criterionJson(code).path("coordinatingUnits"))).contains(commune);
            assertThat(codes(taskJson(task, null).path("coordinatingUnits"))).contains(commune);
            assertThat(taskJson(task, commune)).isNotNull();
            // the unit's page and /assignments list the criterion among those it helps with
            assertThat(SignedIn.page(mvc, users, head, "/units/" + commune).text()).contains(name);
            assertThat(SignedIn.page(mvc, users, head, "/assignments").text()).contains(name);
            // the to-do list names the period's input it owes; the input holds the task; the head writes it
            assertThat(owesInput(commune, task)).isTrue();
            assertThat(onTodo(head, "/cycles/2023/reports/2023-Q3/units/" + commune)).isTrue();
            send(put("/api/v1/cycles/2023/reports/2023-Q3/units/" + commune), head, """
                    {"tasks": [{"taskId": %d, "result": "Đã rà soát 12 thủ tục", "status": "DONE"}],
                     "submit": true}""".formatted(task))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.unit.status").value("SUBMITTED"))
                    .andExpect(jsonPath("$.tasks[?(@.taskId == %d)].reportedStatus".formatted(task))
                            .value("DONE"));
            // its progress: recorded, but the task is done when its lead says so
            send(post("/api/v1/tasks/" + task + "/updates"), head, "{\"note\": \"Xã đã niêm yết\", \"percent\": 60}")
                    .andExpect(status().isCreated());
            send(post("/api/v1/tasks/" + task + "/updates"), head, "{\"note\": \"Xong\", \"status\": \"DONE\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        }
        // a commune's "done" in its input moved the task forward, not to done
        assertThat(taskJson(task, null).path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.queryForObject("select count(*) from task_update u join app_user a on a.id = u.author_id "
                + "where u.task_id = ? and a.unit_id in (select id from unit where code in (?, ?))", Long.class,
                task, a, b)).isEqualTo(3);
        // an office that neither leads nor is a commune still may not
        send(post("/api/v1/tasks/" + task + "/updates"), "tuphap", "{\"note\": \"Không phải việc của tôi\"}")
                .andExpect(status().isForbidden());

        // the flags cleared: the communes no longer take part (the box unticked, the field false)
        assign(code, false);
        send(patch("/api/v1/tasks/" + task), "noivu", "{\"version\": %d, \"allCommunes\": false}"
                .formatted(taskJson(task, null).path("version").asLong())).andExpect(status().isOk());
        assertThat(criterionJson(code).path("allCommunesCoordinate").asBoolean()).isFalse();
        assertThat(taskJson(task, null).path("allCommunes").asBoolean()).isFalse();
        for (String commune : List.of(a, b)) {
            String head = username(commune);
            assertThat(codes(criterionJson(code).path("coordinatingUnits"))).doesNotContain(commune);
            assertThat(codes(taskJson(task, null).path("coordinatingUnits"))).doesNotContain(commune);
            assertThat(taskJson(task, commune)).isNull();
            assertThat(SignedIn.page(mvc, users, head, "/assignments").text()).doesNotContain(name);
            assertThat(SignedIn.page(mvc, users, head, "/units/" + commune).text()).doesNotContain(name);
            assertThat(owesInput(commune, task)).isFalse();
            assertThat(onTodo(head, "/tasks/" + task)).isFalse();
            send(post("/api/v1/tasks/" + task + "/updates"), head, "{\"note\": \"Còn làm\"}")
                    .andExpect(status().isForbidden());
        }
        // the history names both changes
        assertThat(jdbc.queryForList("select field from change_history where field in ('allCommunes', "
                + "'allCommunesCoordinate') and new_value = 'false'", String.class))
                .contains("allCommunes", "allCommunesCoordinate");
    }

    @Test
    void aBodyWithoutCommunesIsNotOfferedTheBoxAndTheApiRefusesTheFlag() throws Exception {
        // Tân Yên as seeded has no commune; other tests of this database may have added some: put away meanwhile
        List<Long> others = jdbc.queryForList("select id from unit where kind = 'COMMUNE' and active", Long.class);
        jdbc.update("update unit set active = false where kind = 'COMMUNE' and active");
        try {
            withoutCommunes();
        } finally {
            for (Long unit : others) {
                jdbc.update("update unit set active = true where id = ?", unit);
            }
        }
    }

    void withoutCommunes() throws Exception {
        String code = criterion();
        assertThat(SignedIn.page(mvc, users, "noivu", "/cycles/2023/criteria/" + code).select("#help-all-communes"))
                .isEmpty();
        assertThat(SignedIn.page(mvc, users, "noivu", "/cycles/2023/tasks/new").select("#all-communes")).isEmpty();
        long tasks = jdbc.queryForObject("select count(*) from task", Long.class);
        send(post("/api/v1/cycles/2023/tasks"), "noivu", """
                {"title": "Nhiệm vụ các xã", "domainCode": "2", "leadUnits": ["NOIVU"],
                 "startDate": "2023-01-01", "dueDate": "2023-12-31", "allCommunes": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("allCommunes"));
        assertThat(jdbc.queryForObject("select count(*) from task", Long.class)).isEqualTo(tasks);
        // the page's form, sent with the box anyway: refused next to it, nothing changed
        long version = version(code);
        mvc.perform(SignedIn.form(users, "noivu", "/cycles/2023/criteria/" + code + "/units")
                        .param("leadUnits", leadOf(code)).param("allCommunes", "true").param("comment", "Thử")
                        .param("version", "" + version))
                .andExpect(status().isBadRequest());
        assertThat(version(code)).isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from criterion where all_communes_coordinate", Long.class))
                .isZero();
    }
}
