package vn.parindex.organisation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.audit.Actor;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;

/**
 * The units page of Home Affairs (the URL is ADMIN-only in the security configuration, the service checks too).
 * The signed-in person arrives as the {@link Actor} of their changes: organisation does not depend on security.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final UnitAdminService units;

    UnitAdminController(UnitAdminService units) {
        this.units = units;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("units", units.all());
        model.addAttribute("kinds", UnitKind.values());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("typed", Map.of());
        return "organisation/units";
    }

    @PostMapping
    String create(@AuthenticationPrincipal(expression = "actor()") Actor admin,
            @RequestParam(required = false) String code, @RequestParam(required = false) String name, @RequestParam(required = false) UnitKind kind, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            units.create(admin, code, name, kind);
            redirect.addFlashAttribute("notice", "notice.unitSaved");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("typed", Map.of("code", code == null ? "" : code, "name", name == null ? "" : name));
            return list(model);
        }
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal(expression = "actor()") Actor admin, @PathVariable long id,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            units.update(admin, id, name, active, version);
            redirect.addFlashAttribute("notice", "notice.unitSaved");
            return "redirect:/admin/units";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            return list(model);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.messageKey());
            return list(model);
        }
    }
}
