package vn.parindex.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in person as {@code currentUser} (null on the login page) and, for the province's
 * accounts on a deployment of several bodies, the body they work on as {@code workingBody} (null on the province's
 * own page): the layout names it, with the way back to the list of bodies.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final vn.parindex.organisation.Bodies bodies;

    CurrentUserAdvice(vn.parindex.organisation.Bodies bodies) {
        this.bodies = bodies;
    }

    @ModelAttribute("workingBody")
    vn.parindex.organisation.BodyRef workingBody() {
        CurrentUser user = currentUser();
        Long body = vn.parindex.system.BodyScope.body();
        if (user == null || !user.isProvince() || body == null || bodies.count() <= 1) {
            return null;
        }
        return bodies.byId(body).orElse(null);
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
