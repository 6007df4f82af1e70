package vn.parindex.accounts;

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
import vn.parindex.audit.AuditTrail;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.accounts.AccountService.AccountForm;
import vn.parindex.security.AppUser;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.history.ReadableHistory;
import vn.parindex.web.FormPage;

/**
 * ADMIN's account management: list, create, change role and unit, disable, reset password. Only ADMIN: the URL
 * rules fence {@code /admin/**} and {@link AccountService} checks the role again ({@code @PreAuthorize}). A refused
 * form is shown again by {@link FormPage}: 400 with each message next to its field and what was typed kept
 * (passwords excepted), 409 for a conflict.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    /** An administrator's new password for an account. */
    public record ResetForm(String password) {
    }

    private final AccountService accounts;
    private final UnitRepository units;
    private final AuditTrail audit;
    private final ReadableHistory readable;

    UserAdminController(AccountService accounts, UnitRepository units, AuditTrail audit, ReadableHistory readable) {
        this.readable = readable;
        this.accounts = accounts;
        this.units = units;
        this.audit = audit;
    }

    @ModelAttribute
    void choices(Model model) {
        // a body's roles: the province's accounts belong to no body
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(r -> r != Role.PROVINCE).toList());
        model.addAttribute("units", units.findAllByOrderByIdAsc());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.all());
        return "accounts/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AccountForm("", "", Role.UNIT_HEAD, "", "", true, null, ""));
        return "accounts/user-new";
    }

    /** A name taken by a parallel request after the service's check is said next to the name (409). */
    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @ModelAttribute("form") AccountForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).conflictOnField("username").submit(() -> {
            AppUser created = accounts.create(admin, new AccountForm(form.username(), form.displayName(),
                    form.role(), form.unitCode(), form.password(), true, null, form.email()));
            redirect.addFlashAttribute("notice", "notice.accountCreated");
            return "redirect:/admin/users/" + created.getId();
        }, () -> "accounts/user-new");
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AppUser account = accounts.get(id);
        model.addAttribute("account", account);
        model.asMap().putIfAbsent("form", new AccountForm(account.getUsername(), account.getDisplayName(),
                account.getRole(), account.getUnit() == null ? "" : account.getUnit().getCode(), "",
                account.isEnabled(), account.getVersion(), account.getEmail() == null ? "" : account.getEmail()));
        model.asMap().putIfAbsent("reset", new ResetForm(""));
        model.addAttribute("history", readable.lines(audit.forEntity(AccountService.ENTITY, id)));
        return "accounts/user-edit";
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).submit(() -> {
            // an unticked box is not sent: no "enabled" means disabled
            accounts.update(admin, id, new AccountForm(null, form.displayName(), form.role(), form.unitCode(),
                    null, Boolean.TRUE.equals(form.enabled()), form.version(), form.email()));
            redirect.addFlashAttribute("notice", "notice.accountSaved");
            return "redirect:/admin/users/" + id;
        }, () -> edit(id, model));
    }

    @PostMapping("/{id}/password")
    String resetPassword(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @ModelAttribute("reset") ResetForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).submit(() -> {
            accounts.resetPassword(admin, id, form.password());
            redirect.addFlashAttribute("notice", "notice.passwordReset");
            return "redirect:/admin/users/" + id;
        }, () -> edit(id, model));
    }
}
