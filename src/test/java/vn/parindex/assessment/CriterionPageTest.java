package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.imports.PlanImportRequest;
import vn.parindex.imports.PlanImporter;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * The criterion page and the review queue: a fixed number of SQL statements whatever the size of the tree, the
 * year in the address (the cycle resolver), and every form's bad input shown next to its field with nothing changed.
 */
@WorkflowTest
class CriterionPageTest {

    @Autowired
    org.springframework.context.MessageSource messages;

    /** A message of the Vietnamese bundle, as the page writes it (HTML-escaped). */
    String vi(String key) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(key, null,
                java.util.Locale.forLanguageTag("vi")), "UTF-8");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    @Autowired
    PlanImporter importer;

    @Autowired
    StatementCounter statements;

    RequestPostProcessor page(String username) {
        return user(WorkflowIntegrationTest.CurrentUserLoader.load(users, username));
    }

    String html(AbstractMockHttpServletRequestBuilder<?> request, String username, ResultMatcher expected) throws Exception {
        if (!"GET".equals(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod())) {
            request.with(csrf());
        }
        return HtmlUtils.htmlUnescape(mvc.perform(request.with(page(username))).andExpect(expected).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long version(String code) {
        return jdbc.queryForObject("select c.version from criterion c join cycle y on y.id = c.cycle_id"
                + " where y.year = 2023 and c.code = ?", Long.class, code);
    }

    /** Every SQL statement of one page when nothing is kept from an earlier request (the data just changed). */
    long statementsFor(String url, String username) throws Exception {
        RequestPostProcessor person = page(username);
        mvc.perform(get(url).with(person)).andExpect(status().isOk()); // warm up
        jdbc.update("update data_revision set revision = revision + 1");
        statements.reset();
        mvc.perform(get(url).with(person)).andExpect(status().isOk());
        return statements.count();
    }

    @Test
    void aPageReadsAFixedNumberOfStatementsForTheSmallAndForALargeTree() throws Exception {
        StringBuilder csv = new StringBuilder("stt,ten,diem_toi_da,diem_2016,muc_tieu_2017,co_quan_chu_tri\n");
        for (int domain = 1; domain <= 8; domain++) {
            csv.append(domain).append(",Lĩnh vực ").append(domain).append(",\"25\",,,Phòng Nội vụ\n");
            for (int criterion = 1; criterion <= 50; criterion++) {
                csv.append(domain).append('.').append(criterion).append(",Tiêu chí,\"0,5\",\"0,25\",\"0,5\",")
                        .append(criterion % 2 == 0 ? "Phòng Tư pháp" : "").append('\n');
            }
        }
        importer.importPlan(new StringReader(csv.toString()), new PlanImportRequest(2017, 2016, CycleStatus.CLOSED,
                "Lớn", Map.of(), Map.of("1", List.of("VHTT"))));

        // the revision, the cycle (resolver), the tree; then what every reader sees alike: the trend, the thread,
        // the evidence, the history, the units to choose from and the plan's tasks; the names and offices of the
        // accounts and the units' names (people and units by name, never by login or code: one statement)
        long criterion = statementsFor("/cycles/2023/criteria/2.2", "lanhdao");
        assertThat(criterion).isEqualTo(10);
        assertThat(statementsFor("/cycles/2017/criteria/3.7", "lanhdao")).isEqualTo(criterion);
        // a domain also reads its parts' latest statuses
        long domain = statementsFor("/cycles/2023/criteria/3", "lanhdao");
        assertThat(domain).isEqualTo(criterion + 1);
        assertThat(statementsFor("/cycles/2017/criteria/3", "lanhdao")).isEqualTo(domain);
        assertThat(html(get("/cycles/2017/criteria/3"), "lanhdao", status().isOk())).contains("3.50", "3.49");
        // Home Affairs reads the same (the units for the assignment form are read for everyone, and kept)
        assertThat(statementsFor("/cycles/2023/criteria/2.2", "noivu")).isEqualTo(criterion);
        assertThat(statementsFor("/cycles/2017/criteria/3", "noivu")).isEqualTo(domain);
        // the queue: the revision, the cycle, the submissions with their criteria and evidence counts, the tree (for
        // the lead units, last year's scores and targets) and the names of people
        assertThat(statementsFor("/review", "noivu")).isEqualTo(5);
        // while nothing changes, every one of them reads the revision and nothing else
        RequestPostProcessor homeAffairs = page("noivu");
        for (String url : new String[] {"/cycles/2023/criteria/2.2", "/cycles/2017/criteria/3", "/review"}) {
            mvc.perform(get(url).with(homeAffairs)).andExpect(status().isOk());
            statements.reset();
            mvc.perform(get(url).with(homeAffairs)).andExpect(status().isOk());
            assertThat(statements.count()).as(url + ": %s", statements.sql()).isEqualTo(1);
        }
    }

    @Test
    void theYearInTheAddressIsACycle() throws Exception {
        html(get("/cycles/2031/criteria/1.1"), "lanhdao", status().isNotFound());
        html(get("/cycles/abc/criteria/1.1"), "lanhdao", status().isBadRequest());
        html(get("/cycles/20231/criteria/1.1"), "lanhdao", status().isBadRequest());
        html(get("/cycles/2023/criteria/9.9"), "lanhdao", status().isNotFound());
        assertThat(html(get("/cycles/2023/criteria/1.1"), "lanhdao", status().isOk()))
                .contains("<h1 class=\"h4\"><span>1.1</span>");
        // without a year in the address: ?year=, else the current cycle
        assertThat(html(get("/review"), "noivu", status().isOk())).contains("Bản tự đánh giá");
        html(get("/review").param("year", "2023"), "noivu", status().isOk());
        html(get("/review").param("year", "2031"), "noivu", status().isNotFound());
        html(get("/review").param("year", "x"), "noivu", status().isBadRequest());
        html(get("/review").param("year", "99999"), "noivu", status().isBadRequest());
        // the queue is Home Affairs' (@PreAuthorize behind the address rule)
        html(get("/review"), "tuphap", status().isForbidden());
    }

    @Test
    void theScoresFormShowsEachMessageNextToItsFieldAndChangesNothing() throws Exception {
        long history = count("change_history");
        long version = version("1.4");
        String bad = html(post("/cycles/2023/criteria/1.4/scores").param("targetScore", "abc")
                .param("baselineScore", "9").param("comment", "").param("version", "" + version),
                "noivu", status().isBadRequest());
        assertThat(bad).contains("id=\"scores-targetScore-error\" class=\"invalid-feedback\">"
                        + "Điểm phải là một số không âm", "value=\"abc\"",
                "id=\"scores-baselineScore-error\" class=\"invalid-feedback\">Điểm không được vượt",
                "id=\"scores-comment-error\" class=\"invalid-feedback\">Chưa nhập giải trình, ghi chú.",
                "Có ô nhập chưa hợp lệ");
        String empty = html(post("/cycles/2023/criteria/1.4/scores").param("comment", "x")
                .param("version", "" + version), "noivu", status().isBadRequest());
        assertThat(empty).contains("id=\"scores-baselineScore-error\" class=\"invalid-feedback\">"
                + "Chưa nhập điểm nào cần thay đổi");
        html(post("/cycles/2023/criteria/1.4/scores").param("targetScore", "1").param("comment", "x")
                .param("version", "abc"), "noivu", status().isBadRequest());
        html(post("/cycles/2023/criteria/1.4/scores").param("targetScore", "1").param("comment", "x"),
                "noivu", status().isBadRequest());
        // a stale form: the message, what was typed, and the current version to try again with
        String stale = html(post("/cycles/2023/criteria/1.4/scores").param("targetScore", "1,5")
                .param("comment", "cũ").param("version", "" + (version - 1)), "noivu", status().isConflict());
        assertThat(stale).contains(vi("conflict.criterion"), "value=\"1,5\"",
                "name=\"version\" value=\"" + version + "\"");
        assertThat(count("change_history")).isEqualTo(history);
        assertThat(version("1.4")).isEqualTo(version);
    }

    @Test
    void theAssignmentFormShowsEachMessageNextToItsFieldAndChangesNothing() throws Exception {
        long history = count("change_history");
        long version = version("6.1");
        String both = html(post("/cycles/2023/criteria/6.1/units").param("leadUnits", "TCKH")
                .param("coordinatingUnits", "TCKH").param("comment", "Giao lại").param("version", "" + version),
                "noivu", status().isBadRequest());
        assertThat(both).contains(vi("assignment.both"), "value=\"Giao lại\"")
                .containsPattern("id=\"lead-TCKH\"[^>]*checked")
                .containsPattern("id=\"help-TCKH\"[^>]*checked");
        String unknown = html(post("/cycles/2023/criteria/6.1/units").param("leadUnits", "KHONG_CO")
                .param("version", "" + version), "noivu", status().isBadRequest());
        assertThat(unknown).contains(vi("account.unitUnknown"),
                "id=\"units-comment-error\" class=\"invalid-feedback\">Chưa nhập giải trình, ghi chú.");
        assertThat(count("change_history")).isEqualTo(history);
        assertThat(version("6.1")).isEqualTo(version);
        // as it starts, the form ticks the units named on the criterion itself
        String shown = html(get("/cycles/2023/criteria/1.1"), "noivu", status().isOk());
        assertThat(shown).containsPattern("id=\"lead-NOIVU\"[^>]*checked")
                .doesNotContainPattern("id=\"lead-TUPHAP\"[^>]*checked");
    }

    @Test
    void theReviewFormsAndTheSubmissionShowTheirMessagesAndChangeNothing() throws Exception {
        // approved at its baseline: the district's projection, which other tests of this database check, stays
        mvc.perform(multipart("/cycles/2023/criteria/3.2/assessments").param("score", "2")
                .param("comment", "Đạt").with(page("noivu")).with(csrf())).andExpect(status().isFound());
        long id = jdbc.queryForObject("select max(id) from assessment", Long.class);
        long history = count("change_history");
        String noReason = html(post("/assessments/" + id + "/return").param("year", "2023").param("code", "3.2")
                .param("version", "0").param("comment", " "), "noivu", status().isBadRequest());
        assertThat(noReason).contains("id=\"return-" + id + "-comment-error\" class=\"invalid-feedback\">"
                + "Chưa nêu lý do trả lại.").doesNotContain("id=\"approve-" + id + "-comment-error\"");
        String tooLong = html(post("/assessments/" + id + "/approve").param("year", "2023").param("code", "3.2")
                .param("version", "0").param("comment", "x".repeat(4001)), "noivu", status().isBadRequest());
        assertThat(tooLong).contains("id=\"approve-" + id + "-comment-error\" class=\"invalid-feedback\">"
                + "Giải trình hoặc ý kiến dài tối đa");
        html(post("/assessments/" + id + "/approve").param("year", "2023").param("code", "3.2")
                .param("version", "abc"), "noivu", status().isBadRequest());
        html(post("/assessments/" + id + "/approve").param("year", "2023").param("code", "3.2")
                .param("version", "7"), "noivu", status().isConflict());
        // a second submission while one awaits review
        String pending = html(multipart("/cycles/2023/criteria/3.2/assessments").param("score", "0,25")
                .param("comment", "Lần hai"), "noivu", status().isConflict());
        assertThat(pending).contains("value=\"0,25\"", "Lần hai");
        // a document that is not what its name says: the message next to the file field
        String notPdf = html(multipart("/cycles/2023/criteria/3.1/assessments")
                .file(new MockMultipartFile("files", "bao-cao.pdf", "application/pdf",
                        "<html></html>".getBytes(StandardCharsets.UTF_8)))
                .param("score", "0,5").param("comment", "x"), "noivu", status().isBadRequest());
        assertThat(notPdf).contains("id=\"files-error\" class=\"invalid-feedback\">Chỉ nhận tệp PDF");
        assertThat(count("change_history")).isEqualTo(history);
        assertThat(jdbc.queryForObject("select status from assessment where id = ?", String.class, id))
                .isEqualTo("SUBMITTED");
        // the submissions are kept rendered for readers who may not review them: a leader's page has the
        // submission and no review form, Home Affairs' page (rendered after it) has the forms with its own token
        String leaders = html(get("/cycles/2023/criteria/3.2"), "lanhdao", status().isOk());
        assertThat(leaders).contains("id=\"assessment-" + id + "\"").doesNotContain("/assessments/" + id + "/approve");
        for (String page : java.util.List.of(leaders, html(get("/cycles/2023/criteria/3.2"), "noivu", status().isOk()))) {
            for (String block : java.util.List.of("id=\"trend\"", "id=\"thread\"", "id=\"assessment-" + id + "\"")) {
                assertThat(page.split(block, -1)).as("once: " + block).hasSize(2);
            }
        }
        String reviewers = html(get("/cycles/2023/criteria/3.2"), "noivu", status().isOk());
        assertThat(reviewers).contains("id=\"assessment-" + id + "\"", "/assessments/" + id + "/approve",
                "name=\"_csrf\"");
        assertThat(html(get("/cycles/2023/criteria/3.2"), "tuphap", status().isOk()))
                .contains("id=\"assessment-" + id + "\"").doesNotContain("/assessments/" + id + "/approve");
        // the queue lists it, Home Affairs approves it from the page
        assertThat(html(get("/review"), "noivu", status().isOk())).contains("3.2", "2,0000", "Cán bộ Phòng Nội vụ")
                .doesNotContain(">noivu<", "SUBMITTED");
        html(post("/assessments/" + id + "/approve").param("year", "2023").param("code", "3.2")
                .param("version", "0").param("comment", "Đạt"), "noivu", status().isFound());
        assertThat(html(get("/cycles/2023/criteria/3.2"), "lanhdao", status().isOk()))
                .contains("Đã thống nhất điểm");
    }

    /**
     * What every reader of a criterion's page sees alike is kept per data revision (CriterionPages.Shared) and the
     * parts' table of a criterion with parts is kept rendered: a second request reads nothing but the revision, and
     * whatever the page shows that is written with plain SQL (the change history, evidence, an account's name, a
     * part's name) is on the page at the next request.
     */
    @Test
    void aKeptPageShowsWhatIsWrittenOutsideTheAppAtTheNextRequest() throws Exception {
        importer.importPlan(new StringReader("""
                stt,ten,diem_toi_da,diem_2015,muc_tieu_2016,co_quan_chu_tri
                1,Lĩnh vực một,"2",,,Phòng Nội vụ
                1.1,Tiêu chí một,"1","0,5","1",Phòng Tư pháp
                1.2,Tiêu chí hai,"1","0,5","1",Phòng Tư pháp
                """), new PlanImportRequest(2016, 2015, CycleStatus.CLOSED, "Giữ", Map.of(), Map.of()));
        long id = jdbc.queryForObject("select c.id from criterion c join cycle y on y.id = c.cycle_id"
                + " where y.year = 2016 and c.code = '1.1'", Long.class);
        String url = "/cycles/2016/criteria/1.1";
        String first = html(get(url), "lanhdao", status().isOk());
        assertThat(first).doesNotContain("Sửa ngoài ứng dụng", "ngoai-ung-dung.pdf");
        RequestPostProcessor leader = page("lanhdao");
        statements.reset();
        mvc.perform(get(url).with(leader)).andExpect(status().isOk());
        assertThat(statements.count()).as("a kept page reads the revision at most: %s", statements.sql())
                .isLessThanOrEqualTo(1);

        jdbc.update("insert into change_history (at, username, entity_type, entity_id, criterion_id, field,"
                + " old_value, new_value, comment) values (now(), 'psql', 'CRITERION', ?, ?, 'targetScore', '1',"
                + " '0,9', 'Sửa ngoài ứng dụng')", id, id);
        assertThat(html(get(url), "lanhdao", status().isOk())).contains("Sửa ngoài ứng dụng");
        // the API answers from what is kept for the page
        String api = "/api/v1/cycles/2016/criteria/1.1";
        assertThat(html(get(api + "/history"), "lanhdao", status().isOk())).contains("Sửa ngoài ứng dụng");
        assertThat(html(get(api + "/evidence"), "lanhdao", status().isOk())).isEqualTo("[]");

        jdbc.update("insert into evidence (criterion_id, file_name, content_type, size_bytes, sha256, content,"
                + " uploaded_by, uploaded_at) values (?, 'ngoai-ung-dung.pdf', 'application/pdf', 1, repeat('a', 64),"
                + " '\\x25'::bytea, (select id from app_user where username = 'tuphap'), now())", id);
        String withFile = html(get(url), "lanhdao", status().isOk());
        assertThat(withFile).contains("ngoai-ung-dung.pdf", "Trưởng phòng Tư pháp").doesNotContain(">tuphap");
        assertThat(html(get(api + "/evidence"), "lanhdao", status().isOk())).contains("ngoai-ung-dung.pdf");
        assertThat(html(get(api + "/assessments"), "lanhdao", status().isOk())).isEqualTo("[]");
        html(get("/api/v1/cycles/2016/criteria/9.9/history"), "lanhdao", status().isNotFound());

        jdbc.update("update app_user set display_name = 'Nguyễn Văn Pháp' where username = 'tuphap'");
        try {
            assertThat(html(get(url), "lanhdao", status().isOk())).contains("Nguyễn Văn Pháp (Phòng Tư pháp)");
        } finally {
            jdbc.update("update app_user set display_name = 'Trưởng phòng Tư pháp' where username = 'tuphap'");
        }

        // the parts' table of the domain, rendered once, shows a part renamed with plain SQL
        assertThat(html(get("/cycles/2016/criteria/1"), "lanhdao", status().isOk())).contains("Tiêu chí hai");
        // (the 2016 cycle is closed, and the database keeps a closed cycle's criteria as they are: reopened for this)
        jdbc.update("update cycle set status = 'ACTIVE' where year = 2016");
        jdbc.update("update criterion set name = 'Tiêu chí hai đã sửa' where cycle_id = (select id from cycle"
                + " where year = 2016) and code = '1.2'");
        jdbc.update("update cycle set status = 'CLOSED' where year = 2016");
        assertThat(html(get("/cycles/2016/criteria/1"), "lanhdao", status().isOk())).contains("Tiêu chí hai đã sửa");
    }

    /** The points page shows the first 50 rows of each ranking of a large plan, and all of them when asked. */
    @Test
    void thePointsPageShowsTheFirstFiftyRowsUnlessAskedForAll() throws Exception {
        StringBuilder csv = new StringBuilder("stt,ten,diem_toi_da,diem_2013,muc_tieu_2014,co_quan_chu_tri\n");
        csv.append("1,Lĩnh vực,\"60\",,,Phòng Nội vụ\n");
        for (int criterion = 1; criterion <= 60; criterion++) {
            csv.append("1.").append(criterion).append(",Tiêu chí,\"1\",\"0,5\",\"1\",Phòng Tư pháp\n");
        }
        importer.importPlan(new StringReader(csv.toString()), new PlanImportRequest(2014, 2013, CycleStatus.CLOSED,
                "Điểm", Map.of(), Map.of()));
        String first = html(get("/cycles/2014/points"), "lanhdao", status().isOk());
        assertThat(first.split("/cycles/2014/criteria/1\\.")).hasSize(2 * 50 + 1);
        org.jsoup.nodes.Element more = org.jsoup.Jsoup.parse(first).selectFirst("#points-more");
        assertThat(more).isNotNull();
        assertThat(more.attr("data-shown")).isEqualTo("50");
        assertThat(more.attr("data-total")).isEqualTo("60");
        assertThat(more.select("a").attr("href")).isEqualTo("/cycles/2014/points?all=true");
        String all = html(get("/cycles/2014/points?all=true"), "lanhdao", status().isOk());
        assertThat(all.split("/cycles/2014/criteria/1\\.")).hasSize(2 * 60 + 1);
        assertThat(org.jsoup.Jsoup.parse(all).select("#points-more")).isEmpty();
        html(get("/cycles/2014/points?all=maybe"), "lanhdao", status().isBadRequest());
    }

    /** Imports a closed cycle of one domain with {@code count} criteria. */
    private void importOneDomain(int year, int count) {
        StringBuilder csv = new StringBuilder("stt,ten,diem_toi_da,diem_" + (year - 1) + ",muc_tieu_" + year
                + ",co_quan_chu_tri\n");
        csv.append("1,Lĩnh vực,\"").append(count).append("\",,,Phòng Nội vụ\n");
        for (int criterion = 1; criterion <= count; criterion++) {
            csv.append("1.").append(criterion).append(",Tiêu chí,\"1\",\"0,5\",\"1\",Phòng Tư pháp\n");
        }
        importer.importPlan(new StringReader(csv.toString()), new PlanImportRequest(year, year - 1,
                CycleStatus.CLOSED, "Điểm", Map.of(), Map.of()));
    }

    @Test
    void aDomainOfManyCriteriaShowsTheFirstFiftyPartsUnlessAskedForAll() throws Exception {
        importOneDomain(2011, 60);
        String first = html(get("/cycles/2011/criteria/1"), "lanhdao", status().isOk());
        assertThat(first.split("/cycles/2011/criteria/1\\.")).hasSize(50 + 1);
        assertThat(first).contains("Các tiêu chí thuộc mục này (60)");
        org.jsoup.nodes.Element more = org.jsoup.Jsoup.parse(first).selectFirst("#parts-more");
        assertThat(more).isNotNull();
        assertThat(more.attr("data-shown")).isEqualTo("50");
        assertThat(more.attr("data-total")).isEqualTo("60");
        assertThat(more.select("a").attr("href")).isEqualTo("/cycles/2011/criteria/1?all=true");
        String all = html(get("/cycles/2011/criteria/1?all=true"), "lanhdao", status().isOk());
        assertThat(all.split("/cycles/2011/criteria/1\\.")).hasSize(60 + 1);
        assertThat(org.jsoup.Jsoup.parse(all).select("#parts-more")).isEmpty();
        // the Tân Yên plan's domains are far below the limit: all their parts, no note
        assertThat(html(get("/cycles/2023/criteria/3"), "lanhdao", status().isOk())).doesNotContain("parts-more");
        html(get("/cycles/2011/criteria/1?all=maybe"), "lanhdao", status().isBadRequest());
    }

    @Test
    void theAppendixOfAVeryLargeFrameworkOpensDomainByDomainUnlessAskedForAll() throws Exception {
        importOneDomain(2012, 310);
        String first = html(get("/cycles/2012/appendix"), "lanhdao", status().isOk());
        assertThat(first).doesNotContain("/cycles/2012/criteria/1.")
                .contains("id=\"appendix-large\"", "Phụ lục có 311 dòng", "/cycles/2012/appendix?all=true",
                        "data-rows-url=\"/cycles/2012/domains/1/rows\"");
        String all = html(get("/cycles/2012/appendix?all=true"), "lanhdao", status().isOk());
        assertThat(all.split("/cycles/2012/criteria/1\\.")).hasSize(310 + 1);
        assertThat(all).doesNotContain("appendix-large", "data-rows-url").contains("data-print");
        // the Tân Yên appendix is whole and printable as it was
        String tanYen = html(get("/cycles/2023/appendix"), "lanhdao", status().isOk());
        assertThat(tanYen).contains("/cycles/2023/criteria/6.10", "data-print").doesNotContain("appendix-large");
        html(get("/cycles/2012/appendix?all=1x"), "lanhdao", status().isBadRequest());
    }
}
