package vn.parindex.criteria;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.InvalidInputException;
import vn.parindex.web.FormPage;

/**
 * The cycles' pages: Home Affairs closes a year and starts the next ({@code /admin/cycles}). A refused form is shown
 * again by {@link FormPage}: 400 and the message next to the field, 409 with the conflict's message. (The
 * reconciliation of self-assessment and appraisal is {@code appraisal}'s.)
 */
@Controller
class CyclePageController {

    /**
     * The cycles page served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptCyclePages() {
        return new vn.parindex.web.KeptPages("/admin/cycles");
    }

    /** Start a year: the new year, the year it continues, and "old → new" code lines. */
    public record StartForm(String year, String from, String mapping) {
    }

    /** Longest mapping text read (2 000 lines of short codes). */
    static final int MAX_MAPPING_TEXT = 100_000;

    private final CriteriaCatalog catalog;
    private final CycleLifecycle lifecycle;

    CyclePageController(CriteriaCatalog catalog, CycleLifecycle lifecycle) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/admin/cycles")
    String cycles(Model model) {
        List<Cycle> all = catalog.cycles();
        model.addAttribute("cycles", all);
        if (!model.containsAttribute("start")) {
            Cycle latest = all.isEmpty() ? null : all.get(0);
            model.addAttribute("start", new StartForm(latest == null ? "" : String.valueOf(latest.getYear() + 1),
                    latest == null ? "" : String.valueOf(latest.getYear()), ""));
        }
        return "criteria/cycles";
    }

    @PostMapping("/admin/cycles/{year}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // what stands in the way (the pending work) is listed under the message
        return FormPage.of(model, response)
                .onConflict(e -> model.addAttribute("pending", e.details()))
                .submit(() -> {
                    lifecycle.close(user, year);
                    redirect.addFlashAttribute("notice", "cycle.closedNotice");
                    return "redirect:/admin/cycles";
                }, () -> cycles(model));
    }

    @PostMapping("/admin/cycles")
    String start(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("start") StartForm form,
            BindingResult result, @org.springframework.web.bind.annotation.RequestParam(required = false) String preview,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // a year that already exists is said next to the year
        return FormPage.of(result, model, response).conflictOnField("year").submit(() -> {
            Integer year = number(form.year(), "year");
            Integer from = number(form.from(), "from");
            if (preview != null) {
                // what would be created, writing nothing: every code that changes, and how many carry over as they are
                List<CycleLifecycle.Carried> plan = lifecycle.plan(user,
                        new CycleLifecycle.NextCycle(year, from, mapping(form.mapping())));
                model.addAttribute("mapped", plan.stream().filter(c -> c.oldCodes().size() > 1
                        || !c.oldCodes().get(0).equals(c.newCode())).toList());
                model.addAttribute("carriedCount", plan.size());
                return cycles(model);
            }
            Cycle next = lifecycle.startNext(user, new CycleLifecycle.NextCycle(year, from, mapping(form.mapping())));
            redirect.addFlashAttribute("notice", "cycle.startedNotice");
            return "redirect:/?year=" + next.getYear();
        }, () -> cycles(model));
    }

    private static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 4 || !t.chars().allMatch(Character::isDigit)) {
            throw InvalidInputException.of(field, "cycle.yearRange");
        }
        return Integer.valueOf(t);
    }

    /** "1.5 → 1.7", "1.5 -> 1.7", "1.5 = 1.7" or "1.5 1.7", one per line. */
    static Map<String, String> mapping(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        if (text.length() > MAX_MAPPING_TEXT) {
            throw InvalidInputException.of("mapping", "cycle.mappingTooLong");
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s*(→|->|=|\\s)\\s*", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw InvalidInputException.of("mapping", "cycle.mappingLine");
            }
            mapping.put(parts[0].strip(), parts[1].strip());
        }
        return mapping;
    }
}
