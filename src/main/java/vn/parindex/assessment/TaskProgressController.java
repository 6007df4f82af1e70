package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.InvalidInputException;
import vn.parindex.tasks.TaskService;

/**
 * The task page's progress form, with its evidence documents: the permission first (403 for another unit's head or
 * a leader, 404 for no task), then the body and its files. Bad input shows the task page again with status 400 and
 * what was typed; a closed cycle is 409.
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
    private final TaskProgress progress;
    private final EvidenceService evidence;

    TaskProgressController(TaskService tasks, TaskProgress progress, EvidenceService evidence) {
        this.tasks = tasks;
        this.progress = progress;
        this.evidence = evidence;
    }

    @PostMapping("/tasks/{id}/updates")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletRequest request,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        // the permission first: the form's body (its files) is read only for those who may update the task
        tasks.requireMayUpdate(user, id);
        ProgressForm form = null;
        try (Uploads uploads = Uploads.receive(request, "files", evidence.maxFileSize().toBytes(),
                Uploads.Dates.PAGE)) {
            form = ProgressForm.of(request);
            progress.record(user, id, form.note(), TaskProgress.percent(form.percent()), form.status(),
                    uploads.files(), uploads.details());
            redirect.addFlashAttribute("notice", "notice.taskProgressSaved");
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            ProgressForm typed = form != null ? form : ProgressForm.of(request);
            BindingResult result = new BeanPropertyBindingResult(typed, "progress");
            e.rejectInto(result);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "progress", result);
            model.addAttribute("progress", typed);
            response.setStatus(400);
        } catch (ConflictException e) {
            model.addAttribute("progress", form != null ? form : ProgressForm.of(request));
            model.addAttribute("conflict", e.messageKey());
            response.setStatus(409);
        }
        model.addAttribute("task", tasks.task(id));
        model.addAttribute("updates", tasks.updates(id));
        model.addAttribute("maxFileSizeMb", evidence.maxFileSize().toMegabytes());
        return "tasks/task";
    }
}
