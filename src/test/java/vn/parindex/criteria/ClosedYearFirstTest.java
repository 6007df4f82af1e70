package vn.parindex.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * A closed year answers 409 ({@code conflict.cycleClosed}) before it judges what was sent ({@link ClosedYearGuard},
 * {@link RefusedWhenClosed}): for each write addressed by its year, or by the id of a task or an assessment of that
 * year, input that would be refused (400) in an open year
 * is refused as a closed year's write, by the API (a problem document of status 409) and by the pages (status 409,
 * the page again with the message as its alert, or the error page naming it), and nothing is written. Whoever could
 * not write even in an open year is still refused with 403, and an id that names nothing with 404. 2023 is closed
 * for each test only.
 */
@WorkflowTest
class ClosedYearFirstTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AppUserRepository users;

    @Autowired
    MessageSource messages;

    static final String CLOSED = "conflict.cycleClosed";

    /** A reviewed submission of 2.2 in 2023, for the reviews addressed by the assessment's id (made while open). */
    long assessment;

    @BeforeEach
    void close() {
        assessment = jdbc.queryForObject("""
                insert into assessment (criterion_id, score, explanation, status, submitted_by, submitted_at,
                    reviewed_by, reviewed_at)
                select k.id, 1, 'x', 'APPROVED', (select id from app_user where username = 'tuphap'), now(),
                    (select id from app_user where username = 'noivu'), now()
                from criterion k join cycle c on c.id = k.cycle_id where c.year = 2023 and k.code = '2.2'
                returning id""", Long.class);
        jdbc.update("update cycle set status = 'CLOSED' where year = 2023");
    }

    @AfterEach
    void reopen() {
        jdbc.update("update cycle set status = 'ACTIVE' where year = 2023");
    }

    @AfterEach
    void removeTheAssessment() {
        jdbc.update("delete from assessment where id = ?", assessment);
    }

    /** A 2023 task that the office VHTT leads (the plan's 1.4), for the writes addressed by the task's id. */
    long task() {
        return jdbc.queryForObject("""
                select min(t.id) from task t join cycle c on c.id = t.cycle_id
                join task_unit tu on tu.task_id = t.id and tu.role = 'LEAD'
                join unit u on u.id = tu.unit_id
                where c.year = 2023 and u.code = 'VHTT'""", Long.class);
    }

    /** What any of these writes would change: the history, and the records they write. */
    long written() {
        return jdbc.queryForObject("""
                select (select count(*) from change_history) + (select count(*) from task)
                     + (select count(*) from evidence_item) + (select count(*) from criterion_explanation)
                     + (select count(*) from evidence) + (select count(*) from assessment)
                     + (select coalesce(sum(version), 0) from report_input)
                     + (select coalesce(sum(version), 0) from criterion)""", Long.class);
    }

    /** An API write by {@code user}, with a JSON body. */
    static Function<String, MockHttpServletRequestBuilder> api(HttpMethod method, String path, String body) {
        return user -> org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, path)
                .with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A page's form sent by {@code user}, with these parameters (name, value, name, value…). */
    Function<String, MockHttpServletRequestBuilder> page(String path, String... parameters) {
        return user -> {
            MockHttpServletRequestBuilder request = SignedIn.form(users, user, path);
            for (int i = 0; i < parameters.length; i += 2) {
                request.param(parameters[i], parameters[i + 1]);
            }
            return request;
        };
    }

    /** A write, who could make it in an open year, and input an open year would refuse (400). */
    record Write(String name, String writer, boolean isPage, Function<ClosedYearFirstTest, Function<String,
            MockHttpServletRequestBuilder>> request) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Write apiWrite(String name, String writer, HttpMethod method, String path, String body) {
        return new Write(name, writer, false, test -> api(method, path, body));
    }

    static Write pageWrite(String name, String writer, String path, String... parameters) {
        return new Write(name, writer, true, test -> test.page(path, parameters));
    }

    /** A write addressed by an id (a task's, an assessment's) rather than by its year: the path made by the test. */
    static Write apiWriteById(String name, String writer, HttpMethod method,
            Function<ClosedYearFirstTest, String> path, String body) {
        return new Write(name, writer, false, test -> api(method, path.apply(test), body));
    }

    static Write pageWriteById(String name, String writer, Function<ClosedYearFirstTest, String> path,
            String... parameters) {
        return new Write(name, writer, true, test -> test.page(path.apply(test), parameters));
    }

    static Stream<Arguments> writes() {
        String input = "/cycles/2023/reports/2023-H1/units/TUPHAP";
        return Stream.of(
                apiWrite("API calendar", "noivu", HttpMethod.PUT, "/api/v1/cycles/2023/calendar",
                        "{\"monthDueDay\": \"abc\", \"version\": 0}"),
                apiWrite("API report input", "tuphap", HttpMethod.PUT, "/api/v1" + input, "{\"version\": \"abc\"}"),
                apiWrite("API report input by Home Affairs", "noivu", HttpMethod.PUT, "/api/v1" + input,
                        "{\"version\": \"abc\"}"),
                apiWrite("API input returned", "noivu", HttpMethod.POST, "/api/v1" + input + "/return",
                        "{\"version\": \"abc\"}"),
                apiWrite("API input accepted", "noivu", HttpMethod.POST, "/api/v1" + input + "/accept", "{}"),
                apiWrite("API appraisal", "noivu", HttpMethod.PUT, "/api/v1/cycles/2023/criteria/2.2/appraisal",
                        "{\"appraisedScore\": \"abc\", \"version\": 0}"),
                apiWrite("API task", "noivu", HttpMethod.POST, "/api/v1/cycles/2023/tasks", "{\"title\": \"\"}"),
                apiWrite("API self-assessment", "tuphap", HttpMethod.POST,
                        "/api/v1/cycles/2023/criteria/2.2/assessments", "{\"score\": \"abc\"}"),
                apiWrite("API scores", "noivu", HttpMethod.PATCH, "/api/v1/cycles/2023/criteria/2.2",
                        "{\"baselineScore\": \"abc\"}"),
                apiWrite("API scoring method", "noivu", HttpMethod.PUT,
                        "/api/v1/cycles/2023/criteria/2.2/scoring-method", "{\"scoringMethod\": \"NONE\"}"),
                pageWrite("page calendar", "noivu", "/cycles/2023/calendar", "monthDueDay", "abc", "version", "0"),
                pageWrite("page report input", "tuphap", input, "version", "abc"),
                pageWrite("page input returned", "noivu", input + "/return", "version", "abc"),
                pageWrite("page input accepted", "noivu", input + "/accept", "version", "abc"),
                pageWrite("page appraisal", "noivu", "/cycles/2023/appraisal", "code", "2.2", "appraisedScore",
                        "abc", "version", "0"),
                pageWrite("page dossier item", "noivu", "/cycles/2023/criteria/2.2/dossier/items", "name", ""),
                pageWrite("page dossier item removed", "noivu",
                        "/cycles/2023/criteria/2.2/dossier/items/999999/delete", "version", "abc"),
                pageWrite("page dossier explanation", "tuphap", "/cycles/2023/criteria/2.2/dossier/explanation",
                        "text", "", "version", "abc"),
                pageWrite("page task", "noivu", "/cycles/2023/tasks", "title", ""),
                pageWrite("page scores", "noivu", "/cycles/2023/criteria/2.2/scores", "version", "abc"),
                pageWrite("page units", "noivu", "/cycles/2023/criteria/2.2/units", "version", "abc"),
                pageWrite("page scoring method", "noivu", "/cycles/2023/criteria/2.2/scoring-method",
                        "scoringMethod", "NONE", "version", "abc"),
                // addressed by an id: the year is the task's, the assessment's criterion's
                apiWriteById("API task changed", "noivu", HttpMethod.PATCH, t -> "/api/v1/tasks/" + t.task(),
                        "{\"version\": \"abc\"}"),
                apiWriteById("API task changed, no version", "noivu", HttpMethod.PATCH,
                        t -> "/api/v1/tasks/" + t.task(), "{\"title\": \"x\"}"),
                apiWriteById("API task progress", "noivu", HttpMethod.POST,
                        t -> "/api/v1/tasks/" + t.task() + "/updates", "{\"note\": \"\", \"percent\": \"abc\"}"),
                apiWriteById("API task progress by its lead office", "vhtt", HttpMethod.POST,
                        t -> "/api/v1/tasks/" + t.task() + "/updates", "{\"note\": \"x\", \"percent\": [1]}"),
                apiWriteById("API assessment approved", "noivu", HttpMethod.POST,
                        t -> "/api/v1/assessments/" + t.assessment + "/approve", "{\"version\": \"abc\"}"),
                apiWriteById("API assessment returned", "noivu", HttpMethod.POST,
                        t -> "/api/v1/assessments/" + t.assessment + "/return", "{\"comment\": \"\"}"),
                pageWriteById("page task changed", "noivu", t -> "/tasks/" + t.task(), "title", "",
                        "version", "abc"),
                pageWriteById("page assessment approved", "noivu", t -> "/assessments/" + t.assessment + "/approve",
                        "year", "2023", "code", "2.2", "version", "abc"),
                pageWriteById("page assessment returned", "noivu", t -> "/assessments/" + t.assessment + "/return",
                        "year", "2023", "code", "2.2", "comment", "", "version", "abc"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aClosedYearIsTheAnswerBeforeTheInput(Write write) throws Exception {
        long before = written();
        MvcResult result = mvc.perform(write.request().apply(this).apply(write.writer()))
                .andExpect(status().isConflict()).andReturn();
        if (write.isPage()) {
            String shown = result.getModelAndView() == null ? null
                    : (String) result.getModelAndView().getModel().getOrDefault("conflict",
                            result.getModelAndView().getModel().get("conflictMessage"));
            assertThat(shown).as("the message the page shows").isEqualTo(CLOSED);
        } else {
            JsonNode problem = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.path("status").asInt()).isEqualTo(409);
            assertThat(problem.path("detail").asString())
                    .isEqualTo(messages.getMessage(CLOSED, null, Locale.forLanguageTag("vi")));
        }
        assertThat(written()).as("nothing written").isEqualTo(before);
    }

    @Test
    void whoeverCouldNotWriteIsStillRefusedWith403() throws Exception {
        long before = written();
        String input = "/cycles/2023/reports/2023-H1/units/TUPHAP";
        // a leader changes nothing, another office's head writes neither this office's input nor its criterion
        mvc.perform(api(HttpMethod.PUT, "/api/v1/cycles/2023/calendar", "{\"monthDueDay\": 5, \"version\": 0}")
                .apply("lanhdao")).andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.PUT, "/api/v1" + input, "{\"version\": 0}").apply("vhtt"))
                .andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.POST, "/api/v1/cycles/2023/criteria/2.2/assessments",
                "{\"score\": 3, \"comment\": \"x\"}").apply("vhtt")).andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.PATCH, "/api/v1/cycles/2023/criteria/2.2",
                "{\"baselineScore\": 1, \"comment\": \"x\", \"version\": 0}").apply("tuphap"))
                .andExpect(status().isForbidden());
        // pages Home Affairs alone may post to: refused by role before anything else
        mvc.perform(page("/cycles/2023/calendar", "monthDueDay", "abc").apply("tuphap"))
                .andExpect(status().isForbidden());
        mvc.perform(page("/cycles/2023/tasks", "title", "").apply("lanhdao")).andExpect(status().isForbidden());
        mvc.perform(page("/cycles/2023/criteria/2.2/dossier/explanation", "text", "x").apply("vhtt"))
                .andExpect(status().isForbidden());
        // addressed by an id: a task another office leads, a review by anyone but Home Affairs
        long task = task();
        mvc.perform(api(HttpMethod.PATCH, "/api/v1/tasks/" + task, "{\"title\": \"x\", \"version\": 0}")
                .apply("vhtt")).andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.POST, "/api/v1/tasks/" + task + "/updates", "{\"note\": \"x\"}").apply("tuphap"))
                .andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.POST, "/api/v1/tasks/" + task + "/updates", "{\"note\": \"x\"}").apply("lanhdao"))
                .andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.POST, "/api/v1/assessments/" + assessment + "/approve", "{}").apply("tuphap"))
                .andExpect(status().isForbidden());
        mvc.perform(api(HttpMethod.POST, "/api/v1/assessments/" + assessment + "/return", "{\"comment\": \"x\"}")
                .apply("lanhdao")).andExpect(status().isForbidden());
        mvc.perform(page("/tasks/" + task, "title", "", "version", "abc").apply("vhtt"))
                .andExpect(status().isForbidden());
        mvc.perform(page("/assessments/" + assessment + "/approve", "year", "2023", "code", "2.2", "version", "0")
                .apply("tuphap")).andExpect(status().isForbidden());
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void anUnknownYearIsStill404AndAnOpenYearStillJudgesTheInput() throws Exception {
        mvc.perform(api(HttpMethod.POST, "/api/v1/cycles/1999/tasks", "{\"title\": \"\"}").apply("noivu"))
                .andExpect(status().isNotFound());
        // an id that names nothing is 404 as before, never a closed year's 409
        mvc.perform(api(HttpMethod.PATCH, "/api/v1/tasks/999999999", "{\"title\": \"x\", \"version\": 0}")
                .apply("noivu")).andExpect(status().isNotFound());
        mvc.perform(api(HttpMethod.POST, "/api/v1/tasks/999999999/updates", "{\"note\": \"x\"}").apply("noivu"))
                .andExpect(status().isNotFound());
        mvc.perform(api(HttpMethod.POST, "/api/v1/assessments/999999999/approve", "{}").apply("noivu"))
                .andExpect(status().isNotFound());
        mvc.perform(api(HttpMethod.POST, "/api/v1/assessments/999999999/return", "{\"comment\": \"x\"}")
                .apply("noivu")).andExpect(status().isNotFound());
        mvc.perform(page("/tasks/999999999", "title", "x", "version", "0").apply("noivu"))
                .andExpect(status().isNotFound());
        reopen();
        mvc.perform(api(HttpMethod.PUT, "/api/v1/cycles/2023/calendar", "{\"monthDueDay\": \"abc\", \"version\": 0}")
                .apply("noivu")).andExpect(status().isBadRequest());
        mvc.perform(page("/cycles/2023/criteria/2.2/scores", "version", "abc").apply("noivu"))
                .andExpect(status().isBadRequest()).andExpect(model().attributeDoesNotExist("conflict"));
        mvc.perform(api(HttpMethod.PATCH, "/api/v1/tasks/" + task(), "{\"version\": \"abc\"}").apply("noivu"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(HttpMethod.POST, "/api/v1/assessments/" + assessment + "/return", "{\"comment\": \"\"}")
                .apply("noivu")).andExpect(status().isBadRequest());
    }
}
