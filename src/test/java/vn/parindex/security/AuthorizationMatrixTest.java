package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import vn.parindex.support.WorkflowTest;

/**
 * Every page and API endpoint, for anonymous, each role and a unit head of another unit: fails if anyone gets
 * more than the role table gives. Allowed requests carry bad input, so they are answered (400/404…) without
 * changing anything; refused ones must be 401/403 (or, for pages, a redirect to the login form).
 */
@WorkflowTest
class AuthorizationMatrixTest {

    /**
     * Who asks: anonymous, ADMIN, the lead unit's head (tuphap leads domain 2), another unit's head, LEADER, and the
     * province's Home Affairs (sonoivu), which may do in the body what its Home Affairs may.
     */
    static final List<String> PEOPLE = List.of("anonymous", "noivu", "tuphap", "vanphong", "lanhdao", "sonoivu");
    static final Set<String> EVERYONE = Set.of("noivu", "tuphap", "vanphong", "lanhdao", "sonoivu");
    static final Set<String> ADMIN = Set.of("noivu", "sonoivu");
    static final Set<String> PROVINCE = Set.of("sonoivu");
    static final Set<String> ADMIN_AND_LEAD = Set.of("noivu", "tuphap", "sonoivu");
    static final Set<String> ADMIN_AND_LEADER = Set.of("noivu", "lanhdao", "sonoivu");
    static final Set<String> NOBODY = Set.of();

    record Endpoint(String name, boolean api, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, Set<String> allowed) {
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    long evidenceId;
    long userId;

