package vn.parindex.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.evidence.Uploads;
import vn.parindex.criteria.Cycle;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FormPage;

/**
 * The self-assessment dossier's pages: how complete it is ({@code /cycles/{year}/dossier}), a criterion's expected
 * documents with their files and the explanation ({@code …/criteria/{code}/dossier}), and the whole dossier as one
 * .zip. A refused form shows the page again ({@link FormPage}): 400, or 409 for a conflict.
 */
@Controller
class DossierController {

    /**
     * The dossier and a criterion's dossier served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptDossierPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/dossier", "/cycles/*/criteria/*/dossier");
    }

    /** A document Home Affairs lists on a criterion. */
    public record ItemForm(String name, String note) {
    }

    /** The details typed with files for an item (shown again when refused): date of issue dd/MM/yyyy. */
    public record AttachForm(String documentNumber, String issuedOn, String summary) {

        static AttachForm of(HttpServletRequest request) {
            return new AttachForm(request.getParameter("documentNumber"), request.getParameter("issuedOn"),
                    request.getParameter("summary"));
        }
    }

    /** The lead unit's explanation, with the version it is based on. */
    public record ExplanationForm(String text, Long version) {
    }

    private final DossierService dossiers;
    private final DossierEditor editor;
    private final DossierArchive archive;
    private final EvidenceService evidence;

    DossierController(DossierService dossiers, DossierEditor editor, DossierArchive archive,
            EvidenceService evidence) {
        this.dossiers = dossiers;
        this.editor = editor;
        this.archive = archive;
        this.evidence = evidence;
    }

    /** The dossier's completeness, and its criteria: all, or one domain's ({@code ?domain=2}) in a large framework. */
    @GetMapping("/cycles/{year}/dossier")
    String overview(Cycle cycle, @RequestParam(required = false) String domain, Model model) {
        DossierService.Overview overview = dossiers.overview(cycle.getYear());
        model.addAttribute("cycle", cycle);
        model.addAttribute("overview", overview);
        model.addAttribute("shown", overview.shown(domain));
        return "assessment/dossier";
    }

    @GetMapping("/cycles/{year}/criteria/{code}/dossier")
    String criterion(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code, Model model) {
        DossierService.CriterionDossier dossier = dossiers.criterion(cycle.getYear(), code);
        model.addAttribute("cycle", cycle);
        model.addAttribute("dossier", dossier);
        model.addAttribute("mayList", user.isAdmin() && !cycle.isClosed());
        model.addAttribute("mayAttach", dossiers.canAttach(user, dossier.criterion(), cycle.getStatus()));
        model.addAttribute("mayExplain", dossiers.canExplain(user, dossier.criterion(), cycle.getStatus()));
        model.asMap().putIfAbsent("itemForm", new ItemForm("", ""));
        model.asMap().putIfAbsent("explanationForm", new ExplanationForm(dossier.explanation() == null ? ""
                : dossier.explanation().text(), dossier.explanation() == null ? null : dossier.explanation().version()));
        return "assessment/criterion-dossier";
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/criteria/{code}/dossier/items")
    String addItem(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("itemForm") ItemForm form, BindingResult result, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return save(user, cycle, code, result, model, redirect, response,
                () -> editor.addItem(user, cycle.getYear(), code, form.name(), form.note()), "dossier.itemAdded");
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/criteria/{code}/dossier/items/{id}/delete")
    String removeItem(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @PathVariable long id, @RequestParam(required = false) Long version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(user, cycle, code, null, model, redirect, response,
                () -> editor.removeItem(user, cycle.getYear(), code, id, version), "dossier.itemRemoved");
    }

    @RefusedWhenClosed(DossierWriters.Explainers.class)
    @PostMapping("/cycles/{year}/criteria/{code}/dossier/explanation")
    String explain(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @ModelAttribute("explanationForm") ExplanationForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(user, cycle, code, result, model, redirect, response,
                () -> editor.explain(user, cycle.getYear(), code, form.text(), form.version()),
                "dossier.explained");
    }

    /** Files for one item: the permission is checked before the body is read. */
    @RefusedWhenClosed(DossierWriters.Attachers.class)
    @PostMapping("/cycles/{year}/criteria/{code}/dossier/items/{id}/files")
    String attach(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        editor.requireCanAttach(user, cycle.getYear(), code);
        // bad input is shown next to this item's upload, with the details as typed
        return FormPage.of(model, response)
                .invalidShownBy(e -> {
                    model.addAttribute("uploadErrors", e.fieldErrors());
                    model.addAttribute("uploadItem", id);
                    model.addAttribute("uploadForm", AttachForm.of(request));
                })
                .submit(() -> {
                    try (Uploads uploads = Uploads.receive(request, "file", evidence.maxFileSize().toBytes(),
                            Uploads.Dates.PAGE)) {
                        editor.attach(user, cycle.getYear(), code, id, uploads.files(), uploads.details());
                    }
                    redirect.addFlashAttribute("notice", "dossier.attached");
                    return "redirect:/cycles/" + cycle.getYear() + "/criteria/" + code + "/dossier#item-" + id;
                }, () -> criterion(user, cycle, code, model));
    }

    /** The whole dossier as one .zip: the index, the report and the appendix, a folder per criterion with documents. */
    @GetMapping("/cycles/{year}/dossier.zip")
    void zip(Cycle cycle, HttpServletResponse response) throws java.io.IOException {
        zip(dossiers, archive, cycle.getYear(), response);
    }

    /** Streams the archive into the response (documents slice by slice from the database). */
    static void zip(DossierService dossiers, DossierArchive archive, int year, HttpServletResponse response)
            throws java.io.IOException {
        DossierService.Overview overview = dossiers.overview(year);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("ho-so-tu-danh-gia-" + year + ".zip", StandardCharsets.UTF_8).build().toString());
        archive.write(overview, response.getOutputStream());
    }

    /** A form's write (a button's when {@code result} is null), shown again by {@link FormPage} when refused. */
    private String save(CurrentUser user, Cycle cycle, String code, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Runnable change, String notice) {
        return (result == null ? FormPage.of(model, response) : FormPage.of(result, model, response)).submit(() -> {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/cycles/" + cycle.getYear() + "/criteria/" + code + "/dossier";
        }, () -> criterion(user, cycle, code, model));
    }
}
