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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    static final String XLSX_TYPE = HandoutSheet.XLSX;

    private final ImportService imports;
    private final MessageSource messages;
    private final vn.parindex.organisation.Bodies bodies;

    ImportApiController(ImportService imports, MessageSource messages, vn.parindex.organisation.Bodies bodies) {
        this.imports = imports;
        this.messages = messages;
        this.bodies = bodies;
    }

    @Operation(summary = "Import a table (Home Affairs)", description = "Multipart: `file` (.xlsx, its first "
            + "sheet, or UTF-8 CSV; at most 5 MB; the columns of the shared CSV or of the appendix export, headers "
            + "in Vietnamese or English), `year`, `kind` = framework | scores | appraisal, `dryRun` = true | false "
            + "(default true). framework creates the cycle of `year`; scores updates a cycle's baseline, target and "
            + "current scores; appraisal records the province's appraised scores and reasons. The answer lists what "
            + "was (or would be) created and changed, old → new, and where a published parent disagrees with its "
            + "parts. Any problem: 422 with every problem by row and column, and nothing written.\n\n"
            + "Lists (no `year`): `kind` = bodies, the province's bodies (columns `ma, ten, cap` or as people write "
            + "them: \"Mã\", \"Tên\", \"Cấp\" — xã, phường, đặc khu, sở/ban/ngành, huyện; the province's Home "
            + "Affairs only, at most 2 000 rows); `kind` = units, a body's offices and their heads (columns `ma, "
            + "ten, loai, nguoi_dung_dau, email`, or \"Mã\", \"Tên\", \"Loại\" — phòng, văn phòng, cơ quan "
            + "chuyên môn, xã, thị trấn —, \"Người đứng đầu\", \"Email\"; the province names the body with "
            + "`?body=CODE`; at most 300 rows): each head named gets an account of a unit head with a first "
            + "password that must be changed at first sign-in. The import itself (not its preview) answers the "
            + "accounts with their first passwords, this once: as JSON (`accounts`), or, asked with `Accept: "
            + XLSX_TYPE + "`, as the hand-out sheet (.xlsx, printed A4). A code twice in the file, a code in use, "
            + "an unknown level or kind, too many rows: 422, nothing written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schemaProperties = {
                    @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary")),
                    @SchemaProperty(name = "year", schema = @Schema(type = "integer")),
                    @SchemaProperty(name = "level", schema = @Schema(type = "string", description = "With "
                            + "kind=framework: the level whose framework of the year this is, for the province's "
                            + "index (the province's Home Affairs only)", allowableValues = {"COMMUNE", "WARD",
                                    "SPECIAL_ZONE", "DEPARTMENT", "DISTRICT"})),
                    @SchemaProperty(name = "scaleTo100", schema = @Schema(type = "boolean", description = "With "
                            + "level: whether the index is the score over the body's own maximum scaled to 100 "
                            + "(default true)")),
                    @SchemaProperty(name = "kind", schema = @Schema(type = "string",
                            allowableValues = {"framework", "scores", "appraisal", "bodies", "units"})),
                    @SchemaProperty(name = "dryRun", schema = @Schema(type = "boolean"))}))
    @ApiResponse(responseCode = "200", description = "What was (or, on a dry run, would be) imported",
            content = {@Content(mediaType = "application/json",
                    schema = @Schema(implementation = ImportService.Result.class)),
            @Content(mediaType = XLSX_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "No file, no year (a cycle's table), an unknown kind, or a "
            + "body's import by the province with no `?body=` (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs imports; only the province's imports bodies")
    @ApiResponse(responseCode = "422", description = "The table has problems (problems[]: row, column, message); "
            + "nothing was written")
    @PostMapping(path = "/api/v1/imports", consumes = "multipart/form-data")
    ResponseEntity<?> run(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        // the permission first: a body nobody may send is never parsed
        imports.requirePermission(user);
        try (ImportUpload upload = ImportUpload.receive(request)) {
            ImportKind kind = ImportKind.of(upload.kind())
                    .orElseThrow(() -> InvalidInputException.of("kind", "import.kind"));
            Integer year = kind.isList() ? null : year(upload.year());
            boolean dryRun = upload.dryRun() == null || !upload.dryRun().strip().equalsIgnoreCase("false");
            if (upload.tooLarge()) {
                throw new PlanImportException(List.of(new ImportProblem(1, "-", ImportProblem.Kind.UNREADABLE,
                        "tệp lớn hơn " + SheetReader.MAX_FILE_SIZE / 1024 / 1024 + " MB")));
            }
            if (upload.hasLevel()) {
                // a level's framework for the province's index of the year (the province's Home Affairs)
                return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(imports.runUpload(user, upload, year, kind, dryRun));
            }
            ImportService.Result result = imports.run(user, upload.file(), upload.fileName(), year, kind, dryRun);
            String accept = request.getHeader("Accept");
            if (kind == ImportKind.UNITS && !dryRun && accept != null && accept.contains(XLSX_TYPE)) {
                // the hand-out sheet: the first passwords, this once
                String body = bodies.current().code().toLowerCase(java.util.Locale.ROOT);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX_TYPE))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tai-khoan-" + body
                                + ".xlsx\"")
                        .cacheControl(CacheControl.noStore())
                        .body(HandoutSheet.write(bodies.current().name(), result.accounts()));
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
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
