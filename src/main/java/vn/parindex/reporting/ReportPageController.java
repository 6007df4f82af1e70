package vn.parindex.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.FormPage;

/**
 * The report pages: the periods with their deadlines (and the deadlines' form for Home Affairs), a period's units
 * and their inputs (accept or return them), a unit's input (write, save, send), and both Word documents. Rules live
 * in {@link ReportInputs} and {@link ReportCalendars}, as for the API; a refused form is shown again by {@link FormPage} (400 with what was
 * typed, 409 with the current values).
 */
@Controller
class ReportPageController {

    /**
     * The year's report periods and a period's page served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptReportPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/reports", "/cycles/*/reports/{period:[^.]+}");
    }

    /** A unit's input as typed: per task id what was done, difficulties, proposals; version as shown. */
    public static class InputForm {
        private Map<Long, String> results = new LinkedHashMap<>();
        private Map<Long, String> statuses = new LinkedHashMap<>();
        private String difficulties = "";
        private String proposals = "";
        private Long version;

        public Map<Long, String> getResults() {
            return results;
        }

        public void setResults(Map<Long, String> results) {
            this.results = results;
        }

        public Map<Long, String> getStatuses() {
            return statuses;
        }

        public void setStatuses(Map<Long, String> statuses) {
            this.statuses = statuses;
        }

        public String getDifficulties() {
            return difficulties;
        }

        public void setDifficulties(String difficulties) {
            this.difficulties = difficulties;
        }

        public String getProposals() {
            return proposals;
        }

        public void setProposals(String proposals) {
            this.proposals = proposals;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }

        static InputForm of(UnitInput input) {
            InputForm form = new InputForm();
            input.tasks().forEach(t -> form.results.put(t.task().id(), t.result()));
            // a task's status as the form offers it: in progress or done (a result means the task has started)
            input.tasks().forEach(t -> form.statuses.put(t.task().id(),
                    t.statusShown() == vn.parindex.tasks.TaskStatus.DONE ? "DONE" : "IN_PROGRESS"));
            form.difficulties = input.difficulties();
            form.proposals = input.proposals();
            form.version = input.status().status() == ReportInputStatus.NOT_STARTED ? null : input.status().version();
            return form;
        }
    }

    /** A due day of the calendar: 1 to 31 ({@code report.calendar.day}). */
    @jakarta.validation.constraints.NotNull(message = "{report.calendar.day}")
    @jakarta.validation.constraints.Min(value = 1, message = "{report.calendar.day}")
    @jakarta.validation.constraints.Max(value = 31, message = "{report.calendar.day}")
    @jakarta.validation.Constraint(validatedBy = {})
    @java.lang.annotation.Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.PARAMETER,
            java.lang.annotation.ElementType.RECORD_COMPONENT, java.lang.annotation.ElementType.METHOD})
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @jakarta.validation.ReportAsSingleViolation
    public @interface DueDay {
        String message() default "{report.calendar.day}";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }

    /** Home Affairs' review: the version shown and, to return it, the reason. */
    public record ReviewForm(Long version, String reason) {
    }

    /**
     * The deadlines as typed: each day a whole number from 1 to 31 (checked when bound, with the service's message
     * {@code report.calendar.day}; the service checks again for the API).
     */
    public record CalendarForm(@DueDay Integer monthDueDay, @DueDay Integer quarterDueDay, @DueDay Integer halfDueDay,
            @DueDay Integer yearDueDay, String selfAssessmentDue, Long version) {

        static CalendarForm of(ReportCalendar c) {
            return new CalendarForm(c.monthDueDay(), c.quarterDueDay(), c.halfDueDay(), c.yearDueDay(),
                    c.selfAssessmentDue() == null ? "" : c.selfAssessmentDue()
                            .format(vn.parindex.tasks.TaskDraft.DAY_MONTH_YEAR), c.version());
        }
    }

    private final ReportService reports;
    private final ReportCalendars calendars;
    private final ReportInputs writes;
    private final ReportDownloads downloads;
    private final KeptCycles cycles;
    private final vn.parindex.web.RenderedFragments fragments;

    ReportPageController(ReportService reports, ReportCalendars calendars, ReportInputs writes,
            ReportDownloads downloads, KeptCycles cycles, vn.parindex.web.RenderedFragments fragments) {
        this.fragments = fragments;
        this.reports = reports;
        this.calendars = calendars;
        this.writes = writes;
        this.downloads = downloads;
        this.cycles = cycles;
    }

    /** The period a page's address names; on a page, an address naming none is a page not found. */
    private ReportPeriod period(Cycle cycle, String period) {
        try {
            return calendars.period(cycle, period);
        } catch (InvalidInputException e) {
            throw new NotFoundException("notFound.period", period.length() > 16 ? period.substring(0, 16) : period);
        }
    }

    /** A unit code from a page's address; one that cannot be a code is a page not found (as an unknown one is). */
    private static String unitCode(String typed) {
        return vn.parindex.organisation.Unit.code(typed).orElseThrow(() -> new NotFoundException("notFound.unitCode",
                typed.length() > 32 ? typed.substring(0, 32) : typed));
    }

    @GetMapping("/reports")
    String current() {
        Cycle cycle = cycles.current().orElseThrow(() -> new NotFoundException("notFound.noCycle"));
        return "redirect:/cycles/" + cycle.getYear() + "/reports";
    }

    @GetMapping("/cycles/{year}/reports")
    String periods(@AuthenticationPrincipal CurrentUser user, Cycle cycle, Model model) {
        model.addAttribute("cycle", cycle);
        boolean mineOnly = user.isUnitHead() && user.unitId() != null;
        // the table, kept per data revision and day (who is late changes at midnight), per unit for a unit head
        model.addAttribute("renderedPeriods", fragments.html(mineOnly ? user.unitId() : vn.parindex.web.RenderedFragments.EVERYONE,
                "reporting/periods", "periods", () -> {
                    Map<String, Object> vars = new LinkedHashMap<>();
                    vars.put("cycle", cycle);
                    vars.put("periods", reports.periods(cycle));
                    if (mineOnly) {
                        Map<String, ReportService.Pending> mine = new LinkedHashMap<>();
                        reports.statuses(cycle, user.unitId()).forEach(p -> mine.put(p.period().code(), p));
                        vars.put("mine", mine);
                        vars.put("unitCode", user.unitCode());
                    }
                    return vars;
                }));
        if (user.isAdmin()) {
            model.asMap().putIfAbsent("calendarForm", CalendarForm.of(calendars.calendar(cycle)));
        }
        return "reporting/periods";
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/calendar")
    String calendar(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @jakarta.validation.Valid @ModelAttribute("calendarForm") CalendarForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // a day that is not a whole number (20.9, "abc") is refused as it is, never read as no day at all; a day out
        // of 1–31 is refused when bound (@DueDay), before the service
        return FormPage.of(result, model, response)
                .currentOnConflict(() -> CalendarForm.of(calendars.calendar(cycle)))
                .submit(() -> {
                    calendars.changeCalendar(user, cycle, form.monthDueDay(), form.quarterDueDay(),
                            form.halfDueDay(), form.yearDueDay(), form.selfAssessmentDue(), form.version());
                    redirect.addFlashAttribute("notice", "notice.calendarSaved");
                    return "redirect:/cycles/" + cycle.getYear() + "/reports";
                }, () -> periods(user, cycle, model));
    }

    @GetMapping("/cycles/{year}/reports/{period}")
    String period(Cycle cycle, @PathVariable String period, Model model) {
        ReportPeriod p = period(cycle, period);
        model.addAttribute("cycle", cycle);
        model.addAttribute("period", p);
        model.addAttribute("renderedUnits", fragments.everyone("reporting/period", "units",
                () -> Map.of("cycle", cycle, "period", p, "overview", reports.overview(cycle, p))));
        model.addAttribute("deadline", calendars.calendar(cycle).deadline(p));
        return "reporting/period";
    }

    @GetMapping("/cycles/{year}/self-assessment.docx")
    ResponseEntity<byte[]> selfAssessment(Cycle cycle) throws IOException {
        return downloads.selfAssessment(cycle);
    }

    @GetMapping("/cycles/{year}/reports/{period}.docx")
    ResponseEntity<byte[]> document(Cycle cycle, @PathVariable String period) throws IOException {
        return downloads.district(cycle, period(cycle, period));
    }

    @GetMapping("/cycles/{year}/reports/{period}/units/{unitCode}")
    String input(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, Model model) {
        ReportPeriod p = period(cycle, period);
        UnitInput input = reports.input(user, cycle, p, unitCode(unitCode));
        model.addAttribute("cycle", cycle);
        model.addAttribute("period", p);
        model.addAttribute("input", input);
        model.addAttribute("mayWrite", input.status().status() != ReportInputStatus.ACCEPTED
                && (user.isAdmin() || (user.isUnitHead() && user.unitId() != null
                        && user.unitId() == input.status().unit().id())));
        model.asMap().putIfAbsent("inputForm", InputForm.of(input));
        model.asMap().putIfAbsent("reviewForm", new ReviewForm(input.status().version(), ""));
        return "reporting/input";
    }

    @GetMapping("/cycles/{year}/reports/{period}/units/{unitCode}.docx")
    ResponseEntity<byte[]> inputDocument(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String period, @PathVariable String unitCode) throws IOException {
        return downloads.unit(user, cycle, period(cycle, period), unitCode(unitCode));
    }

    /** Saves the input; the button "send" (name {@code send}) sends it too. */
    @RefusedWhenClosed(InputWriters.class)
    @PostMapping("/cycles/{year}/reports/{period}/units/{unitCode}")
    String save(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @ModelAttribute("inputForm") InputForm form, BindingResult result,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String send, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ReportPeriod p = period(cycle, period);
        unitCode(unitCode);
        // a field that cannot be read (a task number that is no number): nothing is saved; a conflict shows the
        // current content
        return FormPage.of(result, model, response).currentOnConflict().submit(() -> {
            writes.save(user, cycle, p, unitCode, new ReportInputs.InputDraft(form.getVersion(),
                    form.getResults() == null ? Map.of() : form.getResults(),
                    form.getStatuses() == null ? Map.of() : form.getStatuses(), form.getDifficulties(),
                    form.getProposals(), send != null));
            redirect.addFlashAttribute("notice", send != null ? "notice.reportSent" : "notice.reportSaved");
            return "redirect:/cycles/" + cycle.getYear() + "/reports/" + p.code() + "/units/"
                    + unitCode.strip().toUpperCase(java.util.Locale.ROOT);
        }, () -> input(user, cycle, period, unitCode, model));
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/reports/{period}/units/{unitCode}/return")
    String returnInput(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, cycle, period, unitCode, result, model, redirect, response, "notice.reportReturned",
                () -> writes.returnInput(user, cycle, period(cycle, period), unitCode, form.version(),
                        form.reason()));
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/reports/{period}/units/{unitCode}/accept")
    String accept(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @ModelAttribute("reviewForm") ReviewForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return review(user, cycle, period, unitCode, result, model, redirect, response, "notice.reportAccepted",
                () -> writes.accept(user, cycle, period(cycle, period), unitCode, form.version()));
    }

    private String review(CurrentUser user, Cycle cycle, String period, String unitCode, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response, String notice, Runnable action) {
        ReportPeriod p = period(cycle, period);
        unitCode(unitCode);
        return FormPage.of(result, model, response).currentOnConflict().submit(() -> {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/cycles/" + cycle.getYear() + "/reports/" + p.code();
        }, () -> input(user, cycle, period, unitCode, model));
    }
}
