package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * After signing in again: the form that was refused because the session had ended, with what the person typed,
 * ready to be sent again (or left). Shown once ({@link KeptForm}); without one, the person's first page.
 */
@Controller
class ResumeController {

    static final String PATH = "/resume";

    @GetMapping(PATH)
    String resume(HttpServletRequest request, Model model,
            @org.springframework.security.core.annotation.AuthenticationPrincipal CurrentUser user) {
        KeptForm form = KeptForm.take(request.getSession(false));
        if (form == null) {
            return "redirect:" + RoleLanding.of(user);
        }
        model.addAttribute("kept", form);
        return "security/resume";
    }
}
