package vn.parindex.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.imports.ImportService.ImportKind;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.InvalidInputException;

/**
 * The import page ({@code /admin/imports}, Home Affairs): upload a table, read the preview (what would be created
 * and changed, the problems by row and column), then confirm. The previewed file is kept in the session until
 * confirmed, so what is written is exactly what was previewed (checked again against the data of that moment).
 */
@Controller
class ImportPageController {

    static final String PENDING = ImportPageController.class.getName() + ".pending";
    /** The hand-out sheet of the heads' first accounts, kept until downloaded once. */
    static final String HANDOUT = ImportPageController.class.getName() + ".handout";

    /**
     * A session attribute of the body this request works on: a preview made in one body is never confirmed into
     * another, nor its hand-out sheet fetched there (a province account works on several in one session).
     */
    static String scoped(String attribute) {
        return attribute + "." + vn.parindex.system.BodyScope.current();
    }

    /** A previewed upload awaiting confirmation. */
    record Pending(byte[] content, String fileName, Integer year, String kind, String level, String scaleTo100,
            int created, java.util.List<ImportService.Change> changes) implements Serializable {

        Pending again(ImportService.Result now) {
            return new Pending(content, fileName, year, kind, level, scaleTo100, now.created(),
                    java.util.List.copyOf(now.changes()));
        }
    }

    /** The province's own imports page: the list of bodies and each level's framework, on every body's data. */
    static final String PROVINCE = "/province/imports";

    /** Whether the request is on the province's imports page (or its confirmation), not a body's. */
    static boolean province(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith(PROVINCE);
    }

    private final ImportService imports;
    private final vn.parindex.organisation.Bodies bodies;

    ImportPageController(ImportService imports, vn.parindex.organisation.Bodies bodies) {
        this.imports = imports;
        this.bodies = bodies;
    }

    @GetMapping({"/admin/imports", PROVINCE})
    String form(HttpServletRequest request, Model model) {
        boolean province = province(request);
        model.addAttribute("importBase", province ? PROVINCE : "/admin/imports");
        // the province's page: its own kinds (a body's tables are imported on the body's page)
        model.asMap().putIfAbsent("kinds", province ? new ImportKind[] {ImportKind.FRAMEWORK, ImportKind.BODIES}
                : ImportKind.values());
        model.addAttribute("levels", province ? vn.parindex.organisation.BodyLevel.values() : null);
        return "imports/imports";
    }

    @PostMapping({"/admin/imports", PROVINCE})
    String preview(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpSession session,
            Model model, HttpServletResponse response) throws IOException {
        imports.requirePermission(user);
        session.removeAttribute(scoped(PENDING));
        boolean province = province(request);
        try (ImportUpload upload = ImportUpload.receive(request)) {
            model.addAttribute("year", upload.year());
            model.addAttribute("kind", upload.kind());
            model.addAttribute("level", upload.level());
            model.addAttribute("scaleTo100", upload.scaleTo100());
            ImportKind kind = ImportKind.of(upload.kind())
                    .orElseThrow(() -> InvalidInputException.of("kind", "import.kind"));
            if (province && kind == ImportKind.FRAMEWORK && !upload.hasLevel()) {
                // the province's framework is a level's: a body's own plan is imported on the body's page
                throw InvalidInputException.of("level", "import.levelRequired");
            }
            Integer year = kind.isList() ? null : ImportApiController.year(upload.year());
            if (upload.tooLarge()) {
                throw new PlanImportException(java.util.List.of(new ImportProblem(1, "-",
                        ImportProblem.Kind.UNREADABLE, "tệp lớn hơn " + SheetReader.MAX_FILE_SIZE / 1024 / 1024
                                + " MB")));
            }
            ImportService.Result result = imports.runUpload(user, upload, year, kind, true);
            if (!result.changes().isEmpty()) {
                // kept (at most 5 MB) until confirmed or replaced by the next preview
                session.setAttribute(scoped(PENDING), new Pending(Files.readAllBytes(upload.file()),
                        upload.fileName(), year, kind.name(), upload.level(), upload.scaleTo100(), result.created(),
                        java.util.List.copyOf(result.changes())));
            }
            model.addAttribute("result", result);
            model.addAttribute("fileName", upload.fileName());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("invalid", e.fieldErrors().values());
        } catch (PlanImportException e) {
            response.setStatus(422);
            model.addAttribute("problems", e.problems().subList(0, Math.min(e.problems().size(),
                    ImportService.MAX_PROBLEMS)));
        } catch (vn.parindex.system.ConflictException e) {
            // a level's framework once its year is open
            response.setStatus(409);
            model.addAttribute("invalid", java.util.List.of(e.messageKey()));
        }
        return form(request, model);
    }

