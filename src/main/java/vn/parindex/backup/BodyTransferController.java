package vn.parindex.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.organisation.BodyRef;
import vn.parindex.organisation.Bodies;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BusyException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.ApiProblems;
import vn.parindex.web.RequestLimits;

/**
 * Moving a body between deployments: its data exported as one signed file, and such a file imported here as a new
 * body (the province's Home Affairs). The file is the body's backup ({@link BackupWriter} in the body's scope).
 */
@RestController
@Tag(name = "Bodies", description = "The bodies that keep an index on this deployment (đơn vị được đánh giá): "
        + "communes, wards, special zones, departments and, until 2025, districts")
class BodyTransferController {

    static final String IMPORT = "/api/v1/bodies/import";

    private final BackupService backups;
    private final BodyImport imports;
    private final Bodies bodies;
    private final ApiProblems problems;
    private final MessageSource messages;

    BodyTransferController(BackupService backups, BodyImport imports, Bodies bodies, ApiProblems problems,
            MessageSource messages) {
        this.backups = backups;
        this.imports = imports;
        this.bodies = bodies;
        this.problems = problems;
        this.messages = messages;
    }

    /** The import's file is the request's whole body: up to {@code parindex.backup.max-import-size}. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class ImportBodyLimit {
        @Bean
        RequestLimits.LargeBody bodyImportLimit(BackupProperties properties) {
            return new RequestLimits.LargeBody(IMPORT, properties.maxImportSize());
        }
    }

    /** What an import answers. */
    record ImportedJson(String code, String name, String level, int tables, long rows,
            @Schema(description = "User names the deployment had already, each with the name its account got "
                    + "(with prefixAccounts=true)") Map<String, String> renamedAccounts,
            @Schema(description = "The province's accounts the body's records name that this deployment did not "
                    + "have: added disabled, without password") List<String> provinceAccountsAdded,
            @Schema(description = "The province's accounts the body's records name that this deployment has (by "
                    + "user name): the records now name those") List<String> provinceAccountsReused) {
    }

    @Operation(summary = "Export a body's data (Home Affairs)", description = "Every row of the body (its offices, "
            + "accounts, cycles, criteria, assessments, evidence with its files, dossier, tasks, reports, history) as "
            + "one signed ZIP, the body's backup; streamed. The province's accounts export any body, a body's Home "
            + "Affairs their own. Import it into another deployment with POST /api/v1/bodies/import.")
    @ApiResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Only Home Affairs exports")
    @ApiResponse(responseCode = "404", description = "No such body (or another body's, for a body's people)")
    @ApiResponse(responseCode = "429", description = "A backup or export is being written: try again after "
            + "Retry-After seconds")
    @GetMapping("/api/v1/bodies/{code}/export")
    void export(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("A body's data is exported by Home Affairs");
        }
        BodyRef body = bodies.byCode(code).orElseThrow(() -> new NotFoundException("notFound.body",
                code.length() > 32 ? code.substring(0, 32) : code));
        String fileName = backups.newExportName(body.code());
        try {
            backups.exportBody(user, body.id(), body.code(), BackupController.attachment(response, fileName));
            response.flushBuffer();
        } catch (BusyException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            problems.write(request, response, 429, "error.429.title", e.messageKey());
        }
    }

    @Operation(summary = "Import a body exported from another deployment (the province's Home Affairs)",
            description = "The request's body is the file GET /api/v1/bodies/{code}/export gave (or the backup of an "
                    + "install of one body), as application/zip, up to parindex.backup.max-import-size. It must be "
                    + "signed with this deployment's key or one named in parindex.backup.trusted-key-files, and be of "
                    + "this version's schema. The body is added with every row of its data, in one transaction; "
                    + "its people sign in with their passwords. Refused, nothing written: 400 for a code that cannot be "
                    + "a body's, 409 when the body's code or one of its user names is in use here (code=… imports it "
                    + "under another code; prefixAccounts=true names such accounts <code>.<name>), 422 for a file that is not one body's, damaged, signed with a key not trusted "
                    + "or of another version.")
    @RequestBody(content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "201", description = "The body added",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ImportedJson.class)))
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs imports a body")
    @ApiResponse(responseCode = "409", description = "The body's code, or user names (details), are in use here")
    @ApiResponse(responseCode = "413", description = "Larger than parindex.backup.max-import-size")
    @ApiResponse(responseCode = "429", description = "Another import is running: try again after Retry-After "
            + "seconds")
    @ApiResponse(responseCode = "422", description = "Not one body's file, damaged, not signed with a trusted "
            + "key, or of another schema version (reason: damaged, signature, bodies, version)")
    @PostMapping(path = IMPORT, consumes = {"application/zip", "application/octet-stream"})
    ResponseEntity<ImportedJson> importBody(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Give an account whose user name is in use here the name <code>.<name>")
            @RequestParam(defaultValue = "false") boolean prefixAccounts,
            @Parameter(description = "The body's code here, when this deployment has the file's code already "
                    + "(default: the file's)") @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        if (user == null || user.role() != vn.parindex.security.Role.PROVINCE) {
            // before the file is read
            throw new AccessDeniedException("A body is imported by the province's Home Affairs");
        }
        String newCode = null;
        if (code != null) {
            newCode = vn.parindex.organisation.Body.code(code)
                    .orElseThrow(() -> InvalidInputException.of("code", "body.codeInvalid"));
        }
        Path file = Files.createTempFile("parindex-body-", ".zip");
        try {
            try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                long copied = in.transferTo(out);
                if (copied == 0) {
                    throw new RestoreRefusedException(RestoreRefusedException.DAMAGED, "The request holds no file");
                }
            } catch (RequestLimits.BodyTooLargeException e) {
                // a body sent in chunks, past parindex.backup.max-import-size: the rest is not read
                response.setHeader(HttpHeaders.CONNECTION, "close");
                problems.write(request, response, 413, "error.413.title", "error.413.upload");
                return null;
            }
            BodyImport.Result result = imports.importBody(file, user.actor(), prefixAccounts, newCode);
            return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                    .body(new ImportedJson(result.code(), result.name(), result.level(), result.tables(),
                            result.rows(), result.renamedAccounts(), result.provinceAccountsAdded(),
                            result.provinceAccountsReused()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A file that cannot be imported: 422, its reason named for scripts and said for people. */
    @ExceptionHandler(RestoreRefusedException.class)
    ProblemDetail refused(RestoreRefusedException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("bodyImport.refused." + e.reason(), null,
                        messages.getMessage("bodyImport.refused.damaged", null, locale), locale));
        problem.setTitle(messages.getMessage("bodyImport.refusedTitle", null, locale));
        problem.setProperty("reason", e.reason());
        return problem;
    }
}
