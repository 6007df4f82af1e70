package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Problem documents written by hand (filters, security, Tomcat's valve): valid JSON whatever the text (no Spring). */
class ApiProblemsTextTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDocumentIsJsonWithTheRfc9457Members() {
        JsonNode problem = json.readTree(ApiProblems.document(404, "Không tìm thấy", "Không có chu kỳ 2031."));
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isEqualTo("Không tìm thấy");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asString()).isEqualTo("Không có chu kỳ 2031.");
    }

    @Test
    void anyTextSurvivesTheRoundTrip() {
        String[] texts = {"\"quoted\"", "back\\slash", "line\nbreak\r\n", "tab\there", "<script>alert(1)</script>",
                "a & b", "\u0000\u0001\u001f", "Tiếng Việt có dấu: ạảãàáâậầấẩẫăắằặẳẵ", "emoji 😀", "", "}{\"x\":1}"};
        for (String text : texts) {
            JsonNode problem = json.readTree(ApiProblems.document(400, text, text));
            assertThat(problem.path("title").asString()).isEqualTo(text);
            assertThat(problem.path("detail").asString()).isEqualTo(text);
        }
    }

    @Test
    void markupCharactersAreEscapedSoNoBrowserSeesHtml() {
        String quoted = ApiProblems.quote("<img src=x onerror=alert(1)>&");
        assertThat(quoted).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(quoted).isEqualTo("\"\\u003cimg src=x onerror=alert(1)\\u003e\\u0026\"");
        assertThat(ApiProblems.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(ApiProblems.quote("\u0007")).isEqualTo("\"\\u0007\"");
    }

    @ParameterizedTest(name = "{0} (context {1}) → API {2}")
    @CsvSource(nullValues = "-", value = {"/api/v1/cycles, '', true", "/api, '', true", "/api/, '', true",
            "/apidocs, '', false", "/v3/api-docs, '', false", "/, '', false", "/cycles/2023/criteria/1, '', false",
            "/par/api/v1/cycles, /par, true", "/api/v1/cycles, /par, false", "/par/apix, /par, false"})
    void whatCountsAsAnApiRequest(String uri, String context, boolean api) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(context);
        assertThat(ApiProblems.isApi(request)).isEqualTo(api);
    }

    @Test
    void aRequestWithoutUriIsNoApiRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRequestURI(null);
        assertThat(ApiProblems.isApi(request)).isFalse();
    }
}
