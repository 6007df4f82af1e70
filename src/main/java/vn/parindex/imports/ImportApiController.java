package vn.parindex.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.InvalidInputException;

/** Import a table: a framework as a new cycle, a cycle's figures, or the province's appraisal; a dry run first. */
@RestController
@Tag(name = "Imports", description = "Tables in (.xlsx or CSV) with a preview: nothing is written on a dry run, "
        + "nor when any row has a problem")
class ImportApiController {

    private final ImportService imports;
    private final MessageSource messages;

    ImportApiController(ImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @Operation(summary = "Import a table (Home Affairs)", description = "Multipart: `file` (.xlsx, its first "
            + "sheet, or UTF-8 CSV; at most 5 MB; the columns of the shared CSV or of the appendix export, headers "
            + "in Vietnamese or English), `year`, `kind` = framework | scores | appraisal, `dryRun` = true | false "
            + "(default true). framework creates the cycle of `year`; scores updates a cycle's baseline, target and "
            + "current scores; appraisal records the province's appraised scores and reasons. The answer lists what "
            + "was (or would be) created and changed, old → new, and where a published parent disagrees with its "
            + "parts. Any problem: 422 with every problem by row and column, and nothing written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schemaProperties = {
                    @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary")),
                    @SchemaProperty(name = "year", schema = @Schema(type = "integer")),
                    @SchemaProperty(name = "kind", schema = @Schema(type = "string",
                            allowableValues = {"framework", "scores", "appraisal"})),
                    @SchemaProperty(name = "dryRun", schema = @Schema(type = "boolean"))}))
    @ApiResponse(responseCode = "200", description = "What was (or, on a dry run, would be) imported",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ImportService.Result.class)))
    @ApiResponse(responseCode = "400", description = "No file, no year, or an unknown kind (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs imports")
    @ApiResponse(responseCode = "422", description = "The table has problems (problems[]: row, column, message); "
            + "nothing was written")
    @PostMapping(path = "/api/v1/imports", consumes = "multipart/form-data")
    ImportService.Result run(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        // the permission first: a body nobody may send is never parsed
        imports.requirePermission(user);
        try (ImportUpload upload = ImportUpload.receive(request)) {
            ImportKind kind = ImportKind.of(upload.kind())
                    .orElseThrow(() -> InvalidInputException.of("kind", "import.kind"));
            Integer year = year(upload.year());
            boolean dryRun = upload.dryRun() == null || !upload.dryRun().strip().equalsIgnoreCase("false");
            if (upload.tooLarge()) {
                throw new PlanImportException(List.of(new ImportProblem(1, "-", ImportProblem.Kind.UNREADABLE,
                        "tệp lớn hơn " + SheetReader.MAX_FILE_SIZE / 1024 / 1024 + " MB")));
            }
            return imports.run(user, upload.file(), upload.fileName(), year, kind, dryRun);
        }
    }

    static Integer year(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("year", "cycle.yearRequired");
        }
        String t = text.strip();
        if (t.length() != 4 || !t.chars().allMatch(Character::isDigit)) {
            throw InvalidInputException.of("year", "cycle.yearRange");
        }
        return Integer.valueOf(t);
    }

    /** The table's problems: 422, each by row and column. */
    @ExceptionHandler(PlanImportException.class)
    ProblemDetail refused(PlanImportException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("import.refused", null, locale));
        problem.setTitle(messages.getMessage("import.refusedTitle", null, locale));
        problem.setProperty("problems", e.problems().stream().limit(500)
                .map(p -> Map.of("row", p.line(), "column", p.column(), "message", p.message())).toList());
        return problem;
    }
}