    @BeforeEach
    void someEvidenceExists() throws Exception {
        mvc.perform(multipart("/api/v1/cycles/2023/criteria/2.3/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                .with(httpBasic("tuphap", "demo")));
        evidenceId = jdbc.queryForObject("select max(id) from evidence", Long.class);
        userId = users.findByUsernameWithUnit("vhtt").orElseThrow().getId();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, String body) {
        return builder.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        // pages
        all.add(new Endpoint("dashboard", false, () -> get("/"), EVERYONE));
        // the province's bodies
        all.add(new Endpoint("province page", false, () -> get("/province"), PROVINCE));
        all.add(new Endpoint("api bodies", true, () -> get("/api/v1/bodies"), EVERYONE));
        all.add(new Endpoint("api add a body", true, () -> json(post("/api/v1/bodies"), "{}"), PROVINCE));
        all.add(new Endpoint("api export a body", true, () -> get("/api/v1/bodies/TAN_YEN/export"), ADMIN));
        all.add(new Endpoint("api import a body", true, () -> post("/api/v1/bodies/import")
                .contentType("application/zip").content(new byte[] {1}), PROVINCE));
        all.add(new Endpoint("api units", true, () -> get("/api/v1/units"), EVERYONE));
        // the province's index of a level (issue 25): read by everyone, written by the province only
        all.add(new Endpoint("province's indexes page", false, () -> get("/province/indexes"), PROVINCE));
        all.add(new Endpoint("a level's year page", false, () -> get("/province/indexes/2098/WARD"), PROVINCE));
        all.add(new Endpoint("a body's card page", false, () -> get("/province/indexes/2098/WARD/bodies/X"),
                PROVINCE));
        all.add(new Endpoint("the body's own card page", false, () -> get("/cycles/2023/index"), EVERYONE));
        // the province's acts on its pages, and the body's explanation from its card
        all.add(new Endpoint("open a level's year (page)", false, () -> post("/province/indexes")
                .param("year", "2098").param("level", "WARD"), PROVINCE));
        all.add(new Endpoint("a level's year's settings (page)", false,
                () -> post("/province/indexes/2098/WARD/settings"), PROVINCE));
        all.add(new Endpoint("publish a level's year (page)", false,
                () -> post("/province/indexes/2098/WARD/publication"), PROVINCE));
        all.add(new Endpoint("the appraisal queue page", false, () -> get("/province/indexes/2098/WARD/queue"),
                PROVINCE));
        all.add(new Endpoint("results appendix (Excel, page)", false,
                () -> get("/province/indexes/2098/WARD/results.xlsx"), PROVINCE));
        all.add(new Endpoint("results appendix (Word, page)", false,
                () -> get("/province/indexes/2098/WARD/results.docx"), PROVINCE));
        all.add(new Endpoint("a body's criterion of the index (page)", false,
                () -> get("/province/indexes/2098/WARD/bodies/X/criteria/1.1"), PROVINCE));
        for (String act : List.of("applicability", "appraisal", "decision")) {
            all.add(new Endpoint("a body's criterion: " + act + " (page)", false,
                    () -> post("/province/indexes/2098/WARD/bodies/X/criteria/1.1/" + act), PROVINCE));
        }
        all.add(new Endpoint("the province's imports page", false, () -> get("/province/imports"), PROVINCE));
        all.add(new Endpoint("the province's import preview (page)", false,
                () -> multipart("/province/imports").param("year", "2031"), PROVINCE));
        all.add(new Endpoint("the province's import confirm (page)", false, () -> post("/province/imports/confirm"),
                PROVINCE));
        all.add(new Endpoint("a body's explanation (page)", false,
                () -> post("/cycles/2023/index/criteria/2.2/explanation").param("text", "Đã gửi"),
                Set.of("noivu", "tuphap")));
        all.add(new Endpoint("api results appendix (Excel)", true, () -> get("/api/v1/indexes/2098/WARD/results.xlsx"),
                EVERYONE));
        all.add(new Endpoint("api results appendix (Word)", true, () -> get("/api/v1/indexes/2098/WARD/results.docx"),
                EVERYONE));
        all.add(new Endpoint("api indexes", true, () -> get("/api/v1/indexes"), EVERYONE));
        all.add(new Endpoint("api an index", true, () -> get("/api/v1/indexes/2098/WARD"), EVERYONE));
        all.add(new Endpoint("api an index's results", true, () -> get("/api/v1/indexes/2098/WARD/results"),
                EVERYONE));
        all.add(new Endpoint("api open an index", true, () -> json(post("/api/v1/indexes"), "{}"), PROVINCE));
        all.add(new Endpoint("api an index's settings", true, () -> json(put("/api/v1/indexes/2098/WARD"), "{}"),
                PROVINCE));
        all.add(new Endpoint("api criterion applies", true, () -> json(put("/api/v1/indexes/2098/WARD/bodies/X/"
                + "criteria/1/applicability"), "{}"), PROVINCE));
        all.add(new Endpoint("api province's appraisal", true, () -> json(put("/api/v1/indexes/2098/WARD/bodies/X/"
                + "criteria/1/appraisal"), "{}"), PROVINCE));
        all.add(new Endpoint("api a body's result card", true, () -> get("/api/v1/indexes/2098/WARD/bodies/X"),
                EVERYONE));
        all.add(new Endpoint("api the council's decision", true, () -> json(put("/api/v1/indexes/2098/WARD/bodies/X/"
                + "criteria/1/decision"), "{}"), PROVINCE));
        // a body explains a deduction: its Home Affairs or the lead office's head, never the province
        all.add(new Endpoint("api explain a deduction", true, () -> json(put("/api/v1/cycles/2023/criteria/2.2/"
                + "explanation"), "{}"), Set.of("noivu", "tuphap")));
        all.add(new Endpoint("api publish an index", true, () -> json(post("/api/v1/indexes/2098/WARD/publication"),
                "{}"), PROVINCE));
        all.add(new Endpoint("criterion page", false, () -> get("/cycles/2023/criteria/2.2"), EVERYONE));
        all.add(new Endpoint("domain page", false, () -> get("/cycles/2023/criteria/2"), EVERYONE));
        all.add(new Endpoint("points at stake", false, () -> get("/cycles/2023/points"), EVERYONE));
        all.add(new Endpoint("printable appendix", false, () -> get("/cycles/2023/appendix"), EVERYONE));
        all.add(new Endpoint("domain rows", false, () -> get("/cycles/2023/domains/2/rows"), EVERYONE));
        all.add(new Endpoint("unit table", false, () -> get("/units"), EVERYONE));
        all.add(new Endpoint("unit page", false, () -> get("/units/TUPHAP"), EVERYONE));
        all.add(new Endpoint("ranking", false, () -> get("/cycles/2023/ranking"), EVERYONE));
        all.add(new Endpoint("the current ranking", false, () -> get("/ranking"), EVERYONE));
        all.add(new Endpoint("record a district's total", false, () -> post("/cycles/2023/ranking")
                .param("district", "").param("total", "x"), ADMIN));
        all.add(new Endpoint("delete a district's total", false,
                () -> post("/cycles/2023/ranking/999999/delete"), ADMIN));
        all.add(new Endpoint("my assignments", false, () -> get("/assignments"), EVERYONE));
        all.add(new Endpoint("assignments overview", false, () -> get("/assignments/overview"), ADMIN_AND_LEADER));
        all.add(new Endpoint("review queue", false, () -> get("/review"), ADMIN));
        all.add(new Endpoint("evidence download", false, () -> get("/evidence/" + evidenceId), EVERYONE));
        all.add(new Endpoint("password form", false, () -> get("/account/password"), EVERYONE));
        all.add(new Endpoint("a form kept when the session ended", false, () -> get("/resume"), EVERYONE));
        all.add(new Endpoint("password change", false, () -> post("/account/password")
                .param("currentPassword", "wrong"), EVERYONE));
        all.add(new Endpoint("users", false, () -> get("/admin/users"), ADMIN));
        all.add(new Endpoint("new user form", false, () -> get("/admin/users/new"), ADMIN));
        all.add(new Endpoint("create user", false, () -> post("/admin/users").param("username", "x"), ADMIN));
        all.add(new Endpoint("user page", false, () -> get("/admin/users/" + userId), ADMIN));
        all.add(new Endpoint("update user", false, () -> post("/admin/users/" + userId).param("version", "-1"),
                ADMIN));
        all.add(new Endpoint("reset password", false, () -> post("/admin/users/" + userId + "/password")
                .param("password", "short"), ADMIN));
        all.add(new Endpoint("units", false, () -> get("/admin/units"), ADMIN));
        all.add(new Endpoint("create unit", false, () -> post("/admin/units").param("code", "?"), ADMIN));
        all.add(new Endpoint("update unit", false, () -> post("/admin/units/1").param("name", ""), ADMIN));
        all.add(new Endpoint("backup page", false, () -> get("/admin/backup"), ADMIN));
        all.add(new Endpoint("backup download (page)", false, () -> post("/admin/backup/download"), ADMIN));
        all.add(new Endpoint("assign units", false, () -> post("/cycles/2023/criteria/2.2/units"), ADMIN));
        all.add(new Endpoint("submit (lead unit)", false, () -> multipart("/cycles/2023/criteria/2.2/assessments")
                .param("score", ""), ADMIN_AND_LEAD));
        all.add(new Endpoint("submit (survey criterion)", false,
                () -> multipart("/cycles/2023/criteria/2.4/assessments").param("score", ""), NOBODY));
        all.add(new Endpoint("correct scores", false, () -> post("/cycles/2023/criteria/2.2/scores"), ADMIN));
        all.add(new Endpoint("approve", false, () -> post("/assessments/999999/approve").param("year", "2023")
                .param("code", "2.2").param("version", "0"), ADMIN));
        all.add(new Endpoint("return", false, () -> post("/assessments/999999/return").param("year", "2023")
                .param("code", "2.2").param("version", "0"), ADMIN));
        // tasks, reports, to-do (pages)
        long firstTask = jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = "
                + "tu.unit_id where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
        all.add(new Endpoint("to do", false, () -> get("/todo"), EVERYONE));
        all.add(new Endpoint("to do count", false, () -> get("/todo/count"), EVERYONE));
        all.add(new Endpoint("tasks (current cycle)", false, () -> get("/tasks"), EVERYONE));
        all.add(new Endpoint("task list", false, () -> get("/cycles/2023/tasks"), EVERYONE));
        all.add(new Endpoint("overdue count", false, () -> get("/cycles/2023/tasks/overdue-count"), EVERYONE));
        all.add(new Endpoint("task page", false, () -> get("/tasks/" + firstTask), EVERYONE));
        all.add(new Endpoint("task progress (page)", false, () -> post("/tasks/" + firstTask + "/updates")
                .param("note", ""), ADMIN_AND_LEAD));
        all.add(new Endpoint("new task form", false, () -> get("/cycles/2023/tasks/new"), ADMIN));
        all.add(new Endpoint("create task (page)", false, () -> post("/cycles/2023/tasks").param("title", ""),
                ADMIN));
        all.add(new Endpoint("edit task form", false, () -> get("/tasks/" + firstTask + "/edit"), ADMIN));
        all.add(new Endpoint("change task (page)", false, () -> post("/tasks/" + firstTask).param("title", ""),
                ADMIN));
        all.add(new Endpoint("reports (current cycle)", false, () -> get("/reports"), EVERYONE));
        all.add(new Endpoint("report periods", false, () -> get("/cycles/2023/reports"), EVERYONE));
        all.add(new Endpoint("set deadlines", false, () -> post("/cycles/2023/calendar").param("monthDueDay", "99"),
                ADMIN));
        all.add(new Endpoint("period page", false, () -> get("/cycles/2023/reports/2023-Q1"), EVERYONE));
        all.add(new Endpoint("district report (page)", false, () -> get("/cycles/2023/reports/2023-Q1.docx"),
                EVERYONE));
        all.add(new Endpoint("unit input page", false, () -> get("/cycles/2023/reports/2023-Q1/units/TUPHAP"),
                EVERYONE));
        all.add(new Endpoint("unit input document (page)", false,
                () -> get("/cycles/2023/reports/2023-Q1/units/TUPHAP.docx"), EVERYONE));
        all.add(new Endpoint("write unit input (page)", false,
                () -> post("/cycles/2023/reports/2023-Q1/units/TUPHAP").param("results[0]", "x"), ADMIN_AND_LEAD));
        all.add(new Endpoint("return unit input (page)", false,
                () -> post("/cycles/2023/reports/2023-Q1/units/TUPHAP/return").param("reason", ""), ADMIN));
        all.add(new Endpoint("accept unit input (page)", false,
                () -> post("/cycles/2023/reports/2023-Q1/units/TUPHAP/accept"), ADMIN));
        // the API's description and its UI (springdoc): every signed-in user
        all.add(new Endpoint("api description", false, () -> get("/v3/api-docs"), EVERYONE));
        all.add(new Endpoint("api description (yaml)", false, () -> get("/v3/api-docs.yaml"), EVERYONE));
        all.add(new Endpoint("api UI settings", false, () -> get("/v3/api-docs/swagger-config"), EVERYONE));
        all.add(new Endpoint("api UI", false, () -> get("/swagger-ui"), EVERYONE));
        // API
        all.add(new Endpoint("api cycles", true, () -> get("/api/v1/cycles"), EVERYONE));
        all.add(new Endpoint("api criteria", true, () -> get("/api/v1/cycles/2023/criteria"), EVERYONE));
        all.add(new Endpoint("api summary", true, () -> get("/api/v1/cycles/2023/summary"), EVERYONE));
        all.add(new Endpoint("api dashboard", true, () -> get("/api/v1/cycles/2023/dashboard"), EVERYONE));
        all.add(new Endpoint("api history", true, () -> get("/api/v1/cycles/2023/criteria/2.2/history"), EVERYONE));
        all.add(new Endpoint("api thread", true, () -> get("/api/v1/cycles/2023/criteria/2.2/assessments"),
                EVERYONE));
        all.add(new Endpoint("api evidence list", true, () -> get("/api/v1/cycles/2023/criteria/2.2/evidence"),
                EVERYONE));
        all.add(new Endpoint("api submit (lead unit)", true,
                () -> json(post("/api/v1/cycles/2023/criteria/2.2/assessments"), "{}"), ADMIN_AND_LEAD));
        all.add(new Endpoint("api submit (survey)", true,
                () -> json(post("/api/v1/cycles/2023/criteria/2.4/assessments"), "{}"), NOBODY));
        all.add(new Endpoint("api upload evidence", true, () -> multipart("/api/v1/cycles/2023/criteria/2.2/evidence")
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "<html>".getBytes())),
                ADMIN_AND_LEAD));
        all.add(new Endpoint("api approve", true, () -> json(post("/api/v1/assessments/999999/approve"), "{}"),
                ADMIN));
        all.add(new Endpoint("api return", true, () -> json(post("/api/v1/assessments/999999/return"), "{}"),
                ADMIN));
        all.add(new Endpoint("api patch criterion", true, () -> json(patch("/api/v1/cycles/2023/criteria/2.2"), "{}"),
                ADMIN));
        all.add(new Endpoint("api backup", true, () -> get("/api/v1/backup"), ADMIN));
        all.add(new Endpoint("api tasks", true, () -> get("/api/v1/cycles/2023/tasks"), EVERYONE));
        long justiceTask = jdbc.queryForObject("select min(tu.task_id) from task_unit tu join unit u on u.id = "
                + "tu.unit_id where u.code = 'TUPHAP' and tu.role = 'LEAD'", Long.class);
        all.add(new Endpoint("api task progress", true,
                () -> json(post("/api/v1/tasks/" + justiceTask + "/updates"), "{}"), ADMIN_AND_LEAD));
        all.add(new Endpoint("api calendar", true, () -> get("/api/v1/cycles/2023/calendar"), EVERYONE));
        all.add(new Endpoint("api set calendar", true, () -> json(put("/api/v1/cycles/2023/calendar"), "{}"), ADMIN));
        all.add(new Endpoint("api report periods", true, () -> get("/api/v1/cycles/2023/reports"), EVERYONE));
        all.add(new Endpoint("api report", true, () -> get("/api/v1/cycles/2023/reports/2023-Q1"), EVERYONE));
        all.add(new Endpoint("dossier page", false, () -> get("/cycles/2023/dossier"), EVERYONE));
        all.add(new Endpoint("criterion dossier page", false, () -> get("/cycles/2023/criteria/2.1/dossier"),
                EVERYONE));
        all.add(new Endpoint("list a document (page)", false,
                () -> post("/cycles/2023/criteria/2.1/dossier/items").param("name", ""), ADMIN));
        all.add(new Endpoint("unlist a document (page)", false,
                () -> post("/cycles/2023/criteria/2.1/dossier/items/999999/delete").param("version", "0"), ADMIN));
        all.add(new Endpoint("attach to a document (page)", false,
                () -> multipart("/cycles/2023/criteria/2.1/dossier/items/999999/files"),
                Set.of("noivu", "tuphap", "vanphong", "sonoivu")));
        all.add(new Endpoint("explain (page)", false,
                () -> post("/cycles/2023/criteria/2.1/dossier/explanation").param("text", ""), ADMIN_AND_LEAD));
        all.add(new Endpoint("dossier zip (page)", false, () -> get("/cycles/2023/dossier.zip"), EVERYONE));
        all.add(new Endpoint("self-assessment report (page)", false, () -> get("/cycles/2023/self-assessment.docx"),
                EVERYONE));
        all.add(new Endpoint("api dossier zip", true, () -> get("/api/v1/cycles/2023/dossier.zip"), EVERYONE));
        all.add(new Endpoint("api self-assessment report", true,
                () -> get("/api/v1/cycles/2023/self-assessment.docx"), EVERYONE));
        all.add(new Endpoint("imports page", false, () -> get("/admin/imports"), ADMIN));
        all.add(new Endpoint("import preview (page)", false, () -> multipart("/admin/imports").param("year", "2031"),
                ADMIN));
        all.add(new Endpoint("import confirm (page)", false, () -> post("/admin/imports/confirm"), ADMIN));
        all.add(new Endpoint("import hand-out sheet (page)", false, () -> get("/admin/imports/handout.xlsx"), ADMIN));
        all.add(new Endpoint("cycles page", false, () -> get("/admin/cycles"), ADMIN));
        all.add(new Endpoint("start a year (page)", false, () -> post("/admin/cycles").param("year", ""), ADMIN));
        all.add(new Endpoint("close a year (page)", false, () -> post("/admin/cycles/2031/close"), ADMIN));
        all.add(new Endpoint("reconciliation page", false, () -> get("/cycles/2023/reconciliation"), EVERYONE));
        all.add(new Endpoint("appraisal (page)", false,
                () -> post("/cycles/2023/appraisal").param("code", "1.2").param("appraisedScore", "9"), ADMIN));
        all.add(new Endpoint("appendix xlsx (page)", false, () -> get("/cycles/2023/appendix.xlsx"), EVERYONE));
        all.add(new Endpoint("appendix csv (page)", false, () -> get("/cycles/2023/appendix.csv"), EVERYONE));
        all.add(new Endpoint("unit criteria xlsx (page)", false,
                () -> get("/cycles/2023/units/TUPHAP/criteria.xlsx"), EVERYONE));
        all.add(new Endpoint("unit criteria csv (page)", false,
                () -> get("/cycles/2023/units/TUPHAP/criteria.csv"), EVERYONE));
        all.add(new Endpoint("api appendix xlsx", true, () -> get("/api/v1/cycles/2023/appendix.xlsx"), EVERYONE));
        all.add(new Endpoint("api appendix csv", true, () -> get("/api/v1/cycles/2023/appendix.csv"), EVERYONE));
        all.add(new Endpoint("api unit criteria xlsx", true,
                () -> get("/api/v1/cycles/2023/units/TUPHAP/criteria.xlsx"), EVERYONE));
        all.add(new Endpoint("api unit criteria csv", true,
                () -> get("/api/v1/cycles/2023/units/TUPHAP/criteria.csv"), EVERYONE));
        all.add(new Endpoint("api import", true, () -> multipart("/api/v1/imports").param("year", "2031")
                .param("kind", "framework"), ADMIN));
        all.add(new Endpoint("api reconciliation", true, () -> get("/api/v1/cycles/2023/reconciliation"), EVERYONE));
        all.add(new Endpoint("api appraisal", true,
                () -> json(put("/api/v1/cycles/2023/criteria/1.2/appraisal"), "{\"appraisedScore\": 9}"), ADMIN));
        all.add(new Endpoint("scoring method (page)", false,
                () -> post("/cycles/2023/criteria/2.2/scoring-method").param("scoringMethod", "PHONG_VAN"), ADMIN));
        all.add(new Endpoint("api scoring method", true,
                () -> json(put("/api/v1/cycles/2023/criteria/2.2/scoring-method"), "{}"), ADMIN));
        all.add(new Endpoint("api close cycle", true, () -> json(post("/api/v1/cycles/2031/close"), "{}"), ADMIN));
        all.add(new Endpoint("api start cycle", true, () -> json(post("/api/v1/cycles"), "{\"year\": 2023}"),
                ADMIN));
        all.add(new Endpoint("api report document", true, () -> get("/api/v1/cycles/2023/reports/2023-Q1.docx"),
                EVERYONE));
        all.add(new Endpoint("api unit input", true, () -> get("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP"),
                EVERYONE));
        all.add(new Endpoint("api unit input document", true,
                () -> get("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP.docx"), EVERYONE));
        all.add(new Endpoint("api write unit input", true,
                () -> json(put("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP"), "{\"tasks\": [{}]}"),
                ADMIN_AND_LEAD));
        all.add(new Endpoint("api return unit input", true,
                () -> json(post("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP/return"), "{}"), ADMIN));
        all.add(new Endpoint("api accept unit input", true,
                () -> json(post("/api/v1/cycles/2023/reports/2023-Q1/units/TUPHAP/accept"), "{}"), ADMIN));
        all.add(new Endpoint("api to do", true, () -> get("/api/v1/todo"), EVERYONE));
        all.add(new Endpoint("api task evidence", true, () -> multipart("/api/v1/tasks/" + justiceTask
                + "/updates/999999/evidence").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                "<html>".getBytes())), ADMIN_AND_LEAD));
        all.add(new Endpoint("api create task", true, () -> json(post("/api/v1/cycles/2023/tasks"), "{}"), ADMIN));
        all.add(new Endpoint("api change task", true,
                () -> json(patch("/api/v1/tasks/" + justiceTask), "{}"), ADMIN));
        return all;
    }

    @Test
    void nobodyGetsMoreThanTheirRoleGives() throws Exception {
        // taking a backup is put on record whatever the request: only other history counts
        long history = count("change_history where entity_type <> 'BACKUP'");
        long assessments = count("assessment");
        long taskUpdates = count("task_update");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String person : PEOPLE) {
                AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().get();
                if (!endpoint.api()) {
                    request.with(csrf());
                }
                if (!person.equals("anonymous")) {
                    request.with(endpoint.api() ? httpBasic(person, "demo")
                            : user(account(person)));
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                boolean refused = refused(response, endpoint.api());
                boolean allowed = endpoint.allowed().contains(person);
                if (allowed == refused) {
                    wrong.add(endpoint.name() + " as " + person + ": " + response.getStatus() + " "
                            + response.getRedirectedUrl() + (allowed ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(count("assessment")).isEqualTo(assessments);
        assertThat(count("task_update")).isEqualTo(taskUpdates);
        assertThat(count("change_history where entity_type <> 'BACKUP'")).isEqualTo(history);
    }

    /** A page or endpoint added without a line in the table above fails here. */
    @Test
    void theTableCoversEveryPageAndEndpoint(@Autowired
            @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) {
        List<String> covered = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            var request = endpoint.request().get().buildRequest(new org.springframework.mock.web.MockServletContext());
            covered.add(request.getMethod() + " " + request.getRequestURI());
        }
        List<String> uncovered = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/login") || pattern.startsWith("/error")) {
                    continue; // open to everyone by design
                }
                var parsed = org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse(pattern);
                boolean found = covered.stream().anyMatch(c -> {
                    String method = c.substring(0, c.indexOf(' '));
                    String path = c.substring(c.indexOf(' ') + 1);
                    return (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals(method)))
                            && parsed.matches(org.springframework.http.server.PathContainer.parsePath(path));
                });
                if (!found) {
                    uncovered.add(methods + " " + pattern);
                }
            }
        });
        assertThat(covered).hasSizeGreaterThan(40);
        assertThat(uncovered).as("pages and endpoints missing from the authorization table").isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/cycles/2023/criteria/2.2/scores")
                        .param("targetScore", "3").param("comment", "x").param("version", "0")
                        .with(user(CurrentUser.of(users.findByUsernameWithUnit("noivu").orElseThrow()))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    private static boolean refused(MockHttpServletResponse response, boolean api) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return true;
        }
        String location = response.getRedirectedUrl();
        return !api && status == 302 && location != null && location.endsWith("/login");
    }

    /** The account as a page session holds it (looked up in every body: the province's belongs to none). */
    CurrentUser account(String username) {
        return vn.parindex.system.BodyScope.callAll(
                () -> CurrentUser.of(users.findByUsernameWithUnit(username).orElseThrow()));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
