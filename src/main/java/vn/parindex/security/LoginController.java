package vn.parindex.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Vietnamese login page. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "security/login";
    }
}
