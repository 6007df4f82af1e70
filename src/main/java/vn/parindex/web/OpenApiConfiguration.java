package vn.parindex.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The JSON API described as OpenAPI 3 ({@code /v3/api-docs}, with the Swagger UI from its webjar at
 * {@code /swagger-ui}), for signed-in users like any page. springdoc reads the controllers under {@code /api/v1}
 * (their {@code @Tag}, {@code @Operation} and {@code @ApiResponse}); this class adds what every endpoint shares: HTTP
 * Basic, the problem document, and the error answers that filters and the security chain give before a controller
 * runs (see {@link #errorAnswers}). Settings: {@code openapi.properties}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:openapi.properties")
public class OpenApiConfiguration {

    /** The security scheme's name in the document. */
    public static final String BASIC = "basic";
    /** The problem document's schema name. */
    public static final String PROBLEM = "Problem";
    /** The content type of every error answer. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    OpenAPI parIndexOpenApi() {
        return new OpenAPI()
                .info(new Info().title("PAR Index Tracker API").version("v1").description("""
                        The district's PAR Index plan as JSON: cycles, criteria with their scores, the summary and \
                        the dashboard figures (read), self-assessments, evidence, Home Affairs' review and direct \
                        score corrections (write), and the backup. HTTP Basic with the application's own accounts; \
                        the same rules as the pages. Errors are RFC 9457 problem documents in the language of \
                        Accept-Language (Vietnamese unless English is preferred). Writes carrying another site's \
                        Origin or Sec-Fetch-Site: cross-site are refused (403)."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The application's accounts (user name and password)"))
)
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** RFC 9457, with this API's extensions: {@code errors} (400) and {@code currentVersion} (409 on a stale version). */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the JSON property or form part in error"))
                .addProperty("message", new StringSchema().description("what is wrong, in the caller's language"));
        return new ObjectSchema().description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("400: one entry per field in error"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("409 on a stale version: the record's current version"));
    }

    /** Adds the shared error answers to every operation and makes every error answer a problem document. */
    @Bean
    OpenApiCustomizer parIndexErrorAnswers() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            // here, not only in the OpenAPI bean: springdoc keeps only the schemas its scan of the controllers uses
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                operation.setResponses(responses);
                errorAnswers(path, method, operation).forEach(responses::putIfAbsent);
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        asProblem(code, response);
                    }
                });
            }));
        };
    }

    /**
     * The error answers an operation can give whatever its controller says: 401 (no or wrong credentials), 429
     * (sign-ins from this client are being delayed, or too many passwords are being checked at once, with
     * {@code Retry-After}) and 503 (the database cannot be reached) for every request; 400 and 404 when the path
     * names something (an unknown year, code or id; a year that is not a number); 403 (another site's write),
     * 413 (a body over the limit) and 415 (another content type) for writes.
     */
    static Map<String, ApiResponse> errorAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        boolean write = WRITES.contains(method);
        boolean names = path.contains("{");
        if (names || write) {
            answers.put("400", answer(write ? "Invalid input: errors[] names each field" : "A path value of the wrong type"));
        }
        answers.put("401", answer("No valid credentials (no Basic challenge is sent to browsers)"));
        if (write) {
            answers.put("403", answer("Not allowed for this account's role or unit, or a write from another site"));
        }
        if (names) {
            answers.put("404", answer("No such cycle, criterion or assessment"));
        }
        if (write) {
            answers.put("413", answer("The body is larger than allowed (JSON: 1 MB; evidence: the file size limit)"));
            answers.put("415", answer("A content type this operation does not accept"));
        }
        answers.put("429", answer("Sign-ins from this client are being delayed, or the server is busy checking "
                + "passwords: try again after Retry-After seconds"));
        answers.put("503", answer("The database cannot be reached for the moment: try again after Retry-After seconds"));
        return answers;
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description);
    }

    private static void asProblem(String code, ApiResponse response) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (code.equals("429") || code.equals("503")) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
                response.addHeaderObject("Retry-After", new Header().description("seconds to wait")
                        .schema(new IntegerSchema()));
            }
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription("Problem document");
        }
    }
}
