package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.system.InvalidInputException;

/** Every user's own account: password change. */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.asMap().putIfAbsent("errors", Map.of());
        return "security/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        try {
            var session = request.getSession(false);
            accounts.changeOwnPassword(user, currentPassword, newPassword, confirmPassword,
                    session == null ? null : session.getId());
            redirect.addFlashAttribute("notice", "notice.passwordChanged");
            return "redirect:/account/password";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            return "security/password";
        }
    }
}
