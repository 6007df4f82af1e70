package vn.parindex.backup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.security.CurrentUser;

/**
 * The backup download, for the API ({@code GET /api/v1/backup}, HTTP Basic) and for the admin page (signed in),
 * and the page itself. Both are for Home Affairs only (the security configuration and the service check).
 */
@Controller
class BackupController {

    private final BackupService backups;
    private final NightlyBackups nightly;

    BackupController(BackupService backups, NightlyBackups nightly) {
        this.backups = backups;
        this.nightly = nightly;
    }

    @GetMapping("/admin/backup")
    String page(Model model) throws IOException {
        model.addAttribute("nightly", nightly.directory().isPresent());
        model.addAttribute("directory", nightly.directory().map(Object::toString).orElse(""));
        model.addAttribute("keep", nightly.keep());
        model.addAttribute("backups", nightly.list());
        return "backup/backup";
    }

    @GetMapping("/admin/backup/download")
    void downloadFromPage(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException, SQLException {
        stream(user, response);
    }

    @GetMapping("/api/v1/backup")
    void download(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException, SQLException {
        stream(user, response);
    }

    /** Streams the zip into the response as it is written; nothing is held in memory. */
    private void stream(CurrentUser user, HttpServletResponse response) throws IOException, SQLException {
        String fileName = backups.newFileName();
        backups.download(user, fileName, () -> {
            response.setContentType("application/zip");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return response.getOutputStream();
        });
        response.flushBuffer();
    }
}
