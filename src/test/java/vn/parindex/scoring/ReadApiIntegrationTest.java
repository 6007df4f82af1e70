package vn.parindex.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.PublishedPlan;

/** The read API serves the Tân Yên plan exactly as published. */
@IntegrationTest
class ReadApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url).with(httpBasic("lanhdao", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNull() ? null : node.decimalValue();
    }

    @Test
    void listsTheCycles() throws Exception {
        mvc.perform(get("/api/v1/cycles").with(httpBasic("tuphap", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2023))
                .andExpect(jsonPath("$[0].baselineYear").value(2022))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"));
    }

    @Test
    void everyCriterionHasExactlyThePublishedFigures() throws Exception {
        JsonNode criteria = getJson("/api/v1/cycles/2023/criteria");
        List<PublishedPlan.Row> published = PublishedPlan.rows().stream().filter(r -> !r.code().equals("TOTAL"))
                .toList();
        assertThat(criteria.size()).isEqualTo(published.size()).isEqualTo(48);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        criteria.forEach(node -> byCode.put(node.get("code").asString(), node));
        assertThat(byCode.values().stream().filter(n -> n.get("level").asInt() == 1)).hasSize(7);
        assertThat(byCode.values().stream().filter(n -> n.get("level").asInt() == 2)).hasSize(41);
        for (PublishedPlan.Row row : published) {
            JsonNode node = byCode.get(row.code());
            assertThat(node).as(row.code()).isNotNull();
            assertThat(node.get("name").asString()).isEqualTo(row.name());
            assertThat(decimal(node.get("maxScore"))).as(row.code() + " max").isEqualByComparingTo(row.max());
            assertThat(decimal(node.get("baselineScore"))).as(row.code() + " 2022").isEqualByComparingTo(row.baseline());
            assertThat(decimal(node.get("targetScore"))).as(row.code() + " 2023").isEqualByComparingTo(row.target());
            assertThat(node.get("targetGainRounded").asInt()).as(row.code() + " change").isEqualTo(row.printedChange());
            assertThat(decimal(node.get("targetGain"))).isEqualByComparingTo(row.target().subtract(row.baseline()));
            assertThat(node.get("currentScore").isNull()).isTrue();
            assertThat(node.get("parentCode").isNull()).isEqualTo(row.isDomain());
            assertThat(node.get("scoringMethod").asString())
                    .isEqualTo(row.lead().equals("Điểm điều tra XHH") ? "SURVEY" : "SELF_ASSESSMENT");
            assertThat(node.get("leadUnits").size()).as(row.code() + " lead").isPositive();
            assertThat(node.get("version").isNumber()).isTrue();
        }
    }

    @Test
    void criteriaComeParentsFirstInNaturalOrderWithLeadUnitsAsThePlanAssigns() throws Exception {
        JsonNode criteria = getJson("/api/v1/cycles/2023/criteria");
        List<String> codes = new ArrayList<>();
        criteria.forEach(n -> codes.add(n.get("code").asString()));
        assertThat(codes.indexOf("6.9")).isLessThan(codes.indexOf("6.10"));
        assertThat(codes.indexOf("6")).isLessThan(codes.indexOf("6.1"));
        assertThat(codes.indexOf("6.10")).isLessThan(codes.indexOf("7"));
        Map<String, List<String>> leads = new LinkedHashMap<>();
        criteria.forEach(n -> {
            List<String> units = new ArrayList<>();
            n.get("leadUnits").forEach(u -> units.add(u.get("code").asString()));
            leads.put(n.get("code").asString(), units);
        });
        assertThat(leads.get("1.4")).containsExactly("VHTT");
        assertThat(leads.get("1.6")).containsExactly("VANPHONG");
        assertThat(leads.get("2.2")).containsExactly("TUPHAP"); // inherited from domain 2
        assertThat(leads.get("2.4")).containsExactly("TUPHAP"); // survey-scored, the domain's unit answers for it
        assertThat(leads.get("6")).containsExactly("TCKH", "THANHTRA");
        assertThat(leads.get("6.4")).containsExactly("TCKH", "THANHTRA");
        assertThat(leads.get("7")).containsExactly("VHTT", "NOIVU", "VANPHONG");
        assertThat(leads.get("7.4")).containsExactly("NOIVU");
        JsonNode node22 = criteria.get(codes.indexOf("2.2"));
        assertThat(node22.get("leadUnitsInherited").asBoolean()).isTrue();
        List<String> helpers = new ArrayList<>();
        node22.get("coordinatingUnits").forEach(u -> helpers.add(u.get("code").asString()));
        assertThat(helpers).contains("VANPHONG", "NOIVU").doesNotContain("TUPHAP");
    }

    @Test
    void summaryKeepsThePublishedTotalAndListsEveryDisagreement() throws Exception {
        JsonNode summary = getJson("/api/v1/cycles/2023/summary");
        List<PublishedPlan.Row> rows = PublishedPlan.rows();
        PublishedPlan.Row total = rows.get(rows.size() - 1);
        assertThat(decimal(summary.get("maxScore"))).isEqualByComparingTo("100").isEqualByComparingTo(total.max());
        assertThat(decimal(summary.get("baselineScore"))).isEqualByComparingTo("84.0256");
        assertThat(decimal(summary.get("targetScore"))).isEqualByComparingTo("92");
        assertThat(summary.get("targetGainRounded").asInt()).isEqualTo(total.printedChange());
        assertThat(summary.get("currentScore").isNull()).isTrue();
        assertThat(summary.get("criteriaCount").asInt()).isEqualTo(41);
        assertThat(summary.get("domains").size()).isEqualTo(7);
        JsonNode domain1 = summary.get("domains").get(0);
        assertThat(domain1.get("code").asString()).isEqualTo("1");
        assertThat(decimal(domain1.get("baselinePercent"))).isEqualByComparingTo("68.87");
        assertThat(decimal(domain1.get("targetPercent"))).isEqualByComparingTo("87.50");
        for (JsonNode domain : summary.get("domains")) {
            PublishedPlan.Row row = rows.stream().filter(r -> r.code().equals(domain.get("code").asString()))
                    .findFirst().orElseThrow();
            assertThat(decimal(domain.get("baselineScore"))).isEqualByComparingTo(row.baseline());
            assertThat(decimal(domain.get("targetScore"))).isEqualByComparingTo(row.target());
            assertThat(decimal(domain.get("maxScore"))).isEqualByComparingTo(row.max());
        }

        // every difference between a recorded parent figure and its parts, computed here from the CSV alone
        List<String> expected = new ArrayList<>();
        BigDecimal[] domainSums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (PublishedPlan.Row domain : rows.stream().filter(PublishedPlan.Row::isDomain).toList()) {
            List<PublishedPlan.Row> parts = rows.stream()
                    .filter(r -> !r.isDomain() && !r.code().equals("TOTAL") && r.domain().equals(domain.code()))
                    .toList();
            addIfDifferent(expected, domain.code(), "maxScore", domain.max(),
                    parts.stream().map(PublishedPlan.Row::max).reduce(BigDecimal.ZERO, BigDecimal::add));
            addIfDifferent(expected, domain.code(), "baselineScore", domain.baseline(),
                    parts.stream().map(PublishedPlan.Row::baseline).reduce(BigDecimal.ZERO, BigDecimal::add));
            addIfDifferent(expected, domain.code(), "targetScore", domain.target(),
                    parts.stream().map(PublishedPlan.Row::target).reduce(BigDecimal.ZERO, BigDecimal::add));
            domainSums[0] = domainSums[0].add(domain.max());
            domainSums[1] = domainSums[1].add(domain.baseline());
            domainSums[2] = domainSums[2].add(domain.target());
        }
        addIfDifferent(expected, "TOTAL", "maxScore", total.max(), domainSums[0]);
        addIfDifferent(expected, "TOTAL", "baselineScore", total.baseline(), domainSums[1]);
        addIfDifferent(expected, "TOTAL", "targetScore", total.target(), domainSums[2]);

        List<String> reported = new ArrayList<>();
        summary.get("discrepancies").forEach(d -> reported.add(d.get("code").asString() + " "
                + d.get("field").asString() + " " + decimal(d.get("recorded")).stripTrailingZeros().toPlainString()
                + " " + decimal(d.get("sumOfParts")).stripTrailingZeros().toPlainString()));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
        assertThat(reported).contains("3 baselineScore 26.3604 26.4038");
    }

    private static void addIfDifferent(List<String> out, String code, String field, BigDecimal recorded,
            BigDecimal parts) {
        if (recorded.compareTo(parts) != 0) {
            out.add(code + " " + field + " " + recorded.stripTrailingZeros().toPlainString() + " "
                    + parts.stripTrailingZeros().toPlainString());
        }
    }

    @Test
    void criteriaComeAPageAtATimeWithTheTotalAndLinksToTheOtherPages() throws Exception {
        JsonNode all = getJson("/api/v1/cycles/2023/criteria");
        List<String> codes = new ArrayList<>();
        all.forEach(n -> codes.add(n.get("code").asString()));
        assertThat(codes).hasSize(48); // fewer than a page: the whole list, as before paging

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            var response = mvc.perform(get("/api/v1/cycles/2023/criteria").param("page", "" + page).param("size", "10")
                    .with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getHeader("X-Total-Count")).isEqualTo("48");
            assertThat(response.getHeader("Link")).contains("page=5&size=10>; rel=\"last\"");
            assertThat(response.getHeader("Link").contains("rel=\"next\"")).as("page " + page).isEqualTo(page < 5);
            json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .forEach(n -> paged.add(n.get("code").asString()));
        }
        assertThat(paged).as("the pages together are the whole list, in order").isEqualTo(codes);
        assertThat(getJson("/api/v1/cycles/2023/criteria?page=6&size=10")).isEmpty();
    }

    @Test
    void aBadPageOrSizeIs400NamingTheParameter() throws Exception {
        for (String query : List.of("page=0", "page=-1", "size=0", "size=501", "size=-3")) {
            String field = query.substring(0, query.indexOf('='));
            mvc.perform(get("/api/v1/cycles/2023/criteria?" + query).with(httpBasic("lanhdao", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(field))
                    .andExpect(jsonPath("$.errors[0].message").value(field.equals("page")
                            ? "Số trang phải là số nguyên từ 1 trở lên." : "Số mục mỗi trang phải từ 1 đến 500."));
        }
        for (String query : List.of("page=abc", "size=1e3", "page=99999999999")) {
            mvc.perform(get("/api/v1/cycles/2023/criteria?" + query).with(httpBasic("lanhdao", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.status").value(400));
        }
    }

    @Test
    void withoutCredentialsOrWithWrongOnesTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/cycles"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/cycles/2023/summary").with(httpBasic("lanhdao", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/cycles/2023/criteria").with(httpBasic("nobody", "demo")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unknownYearIs404WithAJsonBody() throws Exception {
        for (String url : List.of("/api/v1/cycles/2030/criteria", "/api/v1/cycles/2030/summary")) {
            mvc.perform(get(url).with(httpBasic("noivu", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail").value("Không có kỳ đánh giá năm 2030"));
        }
        mvc.perform(get("/api/v1/cycles/abc/summary").with(httpBasic("noivu", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }
}