    @PostMapping({"/admin/imports/confirm", PROVINCE + "/confirm"})
    String confirm(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpSession session,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        imports.requirePermission(user);
        String base = province(request) ? PROVINCE : "/admin/imports";
        Pending pending = (Pending) session.getAttribute(scoped(PENDING));
        if (pending == null) {
            response.setStatus(409);
            model.addAttribute("invalid", java.util.List.of("import.nothingPending"));
            return form(request, model);
        }
        try (ImportUpload upload = ImportUpload.of(pending.content(), pending.fileName(),
                pending.year() == null ? null : String.valueOf(pending.year()), pending.kind(), pending.level(),
                pending.scaleTo100())) {
            ImportKind kind = ImportKind.valueOf(pending.kind());
            // what is written is what was previewed: if the data changed meanwhile, the new preview instead
            ImportService.Result now = imports.runUpload(user, upload, pending.year(), kind, true);
            if (!now.changes().equals(pending.changes()) || now.created() != pending.created()) {
                response.setStatus(409);
                session.setAttribute(scoped(PENDING), pending.again(now));
                model.addAttribute("invalid", java.util.List.of("import.changedSincePreview"));
                model.addAttribute("result", now);
                model.addAttribute("fileName", pending.fileName());
                return form(request, model);
            }
            ImportService.Result result = imports.runUpload(user, upload, pending.year(), kind, false);
            session.removeAttribute(scoped(PENDING));
            if (!result.accounts().isEmpty()) {
                // the first passwords, on a sheet downloaded once (/admin/imports/handout.xlsx)
                // sealed: the session is a row of the database, the key only in the browser (SealedHandout)
                session.setAttribute(scoped(HANDOUT), SealedHandout.seal(
                        HandoutSheet.write(bodies.current().name(), result.accounts()), request, response));
            }
            redirect.addFlashAttribute("done", new ImportService.Result(result.year(), result.kind(), false,
                    result.created(), result.changes(), result.discrepancies()));
            redirect.addFlashAttribute("handout", !result.accounts().isEmpty());
            return "redirect:" + base;
        } catch (PlanImportException e) {
            // the data changed since the preview in a way the table no longer fits
            response.setStatus(422);
            model.addAttribute("problems", e.problems());
            return form(request, model);
        } catch (vn.parindex.system.ConflictException e) {
            // the level's year opened since the preview: its framework is kept as it is
            response.setStatus(409);
            model.addAttribute("invalid", java.util.List.of(e.messageKey()));
            return form(request, model);
        }
    }

    /**
     * The hand-out sheet of the accounts the last import of units made, once: the first passwords are then gone
     * from the session (and were never stored in clear). 404 when there is none (already taken, another session).
     */
    @GetMapping("/admin/imports/handout.xlsx")
    org.springframework.http.ResponseEntity<byte[]> handout(@AuthenticationPrincipal CurrentUser user,
            HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        imports.requirePermission(user);
        Object sheet = session.getAttribute(scoped(HANDOUT));
        session.removeAttribute(scoped(HANDOUT));
        byte[] bytes = sheet instanceof SealedHandout sealed ? sealed.open(request, response) : null;
        if (bytes == null) {
            throw new vn.parindex.system.NotFoundException("notFound.handout", 0);
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(HandoutSheet.XLSX))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"tai-khoan-nguoi-dung-dau.xlsx\"")
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(bytes);
    }
}
