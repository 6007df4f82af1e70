package vn.parindex.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.audit.AuditTrail;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;

/** ADMIN's account management: list, create, change role and unit, disable, reset password. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final AccountService accounts;
    private final UnitRepository units;
    private final AuditTrail audit;

    UserAdminController(AccountService accounts, UnitRepository units, AuditTrail audit) {
        this.accounts = accounts;
        this.units = units;
        this.audit = audit;
    }

    @ModelAttribute
    void onlyAdmins(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user == null || user.role() != Role.ADMIN) {
            throw new AccessDeniedException("forbidden");
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.findAllByOrderByIdAsc());
        model.addAttribute("errors", Map.of());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.all());
        return "security/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AccountService.AccountForm("", "", Role.UNIT_HEAD, "", "", true, null));
        return "security/user-new";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) Role role,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String password,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        AccountService.AccountForm form = new AccountService.AccountForm(username, displayName, role, unitCode,
                password, true, null);
        try {
            AppUser created = accounts.create(admin, form);
            redirect.addFlashAttribute("notice", "notice.accountCreated");
            return "redirect:/admin/users/" + created.getId();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("form", new AccountService.AccountForm(username, displayName, role, unitCode, "",
                    true, null));
            return "security/user-new";
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AppUser account = accounts.get(id);
        model.addAttribute("account", account);
        model.asMap().putIfAbsent("form", new AccountService.AccountForm(account.getUsername(),
                account.getDisplayName(), account.getRole(),
                account.getUnit() == null ? "" : account.getUnit().getCode(), "", account.isEnabled(),
                account.getVersion()));
        model.addAttribute("history", audit.forEntity(AccountService.ENTITY, id));
        return "security/user-edit";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) Role role,
            @RequestParam(required = false) String unitCode, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        AccountService.AccountForm form = new AccountService.AccountForm(null, displayName, role, unitCode, null,
                enabled, version);
        try {
            accounts.update(admin, id, form);
            redirect.addFlashAttribute("notice", "notice.accountSaved");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("form", form);
            return edit(id, model);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("conflict", e.messageKey());
            return edit(id, model);
        }
    }

    @PostMapping("/{id}/password")
    String resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @RequestParam(required = false) String password, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            accounts.resetPassword(admin, id, password);
            redirect.addFlashAttribute("notice", "notice.passwordReset");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            return edit(id, model);
        }
    }
}
