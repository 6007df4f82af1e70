package vn.parindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.organisation.Bodies;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.BodiesTest;
import vn.parindex.support.SignedIn;
import vn.parindex.system.BodyScope;

/**
 * The province's acts on its pages, each bad input answered on the page with nothing changed: the year opened from
 * its form (a year or a date that is none), the settings and bands (a gap, a number that is none), a criterion's
 * appraisal above its maximum, a "không áp dụng" without its reason and an appraisal of what does not apply, a
 * publication with bodies unappraised; a body's people kept off the province's pages. Departments of 2039: no other
 * test works on them.
 */
@BodiesTest
class IndexPagesTest {

    private static final int YEAR = 2039;
    private static final String LEVEL = "/province/indexes/" + YEAR + "/DEPARTMENT";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    AppUserRepository users;

    private ResultActions send(MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form);
    }

    private MockHttpServletRequestBuilder form(String path) {
        return SignedIn.form(users, "sonoivu", path);
    }

    private static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The index's row, its bands and the two departments' criterion 1.1: what a refusal may not change. */
    private String state() {
        return BodyScope.callAll(() -> jdbc.queryForList("""
                select concat_ws('|', (select string_agg(concat_ws(',', status, self_assessment_due, version), ';')
                       from index_year where year = ? and level = 'DEPARTMENT'),
                       (select count(*) from index_band b join index_year i on i.id = b.index_year_id
                        where i.year = ? and i.level = 'DEPARTMENT'),
                       (select string_agg(concat_ws(',', applies, coalesce(appraised_score::text, '-'), version), ';' order by id)
                        from criterion where code = '1.1' and cycle_id in (select id from cycle where year = ?)))""",
                String.class, YEAR, YEAR, YEAR).toString());
    }

    @Test
    void theProvincesActsOnItsPagesRefuseBadInputWithNothingChanged() throws Exception {
        for (String code : List.of("SO_PG_A", "SO_PG_B")) {
            if (bodies.byCode(code).isEmpty()) {
                mvc.perform(post("/api/v1/bodies").with(httpBasic("sonoivu", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"" + code
                                + "\", \"name\": \"Sở Trang " + code + "\", \"level\": \"DEPARTMENT\"}"))
                        .andExpect(status().isCreated());
            }
        }
        // the static files a province page names, asked for before any body is chosen (several bodies here)
        for (String file : List.of("/webjars/chart.js/dist/chart.umd.min.js", "/assets/js/index-chart.js")) {
            mvc.perform(get(file).with(SignedIn.as(users, "sonoivu"))).andExpect(status().isOk());
        }
        // a body's people do not reach the province's pages
        mvc.perform(get("/province/indexes").with(SignedIn.as(users, "noivu"))).andExpect(status().isForbidden());
        send(SignedIn.form(users, "noivu", "/province/indexes").param("year", String.valueOf(YEAR))
                .param("level", "DEPARTMENT")).andExpect(status().isForbidden());

        // the province's imports page: a framework without its level, a level on a list of bodies; nothing kept
        String before = state();
        for (String[] upload : new String[][] {{"framework", ""}, {"bodies", "DEPARTMENT"}}) {
            Document refusedImport = page(mvc.perform(multipart("/province/imports")
                    .file(new MockMultipartFile("file", "a.csv", "text/csv",
                            "stt,ten,diem_toi_da\n1,A,100\n".getBytes(StandardCharsets.UTF_8)))
                    .param("kind", upload[0]).param("year", String.valueOf(YEAR)).param("level", upload[1])
                    .with(SignedIn.as(users, "sonoivu"))
                    .with(org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().isBadRequest()));
            assertThat(refusedImport.select(".alert-danger")).as(upload[0]).isNotEmpty();
            assertThat(refusedImport.getElementById("level")).as("the province's form again").isNotNull();
        }
        assertThat(state()).isEqualTo(before);
        // no framework yet: the level is refused beside its field; a year that is none beside its own
        Document refused = page(send(form("/province/indexes").param("year", "20x9").param("level", "DEPARTMENT"))
                .andExpect(status().isBadRequest()));
        assertThat(refused.getElementById("open-year-error")).isNotNull();
        Document noFramework = page(send(form("/province/indexes").param("year", String.valueOf(YEAR))
                .param("level", "DEPARTMENT")).andExpect(status().isBadRequest()));
        assertThat(noFramework.getElementById("open-level-error")).isNotNull();
        IndexFixtures.importFramework(mvc, IndexFixtures.FRAMEWORK, YEAR, "DEPARTMENT", "sonoivu")
                .andExpect(status().isOk());
        String drafted = state();
        assertThat(drafted).isNotEqualTo(before);
        // a date that is no date: the page again, what was typed kept, nothing opened
        Document badDate = page(send(form("/province/indexes").param("year", String.valueOf(YEAR))
                .param("level", "DEPARTMENT").param("selfAssessmentDue", "31/02/" + YEAR))
                .andExpect(status().isBadRequest()));
        assertThat(badDate.getElementById("open-selfAssessmentDue-error")).isNotNull();
        assertThat(badDate.getElementById("open-year").val()).isEqualTo(String.valueOf(YEAR));
        assertThat(state()).isEqualTo(drafted);

        // opened, the Vietnamese way of writing a date read
        send(form("/province/indexes").param("year", String.valueOf(YEAR)).param("level", "DEPARTMENT")
                .param("selfAssessmentDue", "31/10/" + YEAR).param("scaleTo100", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(LEVEL));
        String opened = state();
        assertThat(opened).contains("OPEN," + YEAR + "-10-31");
        send(form("/province/indexes").param("year", String.valueOf(YEAR)).param("level", "DEPARTMENT"))
                .andExpect(status().isConflict());
        assertThat(state()).isEqualTo(opened);

        // the dates alone, no band typed: the bands stay as they are (none yet)
        String settings = LEVEL + "/settings";
        send(form(settings).param("selfAssessmentDue", "30/10/" + YEAR).param("tieBreak", "SHARED")
                .param("bandName", "").param("bandFrom", "").param("bandTo", "")).andExpect(status().isFound());
        assertThat(state()).contains("OPEN," + YEAR + "-10-30").contains("|0|");
        opened = state();
        // more rows than bands can be: refused before any is read
        MockHttpServletRequestBuilder many = form(settings).param("tieBreak", "SHARED");
        for (int i = 0; i < 12; i++) {
            many.param("bandName", "Mức " + i).param("bandFrom", String.valueOf(i)).param("bandTo", String.valueOf(i + 1));
        }
        send(many).andExpect(status().isBadRequest());
        assertThat(state()).isEqualTo(opened);
        // bands: a gap, a number that is none; then the province's five
        Document gap = page(send(bands(form(settings), "90", "100", "80", "85")).andExpect(status().isBadRequest()));
        assertThat(gap.select("#settings-form .alert-danger")).isNotEmpty();
        assertThat(gap.getElementById("settings").hasAttr("open")).isTrue();
        send(bands(form(settings), "90", "100", "8o", "90")).andExpect(status().isBadRequest());
        assertThat(state()).isEqualTo(opened);
        send(bands(form(settings), "90", "100", "80", "90", "65", "80", "50", "65", "0", "50"))
                .andExpect(status().isFound());
        String banded = state();
        assertThat(banded).contains("|5|");

        // a criterion's acts: above its maximum; "không áp dụng" without a reason; then an appraisal of it
        String act = LEVEL + "/bodies/SO_PG_A/criteria/1.1";
        Document actPage = SignedIn.page(mvc, users, "sonoivu", act);
        assertThat(actPage.getElementById("appraisal-form")).isNotNull();
        assertThat(actPage.select("[data-figure=max]").text()).isEqualTo("25,0000");
        Document above = page(send(form(act + "/appraisal").param("appraisedScore", "26").param("reason", "Quá")
                .param("version", actPage.select("#appraisal-form input[name=version]").val()))
                .andExpect(status().isBadRequest()));
        assertThat(above.getElementById("appraisal-appraisedScore-error")).isNotNull();
        assertThat(above.getElementById("appraisal-appraisedScore").val()).isEqualTo("26");
        assertThat(page(send(form(act + "/applicability").param("applies", "false")).andExpect(
                status().isBadRequest())).getElementById("applicability-reason-error")).isNotNull();
        assertThat(state()).isEqualTo(banded);
        send(form(act + "/applicability").param("applies", "false").param("reason", "Không có đơn vị sự nghiệp"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(act));
        // no appraisal nor decision of what does not apply
        Document notApplicable = SignedIn.page(mvc, users, "sonoivu", act);
        assertThat(notApplicable.getElementById("appraisal-form")).isNull();
        assertThat(notApplicable.getElementById("decision-form")).isNull();
        assertThat(notApplicable.getElementById("applicability-applies-no").hasAttr("checked")).isTrue();
        String notApplying = state();
        assertThat(notApplying).contains("f,-,");
        send(form(act + "/appraisal").param("appraisedScore", "10").param("reason", "Thử"))
                .andExpect(status().isBadRequest());
        // a decision on what is not appraised yet
        send(form(LEVEL + "/bodies/SO_PG_B/criteria/1.1/decision").param("finalScore", "10")
                .param("reason", "Hội đồng")).andExpect(status().isConflict());
        assertThat(state()).isEqualTo(notApplying);

        // the level's page as kept, then after an appraisal: its figures follow the write at once
        for (int i = 0; i < 2; i++) {
            assertThat(SignedIn.page(mvc, users, "sonoivu", LEVEL).select("#result-SO_PG_B [data-figure=index]")
                    .text()).isEqualTo("0,0000");
        }
        send(form(LEVEL + "/bodies/SO_PG_B/criteria/1.1/appraisal").param("appraisedScore", "5")
                .param("reason", "Thiếu hồ sơ")).andExpect(status().isFound());
        assertThat(SignedIn.page(mvc, users, "sonoivu", LEVEL).select("#result-SO_PG_B [data-figure=index]").text())
                .isEqualTo("5,0000");
        notApplying = state();

        // the queue: both departments await their appraisal; publishing is refused, the bodies named
        Document queue = SignedIn.page(mvc, users, "sonoivu", LEVEL + "/queue");
        assertThat(queue.getElementById("queue-SO_PG_A")).isNotNull();
        assertThat(queue.getElementById("queue-SO_PG_B")).isNotNull();
        Document unpublished = page(send(form(LEVEL + "/publication")).andExpect(status().isConflict()));
        assertThat(unpublished.getElementById("index-conflict").text()).contains("SO_PG_A", "SO_PG_B");
        assertThat(state()).isEqualTo(notApplying);
        // the appendix from the page: the province's before publication, a body's people's never here
        mvc.perform(get(LEVEL + "/results.xlsx").with(SignedIn.as(users, "sonoivu"))).andExpect(status().isOk());
        mvc.perform(get(LEVEL + "/results.docx").with(SignedIn.as(users, "noivu"))).andExpect(status().isForbidden());
    }

    /** The settings form with these bands, named by their order, highest first. */
    private static MockHttpServletRequestBuilder bands(MockHttpServletRequestBuilder form, String... limits) {
        String[] names = {"Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"};
        for (int i = 0; i < limits.length / 2; i++) {
            form.param("bandName", names[i]).param("bandFrom", limits[2 * i]).param("bandTo", limits[2 * i + 1]);
        }
        return form.param("tieBreak", "SHARED").param("scaleTo100", "true");
    }
}
