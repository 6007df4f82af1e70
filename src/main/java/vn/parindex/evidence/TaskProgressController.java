package vn.parindex.evidence;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.security.CurrentUser;
import vn.parindex.tasks.TaskService;
import vn.parindex.tasks.TaskUpdates;
import vn.parindex.web.FormPage;

/**
 * The task page's progress form, with its evidence documents: the permission first (403 for another unit's head or
 * a leader, 404 for no task), then the body and its files. A refused form shows the task page again ({@link FormPage}):
 * 400 with what was typed, 409 (a closed cycle) with the message.
 */
@Controller
class TaskProgressController {

    /** The progress form as typed, with the details of the documents sent with it (date of issue dd/MM/yyyy). */
    public record ProgressForm(String note, String percent, String status, String documentNumber, String issuedOn,
            String summary) {

        static ProgressForm of(HttpServletRequest request) {
            return new ProgressForm(request.getParameter("note"), request.getParameter("percent"),
                    request.getParameter("status"), request.getParameter("documentNumber"),
                    request.getParameter("issuedOn"), request.getParameter("summary"));
        }
    }

    private final TaskService tasks;
    private final TaskUpdates updates;
    private final TaskProgress progress;
    private final EvidenceService evidence;

    TaskProgressController(TaskService tasks, TaskUpdates updates, TaskProgress progress, EvidenceService evidence) {
        this.tasks = tasks;
        this.updates = updates;
        this.progress = progress;
        this.evidence = evidence;
    }

    @PostMapping("/tasks/{id}/updates")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // the permission first: the form's body (its files) is read only for those who may update the task
        updates.requireMayUpdate(user, id);
        // the form is read by hand, after the body was received; refused, it is shown again as typed
        return FormPage.of(model, response)
                .typed("progress", () -> ProgressForm.of(request))
                .submit(() -> {
                    try (Uploads uploads = Uploads.receive(request, "files", evidence.maxFileSize().toBytes(),
                            Uploads.Dates.PAGE)) {
                        ProgressForm form = ProgressForm.of(request);
                        progress.record(user, id, form.note(), TaskProgress.percent(form.percent()), form.status(),
                                uploads.files(), uploads.details());
                    }
                    redirect.addFlashAttribute("notice", "notice.taskProgressSaved");
                    return "redirect:/tasks/" + id;
                }, () -> {
                    model.addAttribute("task", tasks.task(id));
                    model.addAttribute("updates", updates.updates(id));
                    model.addAttribute("maxFileSizeMb", evidence.maxFileSize().toMegabytes());
                    return "tasks/task";
                });
    }
}
