package vn.parindex.security;

import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.parindex.system.BusinessClock;

/** Gives every page the demo date as {@code demoDate} (null outside a demo): the layout's banner shows it. */
@ControllerAdvice(annotations = Controller.class)
class DemoDateAdvice {

    private final BusinessClock clock;

    DemoDateAdvice(BusinessClock clock) {
        this.clock = clock;
    }

    @ModelAttribute("demoDate")
    LocalDate demoDate() {
        return clock.demoDate().orElse(null);
    }
}
