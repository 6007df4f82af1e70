package vn.parindex.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.audit.Actor;
import vn.parindex.system.BodyScope;

/** The deployment's bodies: the province sees and adds them; a body's people see their own. */
@RestController
@RequestMapping("/api/v1/bodies")
@Tag(name = "Bodies", description = "The bodies that keep an index on this deployment (đơn vị được đánh giá): "
        + "communes, wards, special zones, departments and, until 2025, districts")
class BodyApiController {

    /** A body in the API. */
    record BodyJson(String code, String name, BodyLevel level) {
        static BodyJson of(BodyRef body) {
            return new BodyJson(body.code(), body.name(), body.level());
        }
    }

    /** A new body. */
    record NewBodyRequest(
            @Schema(description = "Capitals, digits, '_' or '-', at most 32 (an administrative code or a short "
                    + "name); unused by any other body") String code,
            @Schema(description = "The place's name without its level (\"Tân Yên\"), a department's full name "
                    + "(\"Sở Tư pháp\"); at most 200 characters") String name,
            @Schema(allowableValues = {"COMMUNE", "WARD", "SPECIAL_ZONE", "DEPARTMENT", "DISTRICT"}) String level) {
    }

    private final Bodies bodies;

    BodyApiController(Bodies bodies) {
        this.bodies = bodies;
    }

    @Operation(summary = "The bodies", description = "Every body for the province's accounts; a body's people get "
            + "their own body only.")
    @GetMapping
    List<BodyJson> list() {
        Long own = BodyScope.body();
        return bodies.all().stream()
                .filter(body -> BodyScope.current().all() || own != null && own == body.id())
                .map(BodyJson::of).toList();
    }

    @Operation(summary = "Add a body (the province's Home Affairs)", description = "400 with the fields' problems "
            + "for a code, name or level that cannot be; 409 for a code another body has.")
    @ApiResponse(responseCode = "201", description = "The new body",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BodyJson.class)))
    @ApiResponse(responseCode = "400", description = "A code that cannot be a body's, no name or a name over 200 "
            + "characters, or a level that is none of the five (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs adds a body")
    @ApiResponse(responseCode = "409", description = "Another body has that code (in any case)")
    @PostMapping
    ResponseEntity<BodyJson> create(@AuthenticationPrincipal(expression = "actor()") Actor actor,
            @RequestBody NewBodyRequest request) {
        BodyRef body = bodies.create(actor, request.code(), request.name(), request.level());
        return ResponseEntity.created(URI.create("/api/v1/bodies/" + body.code())).body(BodyJson.of(body));
    }
}
