package vn.parindex.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FormPage;

/** Every user's own account: password change (bad input: 400 through {@link FormPage}, the message next to its
 * field, nothing changed). */
@Controller
class AccountController {

    /** The password change form; the page never shows a password typed. */
    public record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        return FormPage.of(result, model, response).submit(() -> {
            var session = request.getSession(false);
            accounts.changeOwnPassword(user, form.currentPassword(), form.newPassword(), form.confirmPassword(),
                    session == null ? null : session.getId());
            redirect.addFlashAttribute("notice", "notice.passwordChanged");
            return "redirect:/account/password";
        }, () -> "accounts/password");
    }
}
