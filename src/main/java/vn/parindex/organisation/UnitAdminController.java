package vn.parindex.organisation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.audit.Actor;
import vn.parindex.web.FormPage;

/**
 * The units page of Home Affairs (the URL is ADMIN-only in the security configuration, the service checks too).
 * The signed-in person arrives as the {@link Actor} of their changes: organisation does not depend on security.
 * A refused form shows the page again ({@link FormPage}): 400 with each message next to its field and what was
 * typed kept, 409 for a conflict.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    /** The form that adds a unit. */
    public record NewUnitForm(String code, String name, UnitKind kind) {
    }

    /** A unit's row: its new name, whether it is still in use, and the version shown. */
    public record RenameForm(String name, Boolean active, Long version) {
    }

    private final UnitAdminService units;

    UnitAdminController(UnitAdminService units) {
        this.units = units;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("units", units.all());
        model.addAttribute("kinds", UnitKind.values());
        model.asMap().putIfAbsent("newUnit", new NewUnitForm("", "", null));
        model.asMap().putIfAbsent("rename", new RenameForm(null, null, null));
        return "organisation/units";
    }

    @PostMapping
    String create(@AuthenticationPrincipal(expression = "actor()") Actor admin,
            @ModelAttribute("newUnit") NewUnitForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).submit(() -> {
            units.create(admin, form.code(), form.name(), form.kind());
            redirect.addFlashAttribute("notice", "notice.unitSaved");
            return "redirect:/admin/units";
        }, () -> list(model));
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal(expression = "actor()") Actor admin, @PathVariable long id,
            @ModelAttribute("rename") RenameForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // bad input: the row re-shows what was typed, with the message
        return FormPage.of(result, model, response)
                .onInvalid(() -> model.addAttribute("renamedId", id))
                .submit(() -> {
                    units.update(admin, id, form.name(), Boolean.TRUE.equals(form.active()), form.version());
                    redirect.addFlashAttribute("notice", "notice.unitSaved");
                    return "redirect:/admin/units";
                }, () -> list(model));
    }
}
