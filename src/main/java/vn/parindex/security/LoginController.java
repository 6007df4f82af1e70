package vn.parindex.security;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Vietnamese login page; after repeated failures it says in words how long to wait. */
@Controller
class LoginController {

    private final MessageSource messages;

    LoginController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String wait, Model model, Locale locale) {
        if (wait != null && wait.matches("[0-9]{1,6}") && Long.parseLong(wait) > 0) {
            model.addAttribute("waitText", waitText(Long.parseLong(wait), locale));
        }
        return "security/login";
    }

    /** "2 phút 5 giây", "45 giây", "1 minute 5 seconds"… */
    String waitText(long seconds, Locale locale) {
        long minutes = seconds / 60;
        long rest = seconds % 60;
        if (minutes == 0) {
            return messages.getMessage("login.wait.seconds", new Object[] {rest}, locale);
        }
        if (rest == 0) {
            return messages.getMessage("login.wait.minutes", new Object[] {minutes}, locale);
        }
        return messages.getMessage("login.wait.minutesSeconds", new Object[] {minutes, rest}, locale);
    }
}
