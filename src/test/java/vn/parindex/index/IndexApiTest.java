package vn.parindex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.parindex.organisation.Bodies;
import vn.parindex.support.BodiesTest;
import vn.parindex.system.BodyScope;

/**
 * The province's index of a level for a year, through the API: a framework imported for the level, the year opened
 * (every body of the level gets its cycle), a criterion marked as not applying to one body, the appraisal, the
 * results with exact figures, ranks and bands, and the publication; and every bad input refused with nothing
 * changed. Departments of year 2031: no other test works on them.
 */
@BodiesTest
class IndexApiTest {

    private static final int YEAR = 2031;
    private static final String LEVEL = "DEPARTMENT";
    private static final String BASE = "/api/v1/indexes/" + YEAR + "/" + LEVEL;
    private static final String FRAMEWORK = IndexFixtures.FRAMEWORK;
    private static final String BANDS = """
            [{"name": "Xuất sắc", "from": 90, "to": 100}, {"name": "Tốt", "from": 80, "to": 90},
             {"name": "Khá", "from": 65, "to": 80}, {"name": "Trung bình", "from": 50, "to": 65},
             {"name": "Yếu", "from": 0, "to": 50}]""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    ObjectMapper json;

    @Autowired
    vn.parindex.appraisal.AppraisalService appraisals;

    @Autowired
    vn.parindex.security.AppUserRepository users;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    vn.parindex.criteria.CriteriaCatalog catalog;

    @Autowired
    vn.parindex.ranking.RankingService ranking;

    /** What a body's own Home Affairs gets entering the appraisal of criterion 1.1 itself: the refusal's key. */
    private String ownAppraisalRefusal(String body) {
        long id = bodies.byCode(body).orElseThrow().id();
        vn.parindex.security.CurrentUser own = new vn.parindex.security.CurrentUser(1L, "noivu", "Phòng Nội vụ", "-",
                vn.parindex.security.Role.ADMIN, null, null, null, true, id);
        try {
            BodyScope.call(id, () -> {
                long version = jdbc.queryForObject("select version from criterion where code = '1.1' and cycle_id in"
                        + " (select id from cycle where year = ?)", Long.class, YEAR);
                return appraisals.appraise(own, YEAR, "1.1",
                        new vn.parindex.appraisal.AppraisalService.AppraisalChange("20", "Tự nhập", version));
            });
            return null;
        } catch (vn.parindex.system.ConflictException e) {
            return e.messageKey();
        }
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String user, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(httpBasic(user, "demo")));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions importFramework(String table, String user, String level) throws Exception {
        return IndexFixtures.importFramework(mvc, table, YEAR, level, user);
    }

    private void department(String code) throws Exception {
        if (bodies.byCode(code).isEmpty()) {
            send(post("/api/v1/bodies"), "sonoivu", "{\"code\": \"" + code + "\", \"name\": \"Sở Thử " + code
                    + "\", \"level\": \"DEPARTMENT\"}").andExpect(status().isCreated());
        }
    }

    /** The province's rows of the index, a body's criteria of the year, the history: what a refusal may not touch. */
    private String state() {
        return BodyScope.callAll(() -> jdbc.queryForList("""
                select concat_ws('|', i.status, i.version, (select count(*) from index_framework_node),
                       (select count(*) from index_band), (select count(*) from index_result),
                       (select count(*) from cycle), (select string_agg(concat_ws(',', id, applies, appraised_score,
                       version), ';' order by id) from criterion where cycle_id in (select id from cycle where year = ?)),
                       (select count(*) from change_history))
                from index_year i where i.year = ? and i.level = ?""", String.class, YEAR, YEAR, LEVEL).toString());
    }

    private void selfAssess(String body, String code, String score) {
        long id = bodies.byCode(body).orElseThrow().id();
        BodyScope.callAll(() -> jdbc.update("update criterion set current_score = ?::numeric where body_id = ?"
                + " and code = ? and cycle_id in (select id from cycle where year = ?)", score, id, code, YEAR));
    }

    private ResultActions appraise(String body, String code, String score, String reason) throws Exception {
        return send(put(BASE + "/bodies/" + body + "/criteria/" + code + "/appraisal"), "sonoivu",
                "{\"appraisedScore\": " + score + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}");
    }

    @Test
    void aLevelsYearFromFrameworkToPublishedRanks() throws Exception {
        for (String code : List.of("SO_IDX_A", "SO_IDX_B", "SO_IDX_C")) {
            department(code);
        }

        // the framework: out of 100, each node's parts adding up to it; the province's only
        String before = state();
        read(importFramework(FRAMEWORK.replace("2.1,Tiêu chí ba,60", "2.1,Tiêu chí ba,50"), "sonoivu", LEVEL)
                .andExpect(status().isUnprocessableContent()));
        importFramework(FRAMEWORK.replace("2,Lĩnh vực hai,60", "2,Lĩnh vực hai,50")
                .replace("2.1,Tiêu chí ba,60", "2.1,Tiêu chí ba,50"), "sonoivu", LEVEL)
                .andExpect(status().isUnprocessableContent());
        importFramework(FRAMEWORK.replace("1.1,Tiêu chí một", "1.a,Tiêu chí một"), "sonoivu", LEVEL)
                .andExpect(status().isUnprocessableContent());
        importFramework(FRAMEWORK, "noivu", LEVEL).andExpect(status().isForbidden());
        importFramework(FRAMEWORK, "sonoivu", "PROVINCE").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        assertThat(state()).isEqualTo(before);
        importFramework(FRAMEWORK, "sonoivu", LEVEL).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(5));
        String afterImport = state();

        // opening: not by a body's Home Affairs, not for a level without a framework
        String open = "{\"year\": " + YEAR + ", \"level\": \"" + LEVEL + "\", \"selfAssessmentDue\": \"" + YEAR
                + "-10-31\", \"explanationFrom\": \"" + YEAR + "-11-01\", \"explanationTo\": \"" + YEAR + "-11-15\"}";
        send(post("/api/v1/indexes"), "noivu", open).andExpect(status().isForbidden());
        send(post("/api/v1/indexes"), "sonoivu", "{\"year\": 2032, \"level\": \"WARD\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        send(post("/api/v1/indexes"), "sonoivu", open.replace("-11-15", "-10-15")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("explanationTo"));
        assertThat(state()).isEqualTo(afterImport);
        JsonNode opened = read(send(post("/api/v1/indexes"), "sonoivu", open).andExpect(status().isCreated())
                .andExpect(jsonPath("$.index.status").value("OPEN"))
                .andExpect(jsonPath("$.index.frameworkMaximum").value(100))
                .andExpect(jsonPath("$.index.criteria").value(5)));
        List<String> created = new ArrayList<>();
        opened.get("created").forEach(n -> created.add(n.asString()));
        assertThat(created).contains("SO_IDX_A", "SO_IDX_B", "SO_IDX_C");
        // each has the framework's tree: parents linked, levels from the codes
        long a = bodies.byCode("SO_IDX_A").orElseThrow().id();
        assertThat(BodyScope.callAll(() -> jdbc.queryForList("select c.code || '<' || coalesce(p.code, '-') || '@'"
                + " || c.level || '/' || c.max_score from criterion c left join criterion p on p.id = c.parent_id"
                + " where c.body_id = ? and c.cycle_id in (select id from cycle where year = ?) order by c.position",
                String.class, a, YEAR))).containsExactly("1<-@1/40.0000", "1.1<1@2/25.0000", "1.2<1@2/15.0000",
                        "2<-@1/60.0000", "2.1<2@2/60.0000");
        String afterOpening = state();
        send(post("/api/v1/indexes"), "sonoivu", open).andExpect(status().isConflict());
        importFramework(FRAMEWORK, "sonoivu", LEVEL).andExpect(status().isConflict());
        assertThat(state()).isEqualTo(afterOpening);

        // bands: no gap, no overlap
        send(put(BASE), "sonoivu", "{\"bands\": " + BANDS.replace("\"to\": 80", "\"to\": 75") + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bands"));
        send(put(BASE), "sonoivu", "{\"bands\": " + BANDS.replace("\"from\": 80", "\"from\": 85") + "}")
                .andExpect(status().isBadRequest());
        send(put(BASE), "noivu", "{\"bands\": " + BANDS + "}").andExpect(status().isForbidden());
        assertThat(state()).isEqualTo(afterOpening);
        send(put(BASE), "sonoivu", "{\"bands\": " + BANDS + "}").andExpect(status().isOk())
                .andExpect(jsonPath("$.bands.length()").value(5));

        // "không áp dụng": with a reason only; then the criterion cannot be appraised
        String applicability = BASE + "/bodies/SO_IDX_A/criteria/1.2/applicability";
        String beforeApplicability = state();
        send(put(applicability), "sonoivu", "{\"applies\": false}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        send(put(applicability), "noivu", "{\"applies\": false, \"reason\": \"x\"}")
                .andExpect(status().isForbidden());
        send(put(BASE + "/bodies/TAN_YEN/criteria/1.2/applicability"), "sonoivu",
                "{\"applies\": false, \"reason\": \"x\"}").andExpect(status().isNotFound());
        assertThat(state()).isEqualTo(beforeApplicability);
        send(put(applicability), "sonoivu", "{\"applies\": false, \"reason\": \"Sở không có đơn vị sự nghiệp\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.applies").value(false));

        selfAssess("SO_IDX_A", "1.1", "22");
        selfAssess("SO_IDX_A", "2.1", "50");
        selfAssess("SO_IDX_B", "1.1", "25");
        selfAssess("SO_IDX_B", "1.2", "15");
        selfAssess("SO_IDX_B", "2.1", "55");
        String beforeAppraisal = state();
        appraise("SO_IDX_A", "1.2", "0", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("appraisedScore"));
        appraise("SO_IDX_A", "1.1", "26", null).andExpect(status().isBadRequest());
        // below the self-assessment without a reason
        appraise("SO_IDX_A", "1.1", "20", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        appraise("SO_IDX_A", "1", "30", null).andExpect(status().isBadRequest());
        send(put(BASE + "/bodies/SO_IDX_A/criteria/1.1/appraisal"), "noivu", "{\"appraisedScore\": 20}")
                .andExpect(status().isForbidden());
        assertThat(state()).isEqualTo(beforeAppraisal);

        // while the province appraises, the body's Home Affairs enters no appraisal of its own
        assertThat(ownAppraisalRefusal("SO_IDX_A")).isEqualTo("conflict.appraisedByProvince");
        assertThat(state()).isEqualTo(beforeAppraisal);
        appraise("SO_IDX_A", "1.1", "20", "Thiếu văn bản").andExpect(status().isOk());
        appraise("SO_IDX_A", "2.1", "48", "Chậm hạn").andExpect(status().isOk());
        appraise("SO_IDX_B", "1.1", "25", null).andExpect(status().isOk());
        appraise("SO_IDX_B", "1.2", "15", null).andExpect(status().isOk());

        // the province sees every body, provisional; a body of another level sees none of them
        JsonNode provisional = read(send(get(BASE + "/results"), "sonoivu", null).andExpect(status().isOk()));
        Map<String, JsonNode> rows = byCode(provisional);
        assertThat(rows.get("SO_IDX_A").get("maximum").decimalValue()).isEqualByComparingTo("85");
        assertThat(rows.get("SO_IDX_A").get("appraised").asBoolean()).isTrue();
        // B's 2.1 is not appraised yet: its self-assessed 55 counts, and B is not appraised
        assertThat(rows.get("SO_IDX_B").get("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(rows.get("SO_IDX_B").get("appraised").asBoolean()).isFalse();
        assertThat(rows.get("SO_IDX_C").get("owed").asInt()).isEqualTo(3);
        assertThat(read(send(get(BASE + "/results"), "noivu", null).andExpect(status().isOk())).get("bodies"))
                .isEmpty();

        // the decision's appendix: the province prepares it before publication, nobody else reads it then
        mvc.perform(get(BASE + "/results.xlsx").with(httpBasic("noivu", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/results.docx").with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk());

        // the province's page at a glance, before publication: what each still owes, who is appraised
        org.jsoup.nodes.Document glance = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                "/province/indexes/" + YEAR + "/" + LEVEL);
        assertThat(glance.select("#result-SO_IDX_C td[data-figure=owed]").text()).isEqualTo("3");
        assertThat(glance.select("#result-SO_IDX_A td[data-figure=owed]").text()).isEqualTo("0");
        assertThat(glance.select("#result-SO_IDX_A .badge")).isNotEmpty();
        assertThat(glance.select("#result-SO_IDX_B .badge")).isEmpty();

        // publication refused while any body is unappraised: they are named
        String beforePublication = state();
        JsonNode refused = read(send(post(BASE + "/publication"), "sonoivu", null).andExpect(status().isConflict()));
        assertThat(refused.toString()).contains("SO_IDX_B", "SO_IDX_C").doesNotContain("SO_IDX_A");
        send(post(BASE + "/publication"), "noivu", null).andExpect(status().isForbidden());
        assertThat(state()).isEqualTo(beforePublication);

        appraise("SO_IDX_B", "2.1", "50", "Thiếu minh chứng").andExpect(status().isOk());
        appraise("SO_IDX_C", "1.1", "10", null).andExpect(status().isOk());
        appraise("SO_IDX_C", "1.2", "5", null).andExpect(status().isOk());
        appraise("SO_IDX_C", "2.1", "50", null).andExpect(status().isOk());
        // any other department of the tests' deployment, appraised at nothing
        for (String other : rows.keySet()) {
            if (!other.startsWith("SO_IDX_") && rows.get(other).get("hasCycle").asBoolean()) {
                for (String code : List.of("1.1", "1.2", "2.1")) {
                    appraise(other, code, "0", "Không có minh chứng").andExpect(status().isOk());
                }
            }
        }

        Map<String, JsonNode> published = byCode(read(send(post(BASE + "/publication"), "sonoivu", null)
                .andExpect(status().isOk())));
        // A: (20 + 48) over 85 = 80; B: 90 of 100; C: 65 of 100
        assertThat(published.get("SO_IDX_A").get("index").decimalValue()).isEqualByComparingTo("80");
        assertThat(published.get("SO_IDX_A").get("score").decimalValue()).isEqualByComparingTo("68");
        assertThat(published.get("SO_IDX_A").get("band").asString()).isEqualTo("Tốt");
        assertThat(published.get("SO_IDX_B").get("band").asString()).isEqualTo("Xuất sắc");
        assertThat(published.get("SO_IDX_C").get("band").asString()).isEqualTo("Khá");
        assertThat(published.get("SO_IDX_B").get("rank").asInt()).isEqualTo(1);
        assertThat(published.get("SO_IDX_A").get("rank").asInt()).isEqualTo(2);
        assertThat(published.get("SO_IDX_C").get("rank").asInt()).isEqualTo(3);

        // nothing changes any more; everybody reads the published ranking
        String afterPublication = state();
        appraise("SO_IDX_C", "2.1", "60", null).andExpect(status().isConflict());
        send(put(applicability), "sonoivu", "{\"applies\": true}").andExpect(status().isConflict());
        send(put(BASE), "sonoivu", "{\"tieBreak\": \"SMALLER_DEDUCTION\"}").andExpect(status().isConflict());
        send(post(BASE + "/publication"), "sonoivu", null).andExpect(status().isConflict());
        assertThat(ownAppraisalRefusal("SO_IDX_C")).isEqualTo("conflict.indexPublished");
        assertThat(state()).isEqualTo(afterPublication);
        // the appendix, once published, for everyone: by rank, the Vietnamese way in Word, numbers in Excel
        byte[] xlsx = mvc.perform(get(BASE + "/results.xlsx").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            List<String> lines = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(1).getStringCellValue().startsWith("Sở Thử SO_IDX_")) {
                    lines.add(row.getCell(1).getStringCellValue() + "|" + new BigDecimal(String.valueOf(row.getCell(4)
                            .getNumericCellValue())).stripTrailingZeros().toPlainString() + "|"
                            + (int) row.getCell(5).getNumericCellValue() + "|" + row.getCell(6).getStringCellValue());
                }
            }
            assertThat(lines).containsExactly("Sở Thử SO_IDX_B|90|1|Xuất sắc", "Sở Thử SO_IDX_A|80|2|Tốt",
                    "Sở Thử SO_IDX_C|65|3|Khá");
        }
        byte[] docx = mvc.perform(get(BASE + "/results.docx").with(httpBasic("noivu", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            var table = doc.getTables().get(0);
            List<String> lines = new ArrayList<>();
            for (var row : table.getRows()) {
                if (row.getCell(1).getText().startsWith("Sở Thử SO_IDX_")) {
                    lines.add(row.getCell(1).getText() + "|" + row.getCell(4).getText() + "|" + row.getCell(5).getText());
                }
            }
            assertThat(lines).containsExactly("Sở Thử SO_IDX_B|90,0000|1", "Sở Thử SO_IDX_A|80,0000|2",
                    "Sở Thử SO_IDX_C|65,0000|3");
        }
        // the rank is the published year's only: another cycle of the body has none
        BodyScope.callAll(() -> jdbc.update("insert into cycle (body_id, year, baseline_year, status, title)"
                + " values (?, ?, ?, 'PLANNING', 'Năm khác') on conflict do nothing", a, YEAR - 1, YEAR - 2));
        Map<Integer, String> ranks = new HashMap<>();
        BodyScope.call(a, () -> catalog.cycleSummaries()).forEach(c -> ranks.put(c.year(), c.published()));
        assertThat(ranks.get(YEAR)).startsWith("2|");
        assertThat(ranks).containsKey(YEAR - 1);
        assertThat(ranks.get(YEAR - 1)).isNull();

        // the body's overview shows its published rank among every department ranked, with its band
        org.jsoup.nodes.Document dashboard = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                "/?body=SO_IDX_A&year=" + YEAR);
        assertThat(dashboard.getElementById("published-rank").text()).isEqualTo(messages.getMessage(
                "dashboard.publishedRankBand", new Object[] {2, published.size(), "Tốt"},
                java.util.Locale.forLanguageTag("vi")));
        // in place of the forecast: no line asks for the other bodies' totals any more
        assertThat(dashboard.getElementById("forecast-rank")).isNull();

        // the province's pages: the level's year at a glance, a body's card
        org.jsoup.nodes.Document overview = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                "/province/indexes/" + YEAR + "/" + LEVEL);
        assertThat(overview.getElementById("index-status").text()).isNotBlank();
        assertThat(overview.select("#result-SO_IDX_B td").first().text()).isEqualTo("1");
        assertThat(overview.select("#result-SO_IDX_A td[data-figure=index]").text()).isEqualTo("80,0000");
        assertThat(overview.select("#result-SO_IDX_C td").get(4).text()).isEqualTo("Khá");
        assertThat(overview.getElementById("index-data").data()).contains("Sở Thử SO_IDX_B");
        org.jsoup.nodes.Document cardPage = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                "/province/indexes/" + YEAR + "/" + LEVEL + "/bodies/SO_IDX_A");
        assertThat(cardPage.select("#card-figures dd[data-figure=rank]").text()).isEqualTo("2");
        assertThat(cardPage.getElementById("lost-1.2")).isNotNull();
        assertThat(cardPage.select("#trend-" + YEAR + " td").get(1).text()).isEqualTo("80,0000");
        assertThat(cardPage.getElementById("lost-1.1")).isNotNull();
        assertThat(cardPage.getElementById("lost-2.1")).isNotNull();
        assertThat(vn.parindex.support.SignedIn.page(mvc, users, "sonoivu", "/province/indexes")
                .getElementById("index-" + YEAR + "-" + LEVEL)).isNotNull();
        JsonNode readByABody = read(send(get(BASE + "/results"), "noivu", null).andExpect(status().isOk()));
        assertThat(byCode(readByABody).get("SO_IDX_B").get("rank").asInt()).isEqualTo(1);

        // the next year's ranking table of A: its peers' published indexes in place of typed totals (its own not
        // among them); a typed row of a body on the deployment gives way, one of a body outside it stays
        long next = BodyScope.callAll(() -> jdbc.queryForObject("insert into cycle (body_id, year, baseline_year,"
                + " status, title) values (?, ?, ?, 'PLANNING', 'Năm sau') returning id", Long.class, a, YEAR + 1,
                YEAR));
        BodyScope.callAll(() -> jdbc.update("insert into peer_district_score (body_id, cycle_id, district, total)"
                + " values (?, ?, 'sở thử so_idx_b', 12), (?, ?, 'Sở ngoài tỉnh', 70.5)", a, next, a, next));
        List<String> table = BodyScope.call(a, () -> ranking.peers(next)).stream()
                .map(p -> p.district() + "|" + p.total().stripTrailingZeros().toPlainString() + "|" + p.published())
                .toList();
        List<String> expected = new ArrayList<>();
        published.values().stream().filter(r -> !r.get("code").asString().equals("SO_IDX_A"))
                .sorted(java.util.Comparator.comparing((JsonNode r) -> r.get("index").decimalValue()).reversed()
                        .thenComparing(r -> r.get("name").asString()))
                .forEach(r -> expected.add(r.get("name").asString() + "|"
                        + r.get("index").decimalValue().stripTrailingZeros().toPlainString() + "|true"));
        int outside = (int) expected.stream().filter(l -> new BigDecimal(l.split("\\|")[1])
                .compareTo(new BigDecimal("70.5")) > 0).count();
        expected.add(outside, "Sở ngoài tỉnh|70.5|false");
        assertThat(table).containsExactlyElementsOf(expected);
        assertThat(table).contains("Sở Thử SO_IDX_B|90|true", "Sở Thử SO_IDX_C|65|true");
        // a published body is not typed in again
        vn.parindex.security.CurrentUser provinceAsAdmin = new vn.parindex.security.CurrentUser(1L, "noivu",
                "Phòng Nội vụ", "-", vn.parindex.security.Role.ADMIN, null, null, null, true, a);
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                provinceAsAdmin, "demo", "ROLE_ADMIN"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BodyScope.call(a, () -> {
                ranking.add(provinceAsAdmin, next, "SỞ THỬ SO_IDX_C", "50");
                return null;
            })).isInstanceOf(vn.parindex.system.ConflictException.class);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from peer_district_score"
                + " where cycle_id = ?", Integer.class, next))).isEqualTo(2);
        // the page: the published lines read-only, the typed one still Home Affairs' to correct
        org.jsoup.nodes.Document rankingPage = vn.parindex.support.SignedIn.page(mvc, users, "sonoivu",
                "/cycles/" + (YEAR + 1) + "/ranking?body=SO_IDX_A");
        assertThat(rankingPage.select("#peers tbody tr[data-published=true]")).hasSize(expected.size() - 1);
        assertThat(rankingPage.select("#peers tbody tr[data-published=true] form")).isEmpty();
        // the page as kept follows a write at once
        for (int i = 0; i < 2; i++) {
            assertThat(vn.parindex.support.SignedIn.page(mvc, users, "sonoivu", "/cycles/" + (YEAR + 1)
                    + "/ranking?body=SO_IDX_A").select("#peers tbody tr[data-published=false]")).hasSize(1);
        }
        mvc.perform(vn.parindex.support.SignedIn.form(users, "sonoivu", "/cycles/" + (YEAR + 1)
                + "/ranking?body=SO_IDX_A").param("district", "Sở ngoài tỉnh hai").param("total", "60"))
                .andExpect(status().isFound()).andExpect(org.springframework.test.web.servlet.result
                        .MockMvcResultMatchers.redirectedUrl("/cycles/" + (YEAR + 1) + "/ranking"));
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from peer_district_score"
                + " where cycle_id = ?", Integer.class, next))).isEqualTo(3);
        assertThat(vn.parindex.support.SignedIn.page(mvc, users, "sonoivu", "/cycles/" + (YEAR + 1)
                + "/ranking?body=SO_IDX_A").select("#peers tbody tr[data-published=false]")).hasSize(2);
    }

    @Test
    void aBodysOwnCycleOfTheYearIsKeptOnlyWhileNothingOfItIsAppraised() throws Exception {
        int year = 2033;
        String ward = "PH_IDX_GIU";
        if (bodies.byCode(ward).isEmpty()) {
            send(post("/api/v1/bodies"), "sonoivu", "{\"code\": \"" + ward + "\", \"name\": \"Phường Thử\","
                    + " \"level\": \"WARD\"}").andExpect(status().isCreated());
        }
        // the ward's own cycle of the year, of the same framework, with an appraisal the ward entered itself
        mvc.perform(multipart("/api/v1/imports").queryParam("body", ward)
                .file(new MockMultipartFile("file", "khung.csv", "text/csv", FRAMEWORK.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "framework").param("year", String.valueOf(year)).param("dryRun", "false")
                .with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk());
        long id = bodies.byCode(ward).orElseThrow().id();
        BodyScope.callAll(() -> jdbc.update("update criterion set appraised_score = 20 where body_id = ? and code = '1.1'"
                + " and cycle_id in (select id from cycle where year = ?)", id, year));
        mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "khung.csv", "text/csv", FRAMEWORK.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "framework").param("year", String.valueOf(year)).param("level", "WARD")
                .param("dryRun", "false").with(httpBasic("sonoivu", "demo"))).andExpect(status().isOk());
        String open = "{\"year\": " + year + ", \"level\": \"WARD\"}";
        long cycles = BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from cycle", Long.class));
        JsonNode refused = read(send(post("/api/v1/indexes"), "sonoivu", open).andExpect(status().isConflict()));
        assertThat(refused.toString()).contains(ward);
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select count(*) from cycle", Long.class)))
                .isEqualTo(cycles);
        // without the appraisal the ward's cycle becomes the index's, the same cycle
        long own = BodyScope.callAll(() -> jdbc.queryForObject("select id from cycle where body_id = ? and year = ?",
                Long.class, id, year));
        BodyScope.callAll(() -> jdbc.update("update criterion set appraised_score = null where body_id = ?"
                + " and cycle_id = ?", id, own));
        JsonNode opened = read(send(post("/api/v1/indexes"), "sonoivu", open).andExpect(status().isCreated()));
        assertThat(opened.get("carriedOver").toString()).contains(ward);
        assertThat(opened.get("created").toString()).doesNotContain(ward);
        assertThat(BodyScope.callAll(() -> jdbc.queryForObject("select cycle_id from index_body where"
                + " assessed_body_id = ?", Long.class, id))).isEqualTo(own);
    }

    @Test
    void unknownLevelsAndYearsAreNotFoundAndBadSettingsSayWhich() throws Exception {
        send(get("/api/v1/indexes/2031/PROVINCE/results"), "sonoivu", null).andExpect(status().isNotFound());
        send(get("/api/v1/indexes/1999/COMMUNE"), "sonoivu", null).andExpect(status().isNotFound());
        send(post("/api/v1/indexes"), "sonoivu", "{\"level\": \"COMMUNE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        send(post("/api/v1/indexes"), "sonoivu", "{\"year\": 2031, \"level\": \"TOWN\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("level"));
        send(post("/api/v1/indexes"), "sonoivu", "{\"year\": 2031, \"level\": \"DEPARTMENT\","
                + " \"tieBreak\": \"LOTTERY\"}").andExpect(status().is4xxClientError());
    }

    private static Map<String, JsonNode> byCode(JsonNode results) {
        Map<String, JsonNode> rows = new HashMap<>();
        results.get("bodies").forEach(row -> rows.put(row.get("code").asString(), row));
        return rows;
    }
}
