package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.WorkflowTest;

/**
 * Every bad request to the API that can be made on purpose, answered with a problem document whose status the API
 * description promises for that operation (so the description tells the truth), and nothing written.
 */
@WorkflowTest
class ApiErrorAnswersTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** One bad request: the operation as the description names it, the request, and the answer expected. */
    record Case(String what, String method, String path,
            Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request,
            int status, String field) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    JsonNode document;

    @BeforeEach
    void readTheDescription() throws Exception {
        var u = users.findByUsernameWithUnit("lanhdao").orElseThrow();
        CurrentUser leader = new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(),
                u.getRole(), null, null, null, u.isEnabled());
        document = json.readTree(mvc.perform(get("/v3/api-docs").with(user(leader))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, String body) {
        return builder.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static final String CRITERIA = "/api/v1/cycles/{year}/criteria";
    static final String SUBMIT = "/api/v1/cycles/{year}/criteria/{code}/assessments";
    static final String EVIDENCE = "/api/v1/cycles/{year}/criteria/{code}/evidence";
    static final String PATCH = "/api/v1/cycles/{year}/criteria/{code}";
    static final String APPROVE = "/api/v1/assessments/{id}/approve";
    static final String RETURN = "/api/v1/assessments/{id}/return";
    static final String TASK_UPDATE = "/api/v1/tasks/{id}/updates";

    List<Case> cases() {
        List<Case> all = new ArrayList<>();
        // reads
        all.add(new Case("a year that is no number", "get", CRITERIA,
                () -> get("/api/v1/cycles/hai-nghin/criteria").with(httpBasic("lanhdao", "demo")), 400, null));
        all.add(new Case("a year with no cycle", "get", CRITERIA,
                () -> get("/api/v1/cycles/1999/criteria").with(httpBasic("lanhdao", "demo")), 404, null));
        all.add(new Case("summary of no cycle", "get", "/api/v1/cycles/{year}/summary",
                () -> get("/api/v1/cycles/2031/summary").with(httpBasic("lanhdao", "demo")), 404, null));
        all.add(new Case("dashboard of no cycle", "get", "/api/v1/cycles/{year}/dashboard",
                () -> get("/api/v1/cycles/2031/dashboard").with(httpBasic("lanhdao", "demo")), 404, null));
        all.add(new Case("history of no criterion", "get", "/api/v1/cycles/{year}/criteria/{code}/history",
                () -> get("/api/v1/cycles/2023/criteria/9.9/history").with(httpBasic("lanhdao", "demo")), 404, null));
        all.add(new Case("thread of no criterion", "get", SUBMIT,
                () -> get("/api/v1/cycles/2023/criteria/9.9/assessments").with(httpBasic("lanhdao", "demo")), 404,
                null));
        all.add(new Case("evidence of no criterion", "get", EVIDENCE,
                () -> get("/api/v1/cycles/2023/criteria/9.9/evidence").with(httpBasic("lanhdao", "demo")), 404, null));
        all.add(new Case("no credentials", "get", "/api/v1/cycles", () -> get("/api/v1/cycles"), 401, null));
        all.add(new Case("a wrong password", "get", "/api/v1/cycles",
                () -> get("/api/v1/cycles").with(httpBasic("lanhdao", "sai-mat-khau")), 401, null));
        all.add(new Case("backup by a leader", "get", "/api/v1/backup",
                () -> get("/api/v1/backup").with(httpBasic("lanhdao", "demo")), 403, null));
        // writes: input
        all.add(new Case("malformed JSON", "post", SUBMIT, () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments")
                .with(httpBasic("tuphap", "demo")), "{\"score\": "), 400, null));
        all.add(new Case("no body", "post", SUBMIT, () -> post("/api/v1/cycles/2023/criteria/2.2/assessments")
                .with(httpBasic("tuphap", "demo")).contentType(MediaType.APPLICATION_JSON), 400, null));
        all.add(new Case("a score as words", "post", SUBMIT, () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments")
                .with(httpBasic("tuphap", "demo")), "{\"score\": \"hai\", \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a score above the maximum", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": 3.5, \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a number too large for a score", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": 1e400, \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a comment too long", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": 1, \"comment\": \"" + "x".repeat(4001) + "\"}"), 400, "comment"));
        all.add(new Case("form data instead of JSON", "post", SUBMIT,
                () -> post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo"))
                        .contentType(MediaType.TEXT_PLAIN).content("score=1"), 415, null));
        all.add(new Case("a body over 1 MB", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"comment\": \"" + "x".repeat(1_100_000) + "\"}"), 413, null));
        all.add(new Case("submitting for no criterion", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/9.9/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": 1, \"comment\": \"x\"}"), 404, null));
        long justiceTask = jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = "
                + "tu.unit_id where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
        all.add(new Case("progress without a note", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates").with(httpBasic("tuphap", "demo")),
                        "{\"percent\": 50}"), 400, "note"));
        all.add(new Case("progress past 100 %", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates").with(httpBasic("tuphap", "demo")),
                        "{\"note\": \"x\", \"percent\": 120}"), 400, "percent"));
        all.add(new Case("progress on no task", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/999999/updates").with(httpBasic("noivu", "demo")),
                        "{\"note\": \"x\"}"), 404, null));
        all.add(new Case("progress on another unit's task", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates").with(httpBasic("vhtt", "demo")),
                        "{\"note\": \"x\"}"), 403, null));
        all.add(new Case("a task without a lead unit", "post", "/api/v1/cycles/{year}/tasks",
                () -> json(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo")),
                        "{\"title\": \"x\", \"domainCode\": \"1\", \"startDate\": \"01/01/2023\","
                        + " \"dueDate\": \"31/12/2023\"}"), 400, "leadUnits"));
        all.add(new Case("a task due outside the cycle", "patch", "/api/v1/tasks/{id}",
                () -> json(patch("/api/v1/tasks/" + justiceTask).with(httpBasic("noivu", "demo")),
                        "{\"version\": 0, \"dueDate\": \"01/01/2024\"}"), 400, "dueDate"));
        String input = "/api/v1/cycles/{year}/reports/{period}/units/{unitCode}";
        all.add(new Case("an unknown report period", "put", input,
                () -> json(put("/api/v1/cycles/2023/reports/2023-Q5/units/TUPHAP").with(httpBasic("tuphap", "demo")),
                        "{\"submit\": true}"), 400, "period"));
        all.add(new Case("another unit's input", "put", input,
                () -> json(put("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP").with(httpBasic("vhtt", "demo")),
                        "{\"submit\": true}"), 403, null));
        all.add(new Case("returning without a reason", "post", input + "/return",
                () -> json(post("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP/return")
                        .with(httpBasic("noivu", "demo")), "{\"version\": 0}"), 400, "reason"));
        all.add(new Case("accepting as a unit head", "post", input + "/accept",
                () -> json(post("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP/accept")
                        .with(httpBasic("tuphap", "demo")), "{\"version\": 0}"), 403, null));
        all.add(new Case("a due day of 32", "put", "/api/v1/cycles/{year}/calendar",
                () -> json(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo")),
                        "{\"monthDueDay\": 32, \"quarterDueDay\": 1, \"halfDueDay\": 1, \"yearDueDay\": 1,"
                        + " \"version\": 0}"), 400, "monthDueDay"));
        all.add(new Case("evidence on another unit's task", "post", "/api/v1/tasks/{id}/updates/{updateId}/evidence",
                () -> multipart("/api/v1/tasks/" + justiceTask + "/updates/1/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .with(httpBasic("vhtt", "demo")), 403, null));
        all.add(new Case("tasks of no unit", "get", "/api/v1/cycles/{year}/tasks",
                () -> get("/api/v1/cycles/2023/tasks?unit=KHONGCO").with(httpBasic("lanhdao", "demo")), 404, null));
        // writes: who
        all.add(new Case("another unit submits", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("vhtt", "demo")),
                        "{\"score\": 1, \"comment\": \"x\"}"), 403, null));
        all.add(new Case("a write from another site", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo"))
                        .header("Sec-Fetch-Site", "cross-site"), "{\"score\": 1, \"comment\": \"x\"}"), 403, null));
        all.add(new Case("a write from another origin", "post", APPROVE,
                () -> json(post("/api/v1/assessments/1/approve").with(httpBasic("noivu", "demo"))
                        .header("Origin", "https://evil.example"), "{}"), 403, null));
        all.add(new Case("a unit head approves", "post", APPROVE,
                () -> json(post("/api/v1/assessments/1/approve").with(httpBasic("tuphap", "demo")), "{}"), 403, null));
        all.add(new Case("approving no assessment", "post", APPROVE,
                () -> json(post("/api/v1/assessments/999999/approve").with(httpBasic("noivu", "demo")), "{}"), 404,
                null));
        all.add(new Case("an id that is no number", "post", RETURN,
                () -> json(post("/api/v1/assessments/abc/return").with(httpBasic("noivu", "demo")), "{}"), 400, null));
        all.add(new Case("returning no assessment", "post", RETURN,
                () -> json(post("/api/v1/assessments/999999/return").with(httpBasic("noivu", "demo")),
                        "{\"comment\": \"thiếu\"}"), 404, null));
        // the cycle's life and the province's appraisal (nothing is closed or started here)
        String appraisal = "/api/v1/cycles/{year}/criteria/{code}/appraisal";
        all.add(new Case("an appraisal above the maximum", "put", appraisal,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/appraisal").with(httpBasic("noivu", "demo")),
                        "{\"appraisedScore\": 2.5, \"version\": 0}"), 400, "appraisedScore"));
        all.add(new Case("an appraisal on a stale version", "put", appraisal,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/appraisal").with(httpBasic("noivu", "demo")),
                        "{\"appraisedScore\": 2, \"version\": -5}"), 409, null));
        all.add(new Case("a unit head appraises", "put", appraisal,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/appraisal").with(httpBasic("tuphap", "demo")),
                        "{\"appraisedScore\": 2, \"version\": 0}"), 403, null));
        all.add(new Case("appraising no criterion", "put", appraisal,
                () -> json(put("/api/v1/cycles/2023/criteria/9.9/appraisal").with(httpBasic("noivu", "demo")),
                        "{\"appraisedScore\": 2, \"version\": 0}"), 404, null));
        String method = "/api/v1/cycles/{year}/criteria/{code}/scoring-method";
        all.add(new Case("a scoring method of no kind", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/scoring-method").with(httpBasic("noivu", "demo")),
                        "{\"scoringMethod\": \"PHONG_VAN\", \"version\": 0}"), 400, "scoringMethod"));
        all.add(new Case("a scoring method on a domain", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1/scoring-method").with(httpBasic("noivu", "demo")),
                        "{\"scoringMethod\": \"SURVEY\", \"version\": 0}"), 400, "scoringMethod"));
        all.add(new Case("a scoring method without version", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/scoring-method").with(httpBasic("noivu", "demo")),
                        "{\"scoringMethod\": \"SURVEY\"}"), 400, "version"));
        all.add(new Case("a scoring method on a stale version", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/scoring-method").with(httpBasic("noivu", "demo")),
                        "{\"scoringMethod\": \"SURVEY\", \"version\": -5}"), 409, null));
        all.add(new Case("a unit head changes the scoring method", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/scoring-method").with(httpBasic("tuphap", "demo")),
                        "{\"scoringMethod\": \"SURVEY\", \"version\": 0}"), 403, null));
        all.add(new Case("a leader changes the scoring method", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/scoring-method").with(httpBasic("lanhdao", "demo")),
                        "{\"scoringMethod\": \"SURVEY\", \"version\": 0}"), 403, null));
        all.add(new Case("the scoring method of no criterion", "put", method,
                () -> json(put("/api/v1/cycles/2023/criteria/9.9/scoring-method").with(httpBasic("noivu", "demo")),
                        "{\"scoringMethod\": \"SURVEY\", \"version\": 0}"), 404, null));
        all.add(new Case("a unit head closes the year", "post", "/api/v1/cycles/{year}/close",
                () -> json(post("/api/v1/cycles/2023/close").with(httpBasic("tuphap", "demo")), "{}"), 403, null));
        all.add(new Case("closing no cycle", "post", "/api/v1/cycles/{year}/close",
                () -> json(post("/api/v1/cycles/2031/close").with(httpBasic("noivu", "demo")), "{}"), 404, null));
        all.add(new Case("starting a year that exists", "post", "/api/v1/cycles",
                () -> json(post("/api/v1/cycles").with(httpBasic("noivu", "demo")),
                        "{\"year\": 2023, \"from\": 2023}"), 409, null));
        all.add(new Case("a mapping from no code", "post", "/api/v1/cycles",
                () -> json(post("/api/v1/cycles").with(httpBasic("noivu", "demo")),
                        "{\"year\": 2024, \"from\": 2023, \"mapping\": {\"9.9\": \"1.7\"}}"), 400, "mapping"));
        all.add(new Case("a unit head starts a year", "post", "/api/v1/cycles",
                () -> json(post("/api/v1/cycles").with(httpBasic("tuphap", "demo")),
                        "{\"year\": 2024, \"from\": 2023}"), 403, null));
        // bodies
        all.add(new Case("a body's Home Affairs adds a body", "post", "/api/v1/bodies",
                () -> json(post("/api/v1/bodies").with(httpBasic("noivu", "demo")),
                        "{\"code\": \"MOI\", \"name\": \"Mới\", \"level\": \"WARD\"}"), 403, null));
        all.add(new Case("a body of no level", "post", "/api/v1/bodies",
                () -> json(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo")),
                        "{\"code\": \"MOI\", \"name\": \"Mới\", \"level\": \"TINH\"}"), 400, "level"));
        all.add(new Case("a body whose code is in use", "post", "/api/v1/bodies",
                () -> json(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo")),
                        "{\"code\": \"tan_yen\", \"name\": \"Mới\", \"level\": \"WARD\"}"), 409, null));
        all.add(new Case("a body's file imported by a body's Home Affairs", "post", "/api/v1/bodies/import",
                () -> post("/api/v1/bodies/import").contentType("application/zip").content(new byte[] {1})
                        .with(httpBasic("noivu", "demo")), 403, null));
        all.add(new Case("a body's file that is no file", "post", "/api/v1/bodies/import",
                () -> post("/api/v1/bodies/import").contentType("application/zip").content(new byte[] {1})
                        .with(httpBasic("sonoivu", "demo")), 422, null));
        all.add(new Case("a body's file under a code that cannot be", "post", "/api/v1/bodies/import",
                () -> post("/api/v1/bodies/import").param("code", "mã sai").contentType("application/zip")
                        .content(new byte[] {1}).with(httpBasic("sonoivu", "demo")), 400, "code"));
        // the province's index of a level (issue 25); year 2098 has no index in this database
        all.add(new Case("a body's Home Affairs opens an index", "post", "/api/v1/indexes",
                () -> json(post("/api/v1/indexes").with(httpBasic("noivu", "demo")),
                        "{\"year\": 2098, \"level\": \"WARD\"}"), 403, null));
        all.add(new Case("an index of no level", "post", "/api/v1/indexes",
                () -> json(post("/api/v1/indexes").with(httpBasic("sonoivu", "demo")),
                        "{\"year\": 2098, \"level\": \"TINH\"}"), 400, "level"));
        all.add(new Case("an index without its framework", "post", "/api/v1/indexes",
                () -> json(post("/api/v1/indexes").with(httpBasic("sonoivu", "demo")),
                        "{\"year\": 2098, \"level\": \"WARD\"}"), 400, "level"));
        all.add(new Case("the settings of no index", "put", "/api/v1/indexes/{year}/{level}",
                () -> json(put("/api/v1/indexes/2098/WARD").with(httpBasic("sonoivu", "demo")), "{}"), 404, null));
        all.add(new Case("an index's settings by a body", "put", "/api/v1/indexes/{year}/{level}",
                () -> json(put("/api/v1/indexes/2098/WARD").with(httpBasic("noivu", "demo")), "{}"), 403, null));
        all.add(new Case("a criterion of no index applies", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/applicability",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/applicability")
                        .with(httpBasic("sonoivu", "demo")), "{\"applies\": true}"), 404, null));
        all.add(new Case("a body marks its own criterion", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/applicability",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/applicability")
                        .with(httpBasic("noivu", "demo")), "{\"applies\": true}"), 403, null));
        all.add(new Case("an appraisal with no score", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/appraisal",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/appraisal")
                        .with(httpBasic("sonoivu", "demo")), "{}"), 400, "appraisedScore"));
        all.add(new Case("a body appraises itself", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/appraisal",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/appraisal")
                        .with(httpBasic("noivu", "demo")), "{\"appraisedScore\": 1}"), 403, null));
        all.add(new Case("the council's decision on no index", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/decision",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/decision")
                        .with(httpBasic("sonoivu", "demo")), "{\"finalScore\": 1, \"reason\": \"x\"}"), 404, null));
        all.add(new Case("a body settles its own criterion", "put",
                "/api/v1/indexes/{year}/{level}/bodies/{body}/criteria/{code}/decision",
                () -> json(put("/api/v1/indexes/2098/WARD/bodies/TAN_YEN/criteria/1/decision")
                        .with(httpBasic("noivu", "demo")), "{\"finalScore\": 1, \"reason\": \"x\"}"), 403, null));
        all.add(new Case("an explanation with no text", "put", "/api/v1/cycles/{year}/criteria/{code}/explanation",
                () -> json(put("/api/v1/cycles/2023/criteria/2.2/explanation").with(httpBasic("noivu", "demo")),
                        "{}"), 400, "text"));
        all.add(new Case("an explanation where the province appraises nothing", "put",
                "/api/v1/cycles/{year}/criteria/{code}/explanation",
                () -> json(put("/api/v1/cycles/2023/criteria/2.2/explanation").with(httpBasic("noivu", "demo")),
                        "{\"text\": \"Có\"}"), 409, null));
        all.add(new Case("an explanation by a leader", "put", "/api/v1/cycles/{year}/criteria/{code}/explanation",
                () -> json(put("/api/v1/cycles/2023/criteria/2.2/explanation").with(httpBasic("lanhdao", "demo")),
                        "{\"text\": \"Có\"}"), 403, null));
        all.add(new Case("the publication of no index", "post", "/api/v1/indexes/{year}/{level}/publication",
                () -> post("/api/v1/indexes/2098/WARD/publication").with(httpBasic("sonoivu", "demo")), 404, null));
        all.add(new Case("a body publishes", "post", "/api/v1/indexes/{year}/{level}/publication",
                () -> post("/api/v1/indexes/2098/WARD/publication").with(httpBasic("noivu", "demo")), 403, null));
        // imports
        all.add(new Case("an import by a unit head", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "stt,ten,diem_toi_da\n1,A,10\n".getBytes(StandardCharsets.UTF_8))).param("year", "2031")
                        .param("kind", "framework").with(httpBasic("tuphap", "demo")), 403, null));
        all.add(new Case("an import of no kind", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "stt,ten,diem_toi_da\n1,A,10\n".getBytes(StandardCharsets.UTF_8))).param("year", "2031")
                        .param("kind", "khac").with(httpBasic("noivu", "demo")), 400, "kind"));
        all.add(new Case("an import with a score as words", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "stt,ten,diem_toi_da\n1,A,mười\n".getBytes(StandardCharsets.UTF_8))).param("year", "2031")
                        .param("kind", "framework").param("dryRun", "false").with(httpBasic("noivu", "demo")), 422,
                null));
        all.add(new Case("a list of bodies by a body's Home Affairs", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "ma,ten,cap\nXA_MOI,Xã Thử 1,xã\n".getBytes(StandardCharsets.UTF_8))).param("kind", "bodies")
                        .param("dryRun", "false").with(httpBasic("noivu", "demo")), 403, null));
        all.add(new Case("a list of bodies with a code twice", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "ma,ten,cap\nXA_MOI,Xã Thử 1,xã\nxa_moi,Xã Thử 2,xã\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "bodies").param("dryRun", "false").with(httpBasic("sonoivu", "demo")), 422,
                null));
        all.add(new Case("a list of units of an unknown kind", "post", "/api/v1/imports",
                () -> multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                        "ma,ten,loai\nVP_MOI,Văn phòng thử,hợp tác xã\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "units").param("dryRun", "false").with(httpBasic("noivu", "demo")), 422,
                null));
        // corrections
        all.add(new Case("a correction without comment", "patch", PATCH,
                () -> json(patch("/api/v1/cycles/2023/criteria/1.2").with(httpBasic("noivu", "demo")),
                        "{\"targetScore\": 2, \"version\": 0}"), 400, "comment"));
        all.add(new Case("a negative target", "patch", PATCH,
                () -> json(patch("/api/v1/cycles/2023/criteria/1.2").with(httpBasic("noivu", "demo")),
                        "{\"targetScore\": -1, \"comment\": \"x\", \"version\": 0}"), 400, "targetScore"));
        all.add(new Case("a stale version", "patch", PATCH,
                () -> json(patch("/api/v1/cycles/2023/criteria/1.2").with(httpBasic("noivu", "demo")),
                        "{\"targetScore\": 2, \"comment\": \"x\", \"version\": -5}"), 409, null));
        all.add(new Case("a unit head corrects", "patch", PATCH,
                () -> json(patch("/api/v1/cycles/2023/criteria/1.2").with(httpBasic("tuphap", "demo")),
                        "{\"targetScore\": 2, \"comment\": \"x\", \"version\": 0}"), 403, null));
        all.add(new Case("correcting no cycle", "patch", PATCH,
                () -> json(patch("/api/v1/cycles/2031/criteria/1.2").with(httpBasic("noivu", "demo")),
                        "{\"targetScore\": 2, \"comment\": \"x\", \"version\": 0}"), 404, null));
        // evidence
        all.add(new Case("an upload without a file", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("other", "a.pdf", "application/pdf", PDF))
                        .with(httpBasic("tuphap", "demo")), 400, "file"));
        all.add(new Case("a page renamed .pdf", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "<html>".getBytes()))
                        .with(httpBasic("tuphap", "demo")), 400, "file"));
        all.add(new Case("an upload by another unit", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .with(httpBasic("vhtt", "demo")), 403, null));
        all.add(new Case("a document number of 101 characters", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("documentNumber", "x".repeat(101)).with(httpBasic("tuphap", "demo")), 400,
                "documentNumber"));
        all.add(new Case("a date of issue written dd/MM/yyyy", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("issuedOn", "15/03/2023").with(httpBasic("tuphap", "demo")), 400, "issuedOn"));
        all.add(new Case("a summary with a control character", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("summary", "Kế hoạch\u0000").with(httpBasic("tuphap", "demo")), 400, "summary"));
        all.add(new Case("a task document issued in the future", "post", "/api/v1/tasks/{id}/updates/{updateId}/evidence",
                () -> multipart("/api/v1/tasks/" + justiceTask + "/updates/1/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .param("issuedOn", "2999-01-01").with(httpBasic("tuphap", "demo")), 400, "issuedOn"));
        all.add(new Case("an upload to no criterion", "post", EVIDENCE,
                () -> multipart("/api/v1/cycles/2023/criteria/9.9/evidence")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
                        .with(httpBasic("noivu", "demo")), 404, null));
        // values out of their range, one field each
        all.add(new Case("a negative score", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": -0.25, \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a score with five decimals", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": 1.00001, \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a score as a list", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "{\"score\": [1], \"comment\": \"x\"}"), 400, "score"));
        all.add(new Case("a JSON list instead of an object", "post", SUBMIT,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments").with(httpBasic("tuphap", "demo")),
                        "[{\"score\": 1, \"comment\": \"x\"}]"), 400, null));
        all.add(new Case("progress below 0 %", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates").with(httpBasic("tuphap", "demo")),
                        "{\"note\": \"x\", \"percent\": -1}"), 400, "percent"));
        all.add(new Case("progress as words", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates").with(httpBasic("tuphap", "demo")),
                        "{\"note\": \"x\", \"percent\": \"một nửa\"}"), 400, "percent"));
        all.add(new Case("a task id that is no number", "post", TASK_UPDATE,
                () -> json(post("/api/v1/tasks/mot/updates").with(httpBasic("tuphap", "demo")),
                        "{\"note\": \"x\"}"), 400, null));
        all.add(new Case("a negative appraisal", "put", appraisal,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/appraisal").with(httpBasic("noivu", "demo")),
                        "{\"appraisedScore\": -1, \"version\": 0}"), 400, "appraisedScore"));
        all.add(new Case("a due day of 0", "put", "/api/v1/cycles/{year}/calendar",
                () -> json(put("/api/v1/cycles/2023/calendar").with(httpBasic("noivu", "demo")),
                        "{\"monthDueDay\": 1, \"quarterDueDay\": 0, \"halfDueDay\": 1, \"yearDueDay\": 1,"
                        + " \"version\": 0}"), 400, "quarterDueDay"));
        all.add(new Case("a thirteenth month", "put", input,
                () -> json(put("/api/v1/cycles/2023/reports/2023-13/units/TUPHAP").with(httpBasic("tuphap", "demo")),
                        "{\"submit\": true}"), 400, "period"));
        all.add(new Case("a period of another year", "put", input,
                () -> json(put("/api/v1/cycles/2023/reports/2024-Q1/units/TUPHAP").with(httpBasic("tuphap", "demo")),
                        "{\"submit\": true}"), 400, "period"));
        all.add(new Case("a task due before it starts", "post", "/api/v1/cycles/{year}/tasks",
                () -> json(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo")),
                        "{\"title\": \"x\", \"domainCode\": \"1\", \"leadUnits\": [\"TUPHAP\"],"
                        + " \"startDate\": \"01/06/2023\", \"dueDate\": \"01/03/2023\"}"), 400, "dueDate"));
        all.add(new Case("a task in no domain", "post", "/api/v1/cycles/{year}/tasks",
                () -> json(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo")),
                        "{\"title\": \"x\", \"domainCode\": \"99\", \"leadUnits\": [\"TUPHAP\"],"
                        + " \"startDate\": \"01/01/2023\", \"dueDate\": \"31/12/2023\"}"), 400, "domainCode"));
        all.add(new Case("a task led by no unit that exists", "post", "/api/v1/cycles/{year}/tasks",
                () -> json(post("/api/v1/cycles/2023/tasks").with(httpBasic("noivu", "demo")),
                        "{\"title\": \"x\", \"domainCode\": \"1\", \"leadUnits\": [\"KHONGCO\"],"
                        + " \"startDate\": \"01/01/2023\", \"dueDate\": \"31/12/2023\"}"), 400, "leadUnits"));
        all.add(new Case("a year of three digits", "post", "/api/v1/cycles",
                () -> json(post("/api/v1/cycles").with(httpBasic("noivu", "demo")),
                        "{\"year\": 999, \"from\": 2023}"), 400, "year"));
        return all;
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void everyBadRequestGetsTheProblemTheDescriptionPromisesAndChangesNothing() throws Exception {
        long assessments = count("assessment");
        long evidence = count("evidence");
        long history = count("change_history");
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            MockHttpServletResponse response = mvc.perform(c.request().get()).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() != c.status()) {
                wrong.add(c.what() + ": " + response.getStatus() + " instead of " + c.status() + " " + body);
                continue;
            }
            if (response.getContentType() == null || !response.getContentType().startsWith("application/problem+json")) {
                wrong.add(c.what() + ": " + response.getContentType() + " is not a problem document");
                continue;
            }
            JsonNode problem = json.readTree(body);
            if (problem.path("status").asInt() != c.status() || problem.path("title").asString("").isBlank()) {
                wrong.add(c.what() + ": " + body);
            }
            if (c.field() != null && !problem.path("errors").toString().contains("\"field\":\"" + c.field() + "\"")) {
                wrong.add(c.what() + ": no error on " + c.field() + " in " + body);
            }
            JsonNode promised = document.path("paths").path(c.path()).path(c.method()).path("responses")
                    .path(String.valueOf(c.status()));
            if (promised.isMissingNode()) {
                wrong.add(c.what() + ": the description of " + c.method() + " " + c.path() + " does not list "
                        + c.status());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(count("change_history")).isEqualTo(history);
    }

    @Test
    void theTableCoversEveryWriteOperationOfTheDescription() {
        List<String> writes = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getKey().equals("get")) {
                writes.add(op.getKey() + " " + path.getKey());
            }
        }));
        List<String> covered = cases().stream().map(c -> c.method() + " " + c.path()).distinct().toList();
        assertThat(writes).isNotEmpty();
        assertThat(covered).containsAll(writes);
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    String text(String key, String language) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag(language));
    }

    /**
     * Spring MVC's own refusals (ResponseEntityExceptionHandler) come with the titles the bundles give them
     * ({@code problemDetail.title.<exception class>}) and name the field a value of the wrong type was given for:
     * a request parameter, a path variable, a JSON property; the answer to a method not allowed says which are.
     */
    @Test
    void springsOwnRefusalsAreProblemDocumentsFromTheBundlesNamingTheirField() throws Exception {
        JsonNode page = problem(mvc.perform(get("/api/v1/cycles/2023/criteria?page=abc")
                .with(httpBasic("lanhdao", "demo"))).andReturn().getResponse(), 400);
        assertThat(page.path("title").asString()).isEqualTo(text(
                "problemDetail.title.org.springframework.web.method.annotation.MethodArgumentTypeMismatchException",
                "vi"));
        assertThat(page.path("errors").get(0).path("field").asString()).isEqualTo("page");
        assertThat(page.path("errors").get(0).path("message").asString())
                .isEqualTo(text("error.400.fieldUnreadable", "vi"));

        JsonNode year = problem(mvc.perform(get("/api/v1/cycles/hai-nghin/criteria").header("Accept-Language", "en")
                .with(httpBasic("lanhdao", "demo"))).andReturn().getResponse(), 400);
        assertThat(year.path("errors").get(0).path("field").asString()).isEqualTo("year");
        assertThat(year.path("errors").get(0).path("message").asString())
                .isEqualTo(text("error.400.fieldUnreadable", "en"));

        JsonNode version = problem(mvc.perform(json(patch("/api/v1/cycles/2023/criteria/1.2")
                .with(httpBasic("noivu", "demo")), "{\"targetScore\": 2, \"comment\": \"x\", \"version\": \"mot\"}"))
                .andReturn().getResponse(), 400);
        assertThat(version.path("title").asString()).isEqualTo(
                text("problemDetail.title.org.springframework.http.converter.HttpMessageNotReadableException", "vi"));
        assertThat(version.path("errors").get(0).path("field").asString()).isEqualTo("version");

        MockHttpServletResponse delete = mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/cycles")
                        .with(httpBasic("noivu", "demo"))).andReturn().getResponse();
        JsonNode notAllowed = problem(delete, 405);
        assertThat(notAllowed.path("title").asString()).isEqualTo(
                text("problemDetail.title.org.springframework.web.HttpRequestMethodNotSupportedException", "vi"));
        assertThat(delete.getHeader("Allow")).contains("GET");

        JsonNode nowhere = problem(mvc.perform(get("/api/v1/khong-co").with(httpBasic("lanhdao", "demo")))
                .andReturn().getResponse(), 404);
        assertThat(nowhere.path("title").asString()).isEqualTo(text("error.404.title", "vi"));
    }

    @Test
    void problemsComeInTheLanguageAsked() throws Exception {
        MockHttpServletResponse vi = mvc.perform(get("/api/v1/cycles/1999/criteria").with(httpBasic("lanhdao", "demo")))
                .andReturn().getResponse();
        MockHttpServletResponse en = mvc.perform(get("/api/v1/cycles/1999/criteria").with(httpBasic("lanhdao", "demo"))
                .header("Accept-Language", "en")).andReturn().getResponse();
        String viTitle = json.readTree(vi.getContentAsString(StandardCharsets.UTF_8)).path("title").asString();
        String enTitle = json.readTree(en.getContentAsString(StandardCharsets.UTF_8)).path("title").asString();
        assertThat(viTitle).isNotBlank();
        assertThat(enTitle).isNotBlank().isNotEqualTo(viTitle);
    }
}
