package vn.parindex.tasks;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.FormPage;

/**
 * The task pages: the cycle's tasks (filtered by unit, domain, status; "Nhiệm vụ của tôi" is a unit head's own),
 * a task with its progress and the forms to record progress (the lead unit's head, Home Affairs) and to create or
 * change a task (Home Affairs). Rules live in {@link TaskService}, {@link TaskUpdates} and {@link TaskEditor}, as
 * for the API; a refused form is shown again by {@link FormPage} (400 with what was typed, 409 with the current
 * values).
 */
@Controller
class TaskPageController {

    /**
     * The year's tasks served again without rendering while unchanged ({@link vn.parindex.web.CachedPages}:
     * measured below the goal when rendered for each request, figures in docs/ARCHITECTURE.md).
     */
    @org.springframework.context.annotation.Bean
    static vn.parindex.web.KeptPages keptTaskPages() {
        return new vn.parindex.web.KeptPages("/cycles/*/tasks");
    }

    /** A blank progress form. */
    public record ProgressForm(String note, String percent, String status, String documentNumber, String issuedOn,
            String summary) {
    }

    /**
     * A task as typed: dates dd/MM/yyyy; criteria and units ticked in checkbox lists (one value per box; a value
     * holding several codes separated by commas is read too, as the API's clients and older forms send them).
     */
    public record TaskForm(String title, String description, String domainCode, List<String> criterionCodes,
            List<String> leadUnits, List<String> coordinatingUnits, String startDate, String dueDate, String status,
            Long version, Boolean allCommunes) {

        static TaskForm of(TaskView t) {
            return new TaskForm(t.title(), t.description(), t.domainCode(), List.copyOf(t.criterionCodes()),
                    t.leadUnits().stream().map(u -> u.code()).toList(),
                    t.coordinatingUnits().stream().map(u -> u.code()).toList(),
                    t.startDate().format(TaskDraft.DAY_MONTH_YEAR), t.dueDate().format(TaskDraft.DAY_MONTH_YEAR),
                    t.status().name(), t.version(), t.allCommunes());
        }

        TaskDraft draft() {
            List<String> criteria = criterionCodes == null ? List.of() : criterionCodes.stream()
                    .filter(java.util.Objects::nonNull)
                    .flatMap(c -> Arrays.stream(c.split("[,;\\s]+"))).filter(c -> !c.isBlank()).toList();
            return new TaskDraft(title, description, domainCode, criteria, leadUnits == null ? List.of() : leadUnits,
                    coordinatingUnits == null ? List.of() : coordinatingUnits, startDate, dueDate, status,
                    allCommunes);
        }
    }

    /**
     * A row of the task list with its text ready (rendering is most of the page's cost: no expression per cell
     * beyond reading a field).
     */
    public record TaskRow(long id, String href, String domainCode, String title, String criteria, String leads,
            String due, String status, boolean overdue, String lastUpdate) {
    }

