package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.IntegrationTest;

/**
 * The API description at {@code /v3/api-docs} covers every {@code /api/v1} mapping the application really has
 * (read from Spring MVC's handler mapping, so an endpoint added without being described fails here), each with the
 * error answers it can give as problem documents; the Swagger UI is served from the application itself, for
 * signed-in users only, and refers to no other host.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    /**
     * An absolute URL naming a host with a domain (the app's own address, here {@code localhost}, may appear: the
     * OAuth redirect setting is built from the request): the UI and its settings must not name one.
     */
    static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(?:https?:)?//([a-z0-9-]+\\.)+[a-z]{2,}[:/\"']");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AppUserRepository users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document;

    @BeforeAll
    void readTheDocument() throws Exception {
        String text = body(mvc.perform(get("/v3/api-docs").with(page("lanhdao")))
                .andExpect(status().isOk()).andReturn().getResponse());
        // kept for reading: target/openapi.json
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), text);
        document = json.readTree(text);
    }

    RequestPostProcessor page(String username) {
        return user(users.findByUsernameWithUnit(username).map(u -> new CurrentUser(u.getId(), u.getUsername(),
                u.getDisplayName(), u.getPasswordHash(), u.getRole(), u.getUnit() == null ? null : u.getUnit().getId(),
                u.getUnit() == null ? null : u.getUnit().getCode(), u.getUnit() == null ? null : u.getUnit().getName(),
                u.isEnabled())).orElseThrow());
    }

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** One operation the application serves: a method and a path template as the document writes it. */
    record Mapping(String method, String path) implements Comparable<Mapping> {

        boolean write() {
            return !method.equals("get");
        }

        boolean namesSomething() {
            return path.contains("{");
        }

        @Override
        public int compareTo(Mapping other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    /** Every (method, path) under /api/v1 that Spring MVC routes to a controller. */
    Set<Mapping> apiMappings() {
        Set<Mapping> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("every API mapping names its HTTP method: %s", pattern).isNotEmpty();
                methods.forEach(m -> found.add(new Mapping(m.name().toLowerCase(Locale.ROOT), pattern)));
            }
        }
        return found;
    }

    @Test
    void theHandlerMappingHasTheWholeApi() {
        // a floor, not the list: the list itself comes from the handler mapping
        assertThat(apiMappings()).hasSizeGreaterThanOrEqualTo(13)
                .contains(new Mapping("get", "/api/v1/cycles"), new Mapping("patch", "/api/v1/cycles/{year}/criteria/{code}"),
                        new Mapping("post", "/api/v1/assessments/{id}/approve"), new Mapping("get", "/api/v1/backup"));
    }

    @Test
    void everyApiMappingIsDescribedWithItsErrorAnswers() {
        List<String> problems = new ArrayList<>();
        for (Mapping mapping : apiMappings()) {
            JsonNode operation = document.path("paths").path(mapping.path()).path(mapping.method());
            if (operation.isMissingNode()) {
                problems.add(mapping + ": not described");
                continue;
            }
            if (operation.path("summary").asString("").isBlank()) {
                problems.add(mapping + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                problems.add(mapping + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("401", "429", "503"));
            if (mapping.write()) {
                expected.addAll(List.of("400", "403", "413"));
            }
            if (mapping.namesSomething()) {
                expected.addAll(List.of("400", "404"));
            }
            if (mapping.path().equals("/api/v1/backup")) {
                expected.add("403"); // Home Affairs only
            }
            for (String code : expected) {
                JsonNode answer = responses.path(code);
                if (answer.isMissingNode()) {
                    problems.add(mapping + ": no " + code);
                } else if (!answer.path("content").path("application/problem+json").path("schema").path("$ref")
                        .asString("").equals("#/components/schemas/Problem")) {
                    problems.add(mapping + ": " + code + " is not a problem document");
                }
            }
            boolean success = false;
            for (var name : responses.propertyNames()) {
                success |= name.startsWith("2");
            }
            if (!success) {
                problems.add(mapping + ": no success answer");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void nothingOutsideTheApiIsDescribed() {
        Set<Mapping> served = apiMappings();
        List<String> extra = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!served.contains(new Mapping(op.getKey(), path.getKey()))) {
                extra.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(extra).as("described but not served (pages, or a stale description)").isEmpty();
    }

    @Test
    void everyOperationNeedsHttpBasic() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("basic");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("basic");
        assertThat(document.path("security").get(0).has("basic")).isTrue();
        JsonNode problem = document.path("components").path("schemas").path("Problem").path("properties");
        assertThat(problem.has("status")).isTrue();
        assertThat(problem.has("errors")).isTrue();
        assertThat(problem.has("currentVersion")).isTrue();
    }

    @Test
    void writesDescribeTheirBodiesAndSpecificAnswers() {
        JsonNode paths = document.path("paths");
        JsonNode submit = paths.path("/api/v1/cycles/{year}/criteria/{code}/assessments").path("post");
        JsonNode submitBody = resolve(submit.path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(submitBody.path("properties").has("score")).isTrue();
        assertThat(submitBody.path("properties").has("comment")).isTrue();
        assertThat(submit.path("responses").has("201")).isTrue();
        assertThat(submit.path("responses").path("409").path("description").asString()).contains("awaiting review");

        JsonNode patch = paths.path("/api/v1/cycles/{year}/criteria/{code}").path("patch");
        JsonNode patchBody = resolve(patch.path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(patchBody.path("properties").propertyNames()).contains("baselineScore", "targetScore",
                "currentScore", "comment", "version");
        assertThat(patch.path("responses").path("409").path("description").asString()).contains("stale");

        JsonNode upload = paths.path("/api/v1/cycles/{year}/criteria/{code}/evidence").path("post");
        JsonNode file = upload.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties").path("file");
        assertThat(file.path("format").asString()).isEqualTo("binary");
        JsonNode uploadParts = upload.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties");
        assertThat(uploadParts.propertyNames()).contains("documentNumber", "issuedOn", "summary");
        assertThat(uploadParts.path("issuedOn").path("format").asString()).isEqualTo("date");
        JsonNode evidenceInfo = document.path("components").path("schemas").path("EvidenceInfo").path("properties");
        assertThat(evidenceInfo.propertyNames()).contains("documentNumber", "issuedOn", "summary");
        assertThat(evidenceInfo.path("issuedOn").path("description").asString()).contains("ngày ban hành");
        JsonNode method = paths.path("/api/v1/cycles/{year}/criteria/{code}/scoring-method").path("put");
        assertThat(resolve(method.path("requestBody").path("content").path("application/json").path("schema"))
                .path("properties").propertyNames()).contains("scoringMethod", "version");
        assertThat(method.path("responses").path("409").path("description").asString()).contains("awaits review");
        assertThat(upload.path("parameters").toString()).doesNotContain("HttpServletRequest");

        JsonNode approve = paths.path("/api/v1/assessments/{id}/approve").path("post");
        assertThat(resolve(approve.path("requestBody").path("content").path("application/json").path("schema"))
                .path("properties").propertyNames()).contains("comment", "version");
        // the signed-in user is not a parameter anyone sends
        assertThat(submit.path("parameters").toString()).doesNotContain("user").doesNotContain("CurrentUser");

        JsonNode backup = paths.path("/api/v1/backup").path("get");
        assertThat(backup.path("responses").path("200").path("content").has("application/zip")).isTrue();
        assertThat(backup.path("responses").path("429").path("headers").has("Retry-After")).isTrue();
        // reads change nothing, so no 403/413 is promised for them
        JsonNode cycles = paths.path("/api/v1/cycles").path("get");
        assertThat(cycles.path("responses").has("403")).isFalse();
        assertThat(cycles.path("responses").has("404")).isFalse();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema
                : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"noivu", "tuphap", "lanhdao"})
    void everySignedInRoleReadsTheDescriptionAndTheUi(String username) throws Exception {
        mvc.perform(get("/v3/api-docs").with(page(username))).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html").with(page(username))).andExpect(status().isOk());
    }

    @Test
    void anonymousIsSentToTheLoginFormAndAnApiCredentialIsNotASession() throws Exception {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui", "/swagger-ui/index.html",
                "/swagger-ui/swagger-initializer.js")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(path).endsWith("/login");
        }
        // the description is behind the page login, like the pages: HTTP Basic does not open it
        MockHttpServletResponse basic = mvc.perform(get("/v3/api-docs").with(httpBasic("lanhdao", "demo")))
                .andReturn().getResponse();
        assertThat(basic.getStatus()).isEqualTo(302);
    }

    @Test
    void theUiComesFromTheApplicationAndNamesNoOtherHost() throws Exception {
        MockHttpServletResponse welcome = mvc.perform(get("/swagger-ui").with(page("lanhdao"))).andReturn().getResponse();
        assertThat(welcome.getStatus()).isEqualTo(302);
        assertThat(welcome.getRedirectedUrl()).isEqualTo("/swagger-ui/index.html");

        String index = body(mvc.perform(get("/swagger-ui/index.html").with(page("lanhdao")))
                .andExpect(status().isOk()).andReturn().getResponse());
        List<String> references = new ArrayList<>();
        Matcher ref = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(index);
        while (ref.find()) {
            references.add(ref.group(1));
        }
        assertThat(references).contains("./swagger-ui-bundle.js", "./swagger-initializer.js", "./swagger-ui.css");
        for (String reference : references) {
            assertThat(reference).as("served by the app").doesNotContain("//");
            MockHttpServletResponse asset = mvc.perform(get("/swagger-ui/" + reference.replaceFirst("^\\./", ""))
                    .with(page("lanhdao"))).andReturn().getResponse();
            assertThat(asset.getStatus()).as(reference).isEqualTo(200);
            assertThat(asset.getContentAsByteArray()).as(reference).isNotEmpty();
        }

        String initializer = body(mvc.perform(get("/swagger-ui/swagger-initializer.js").with(page("lanhdao")))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(initializer).contains("/v3/api-docs/swagger-config").doesNotContain("petstore");
        String config = body(mvc.perform(get("/v3/api-docs/swagger-config").with(page("lanhdao")))
                .andExpect(status().isOk()).andReturn().getResponse());
        JsonNode settings = json.readTree(config);
        assertThat(settings.path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(settings.path("validatorUrl").asString()).isEqualTo("none");
        for (String text : List.of(index, initializer, config)) {
            assertThat(ABSOLUTE_URL.matcher(text).find()).as("an absolute URL in %s", text).isFalse();
        }
    }

    @Test
    void theUrlCheckCatchesAnExternalHost() {
        // the check above can fail: it finds what a CDN reference or the default petstore would look like
        assertThat(ABSOLUTE_URL.matcher("url: \"https://petstore.swagger.io/v2/swagger.json\"").find()).isTrue();
        assertThat(ABSOLUTE_URL.matcher("<script src=\"//unpkg.com/swagger-ui-dist/x.js\">").find()).isTrue();
        assertThat(ABSOLUTE_URL.matcher("{\"validatorUrl\":\"https://validator.swagger.io/validator\"}").find())
                .isTrue();
        assertThat(ABSOLUTE_URL.matcher("<script src=\"./swagger-ui-bundle.js\">").find()).isFalse();
        assertThat(ABSOLUTE_URL.matcher("{\"url\":\"/v3/api-docs\"}").find()).isFalse();
        assertThat(ABSOLUTE_URL.matcher("{\"oauth2RedirectUrl\":\"http://localhost/swagger-ui/x.html\"}").find())
                .isFalse();
    }
}
