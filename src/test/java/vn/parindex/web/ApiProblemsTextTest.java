package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents written where no controller is involved (filters, security): a {@link ProblemDetail} as Jackson
 * writes it, valid JSON with the RFC 9457 members whatever the text (no Spring context).
 */
class ApiProblemsTextTest {

    final ObjectMapper json = new ObjectMapper();

    final StaticMessageSource messages = new StaticMessageSource();

    final ApiProblems problems = new ApiProblems(messages, JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build());

    JsonNode written(String title, String detail) throws Exception {
        messages.addMessage("t", Locale.ENGLISH, title);
        messages.addMessage("d", Locale.ENGLISH, detail);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cycles/2031");
        request.addHeader("Accept-Language", "en");
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.write(request, response, 404, "t", "d");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Content-Language")).isEqualTo("en");
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentIsJsonWithTheRfc9457Members() throws Exception {
        JsonNode problem = written("Không tìm thấy", "Không có chu kỳ 2031.");
        // RFC 9457: a document without "type" is of type about:blank (Jackson leaves the default out, as Spring MVC does)
        assertThat(problem.path("type").asString("about:blank")).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).isEqualTo("Không tìm thấy");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asString()).isEqualTo("Không có chu kỳ 2031.");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/cycles/2031");
        assertThat(problem.has("properties")).isFalse();
    }

    @Test
    void anyTextSurvivesTheRoundTrip() throws Exception {
        String[] texts = {"\"quoted\"", "back\\slash", "line\nbreak\r\n", "tab\there", "<script>alert(1)</script>",
                "a & b", "\u0000\u0001\u001f", "Tiếng Việt có dấu: ạảãàáâậầấẩẫăắằặẳẵ", "emoji 😀", "}{\"x\":1}"};
        for (String text : texts) {
            JsonNode problem = written(text, text);
            assertThat(problem.path("title").asString()).isEqualTo(text);
            assertThat(problem.path("detail").asString()).isEqualTo(text);
        }
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