    private List<TaskRow> rows(List<TaskView> shown) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Map<String, String> statuses = new java.util.HashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            statuses.put(s.name(), messages.getMessage("taskStatus." + s.name(), null, locale));
        }
        return shown.stream().map(t -> {
            TaskView.LastUpdate u = t.lastUpdate();
            String last = u == null ? "" : fmt.dateTime(u.at())
                    + (u.percent() == null ? "" : " · " + u.percent() + "%");
            return new TaskRow(t.id(), "/tasks/" + t.id(), t.domainCode(), t.title(),
                    t.criterionCodes().isEmpty() ? "" : "(" + String.join(", ", t.criterionCodes()) + ")",
                    t.leadUnits().stream().map(vn.parindex.criteria.UnitRef::name)
                            .collect(java.util.stream.Collectors.joining(", ")),
                    t.dueDate().format(TaskDraft.DAY_MONTH_YEAR), statuses.get(t.status().name()), t.overdue(), last);
        }).toList();
    }

    /** Counts shown above a list: done, in progress, not started, overdue. */
    public record Counts(long done, long inProgress, long notStarted, long overdue) {

        static Counts of(List<TaskView> tasks) {
            return new Counts(tasks.stream().filter(t -> t.status() == TaskStatus.DONE).count(),
                    tasks.stream().filter(t -> t.status() == TaskStatus.IN_PROGRESS).count(),
                    tasks.stream().filter(t -> t.status() == TaskStatus.NOT_STARTED).count(),
                    tasks.stream().filter(TaskView::overdue).count());
        }
    }

    private final TaskService tasks;
    private final TaskUpdates updates;
    private final TaskChoices choices;
    private final TaskEditor editor;
    private final KeptCycles cycles;
    private final org.springframework.util.unit.DataSize maxFileSize;
    private final org.springframework.context.MessageSource messages;
    private final vn.parindex.web.VietnameseNumbers fmt;
    private final vn.parindex.web.RenderedFragments fragments;

    TaskPageController(TaskService tasks, TaskUpdates updates, TaskChoices choices, TaskEditor editor,
            KeptCycles cycles, org.springframework.context.MessageSource messages, vn.parindex.web.VietnameseNumbers fmt,
            vn.parindex.web.RenderedFragments fragments,
            vn.parindex.system.EvidenceProperties evidence) {
        this.maxFileSize = evidence.maxFileSize();
        this.messages = messages;
        this.fmt = fmt;
        this.fragments = fragments;
        this.tasks = tasks;
        this.updates = updates;
        this.choices = choices;
        this.editor = editor;
        this.cycles = cycles;
    }

    /** The current cycle's tasks; a unit head's own ("Nhiệm vụ của tôi"). */
    @GetMapping("/tasks")
    String current(@AuthenticationPrincipal CurrentUser user) {
        Cycle cycle = cycles.current().orElseThrow(() -> new NotFoundException("notFound.noCycle"));
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/cycles/{year}/tasks");
        if (user.isUnitHead() && user.unitCode() != null) {
            target.queryParam("unit", user.unitCode());
        }
        return "redirect:" + target.buildAndExpand(cycle.getYear()).toUriString();
    }

    @GetMapping("/cycles/{year}/tasks")
    String list(Cycle cycle, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String domain, @RequestParam(required = false) String status,
            Model model) {
        String code;
        try {
            code = unit == null || unit.isBlank() ? "" : vn.parindex.organisation.Unit.code(unit).orElseThrow();
        } catch (java.util.NoSuchElementException e) {
            // on a page, an address naming no unit that can be is a page not found, as an unknown unit is
            throw new NotFoundException("notFound.unitCode", unit.length() > 32 ? unit.substring(0, 32) : unit);
        }
        List<TaskChoices.Choice> domains = choices.domainChoices(cycle);
        String d = domain == null || domains.stream().noneMatch(c -> c.code().equals(domain)) ? "" : domain;
        String st = status == null || !java.util.Set.of("NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE")
                .contains(status) ? "" : status;
        // the counts and the table, kept per data revision and day (rendering them was most of the page's cost)
        model.addAttribute("renderedTable", fragments.everyone("tasks/table", "table", () -> {
                    List<TaskView> shown = tasks.tasks(cycle, code.isEmpty() ? null : code).stream()
                            .filter(t -> d.isEmpty() || t.domainCode().equals(d))
                            .filter(t -> st.isEmpty() || ("OVERDUE".equals(st) ? t.overdue()
                                    : t.status().name().equals(st)))
                            .toList();
                    return java.util.Map.of("tasks", rows(shown), "counts", Counts.of(shown));
                }));
        model.addAttribute("cycle", cycle);
        model.addAttribute("unit", unit == null ? "" : unit.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("domain", d);
        model.addAttribute("status", st);
        model.addAttribute("units", choices.unitChoices());
        model.addAttribute("domains", domains);
        return "tasks/list";
    }

    /** How many of the cycle's tasks are overdue today, for the dashboard's warning (plain text, never kept). */
    @GetMapping(path = "/cycles/{year}/tasks/overdue-count", produces = "text/plain")
    org.springframework.http.ResponseEntity<String> overdueCount(Cycle cycle) {
        long overdue = tasks.overdueCount(cycle);
        return org.springframework.http.ResponseEntity.ok()
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(Long.toString(overdue));
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        TaskView task = tasks.task(id);
        model.addAttribute("task", task);
        model.addAttribute("updates", updates.updates(id));
        // the progress form (posted to evidence.TaskProgressController, which owns the evidence store)
        model.asMap().putIfAbsent("progress", new ProgressForm("", "", task.status().name(), "", "", ""));
        model.addAttribute("maxFileSizeMb", maxFileSize.toMegabytes());
        return "tasks/task";
    }

    @GetMapping("/cycles/{year}/tasks/new")
    String newTask(Cycle cycle, Model model) {
        model.asMap().putIfAbsent("taskForm", new TaskForm("", "", "", List.of(), List.of(), List.of(),
                "01/01/" + cycle.getYear(), "31/12/" + cycle.getYear(), TaskStatus.NOT_STARTED.name(), null, false));
        return form(cycle, null, model);
    }

    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/tasks")
    String create(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @ModelAttribute("taskForm") TaskForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return FormPage.of(result, model, response).submit(() -> {
            long id = editor.create(user, cycle, form.draft());
            redirect.addFlashAttribute("notice", "notice.taskSaved");
            return "redirect:/tasks/" + id;
        }, () -> form(cycle, null, model));
    }

    @GetMapping("/tasks/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TaskView task = tasks.task(id);
        model.asMap().putIfAbsent("taskForm", TaskForm.of(task));
        return form(cycles.byYear(task.year()).orElseThrow(), task, model);
    }

    @RefusedWhenClosed(TaskWriters.Editors.class)
    @PostMapping("/tasks/{id}")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("taskForm") TaskForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // a conflict shows the current values, to check and change again
        return FormPage.of(result, model, response)
                .currentOnConflict(() -> TaskForm.of(tasks.task(id)))
                .submit(() -> {
                    editor.change(user, id, form.version(), form.draft());
                    redirect.addFlashAttribute("notice", "notice.taskSaved");
                    return "redirect:/tasks/" + id;
                }, () -> {
                    TaskView task = tasks.task(id);
                    return form(cycles.byYear(task.year()).orElseThrow(), task, model);
                });
    }

    private String form(Cycle cycle, TaskView task, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("task", task);
        model.addAttribute("units", choices.unitChoices());
        // "all communes" where the body has communes (or the task names them, to clear it)
        model.addAttribute("offerAllCommunes", choices.hasCommunes() || (task != null && task.allCommunes()));
        model.addAttribute("domains", choices.domainChoices(cycle));
        List<TaskChoices.CriterionChoice> criteria = choices.criterionChoices(cycle);
        model.addAttribute("criteria", criteria);
        // the criteria ticked (as typed, or as stored) and the domains to show open: the task's and those ticked in
        java.util.Set<String> chosen = new java.util.HashSet<>();
        if (model.getAttribute("taskForm") instanceof TaskForm typed) {
            chosen.addAll(typed.draft().criterionCodes());
        }
        model.addAttribute("chosenCriteria", chosen);
        model.addAttribute("openDomains", criteria.stream().filter(c -> chosen.contains(c.code()))
                .map(TaskChoices.CriterionChoice::domainCode).collect(java.util.stream.Collectors.toSet()));
        return "tasks/edit";
    }
}
