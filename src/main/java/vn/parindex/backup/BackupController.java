package vn.parindex.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.ApiProblems;
import vn.parindex.system.BusyException;

/**
 * The backup download, for the API ({@code GET /api/v1/backup}, HTTP Basic) and for the admin page (signed in),
 * and the page itself. Both are for Home Affairs only (the security configuration and the service check).
 */
@Controller
@Tag(name = "Backup", description = "The whole database as one file (Home Affairs)")
class BackupController {

    private final BackupService backups;
    private final NightlyBackups nightly;
    private final ApiProblems problems;

    BackupController(BackupService backups, NightlyBackups nightly, ApiProblems problems) {
        this.backups = backups;
        this.nightly = nightly;
        this.problems = problems;
    }

    @GetMapping("/admin/backup")
    String page(Model model) throws IOException {
        model.addAttribute("nightly", nightly.directory().isPresent());
        model.addAttribute("directory", nightly.directory().map(Object::toString).orElse(""));
        model.addAttribute("keep", nightly.keep());
        model.addAttribute("backups", nightly.list());
        return "backup/backup";
    }

    /**
     * The page's button: a form POST with the CSRF token (a GET could be triggered by another site's link). While
     * another backup is being downloaded, the page again with status 429 and the reason.
     */
    @PostMapping("/admin/backup/download")
    ModelAndView downloadFromPage(@AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response) throws IOException, SQLException {
        try {
            stream(user, response);
            return null; // the response is the file (a null ModelAndView: nothing more to render)
        } catch (BusyException e) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("busy", e.messageKey());
            return new ModelAndView(page(model), model.asMap(), HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    @Operation(summary = "Download a backup (Home Affairs)", description = "One consistent snapshot of every "
            + "table, evidence included, as a ZIP with a manifest and a checksum per table; streamed, and on record.")
    @ApiResponse(responseCode = "200", description = "The backup file (Content-Disposition: attachment)",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Only Home Affairs downloads backups")
    @ApiResponse(responseCode = "429", description = "Another backup is being downloaded: try again after "
            + "Retry-After seconds")
    @GetMapping("/api/v1/backup")
    void download(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response) throws IOException, SQLException {
        try {
            stream(user, response);
        } catch (BusyException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            problems.write(request, response, 429, "error.429.title", e.messageKey());
        }
    }

    /** Streams the zip into the response as it is written; nothing is held in memory. */
    private void stream(CurrentUser user, HttpServletResponse response) throws IOException, SQLException {
        String fileName = backups.newFileName();
        backups.download(user, fileName, attachment(response, fileName));
        response.flushBuffer();
    }

    /** The response as a zip file to save, opened (its headers set) only once the file may be written. */
    static BackupService.Target attachment(HttpServletResponse response, String fileName) {
        return () -> {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return response.getOutputStream();
        };
    }
}
