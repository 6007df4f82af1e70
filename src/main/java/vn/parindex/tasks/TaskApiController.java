package vn.parindex.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.UnitRef;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;

/** The plan's tasks and their progress (HTTP Basic; the same rules as the pages, enforced by the service). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tasks", description = "The plan's tasks (nhiệm vụ, giải pháp) with their units, dates, status and "
        + "progress updates")
class TaskApiController {

    record UnitJson(String code, String name) {

        static List<UnitJson> of(List<UnitRef> units) {
            return units.stream().map(u -> new UnitJson(u.code(), u.name())).toList();
        }
    }

    record LastUpdateJson(OffsetDateTime at, String by, String note, Integer percent) {
    }

    record TaskJson(long id, String domainCode, List<String> criterionCodes, String title, String description,
            List<UnitJson> leadUnits, List<UnitJson> coordinatingUnits, LocalDate startDate, LocalDate dueDate,
            String status, boolean overdue, LastUpdateJson lastUpdate, long version, boolean allCommunes) {

        static TaskJson of(TaskView t) {
            TaskView.LastUpdate u = t.lastUpdate();
            return new TaskJson(t.id(), t.domainCode(), t.criterionCodes(), t.title(), t.description(),
                    UnitJson.of(t.leadUnits()), UnitJson.of(t.coordinatingUnits()), t.startDate(), t.dueDate(),
                    t.status().name(), t.overdue(),
                    u == null ? null : new LastUpdateJson(u.at(), u.by(), u.note(), u.percent()), t.version(),
                    t.allCommunes());
        }
    }

    /** The percent as sent: a decimal such as 50.7 is refused (by the service), not cut to 50. */
    record UpdateRequest(String note, BigDecimal percent, String status) {
    }

    @Schema(description = "A task as Home Affairs writes it. Dates as yyyy-MM-dd or dd/MM/yyyy, within the cycle's "
            + "year; units and criteria by code. In a change (PATCH) a field left out stays as it is, a list sent "
            + "replaces the old one, and version is the version the change was made on. allCommunes: every active "
            + "commune of the body (those added later too) is a coordinating unit and reports on the task; refused "
            + "(400, field allCommunes) in a body without communes.")
    record TaskRequest(Long version, String title, String description, String domainCode,
            List<String> criterionCodes, List<String> leadUnits, List<String> coordinatingUnits, String startDate,
            String dueDate, String status, Boolean allCommunes) {

        TaskDraft draft() {
            return new TaskDraft(title, description, domainCode, criterionCodes, leadUnits, coordinatingUnits,
                    startDate, dueDate, status, allCommunes);
        }
    }

    private final TaskService tasks;
    private final TaskUpdates updates;
    private final TaskEditor editor;
    private final vn.parindex.web.KeptJson kept;

    TaskApiController(TaskService tasks, TaskUpdates updates, TaskEditor editor, vn.parindex.web.KeptJson kept) {
        this.kept = kept;
        this.tasks = tasks;
        this.updates = updates;
        this.editor = editor;
    }

    @Operation(summary = "Create a task", description = "Home Affairs adds a task at the end of the cycle's list: "
            + "title (required, at most 300 characters), description, domainCode (a domain of the cycle), "
            + "criterionCodes (criteria of that domain), leadUnits (at least one unit code), coordinatingUnits, "
            + "startDate and dueDate (within the cycle's year, due on or after start), status (default NOT_STARTED).")
    @ApiResponse(responseCode = "201", description = "Created: the task as read (Location: the cycle's tasks)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskJson.class)))
    @ApiResponse(responseCode = "400", description = "A field missing or wrong (errors[].field names each)")
    @ApiResponse(responseCode = "403", description = "Not Home Affairs")
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @ApiResponse(responseCode = "409", description = "The cycle is closed")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/cycles/{year}/tasks")
    ResponseEntity<TaskJson> create(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @RequestBody TaskRequest request) {
        long id = editor.create(user, cycle, request.draft());
        return ResponseEntity.created(URI.create("/api/v1/cycles/" + cycle.getYear() + "/tasks"))
                .body(TaskJson.of(tasks.task(id)));
    }

    @Operation(summary = "Change a task", description = "Home Affairs changes a task made on version: fields left "
            + "out stay as they are. Closing a task is setting its status to DONE.")
    @ApiResponse(responseCode = "200", description = "Changed: the task as read now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskJson.class)))
    @ApiResponse(responseCode = "400", description = "version missing, or a field wrong (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Not Home Affairs")
    @ApiResponse(responseCode = "404", description = "No task of that id")
    @ApiResponse(responseCode = "409", description = "Someone changed the task since that version, or its cycle "
            + "is closed")
    @RefusedWhenClosed(TaskWriters.Editors.class)
    @PatchMapping("/tasks/{id}")
    TaskJson change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody TaskRequest request) {
        editor.change(user, id, request.version(), request.draft());
        return TaskJson.of(tasks.task(id));
    }

    @Operation(summary = "A cycle's tasks", description = "The plan's tasks in its order (domain, then position), "
            + "each with its lead and coordinating units, dates, status (NOT_STARTED, IN_PROGRESS, DONE), whether it "
            + "is overdue (not done past its due date) and its latest progress update.")
    @ApiResponse(responseCode = "200", description = "The tasks", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = TaskJson.class))))
    @ApiResponse(responseCode = "400", description = "A unit code that cannot be one: other than 2–32 letters "
            + "without accents, digits and underscores (errors[].field = unit)")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @GetMapping("/cycles/{year}/tasks")
    ResponseEntity<byte[]> tasks(Cycle cycle,
            @Parameter(description = "Only the tasks this unit leads (its code, e.g. TUPHAP)")
            @RequestParam(required = false) String unit) {
        // kept per data revision and day ("overdue" changes at midnight); a bad code is refused before any is kept
        if (unit != null && !unit.isBlank()) {
            vn.parindex.organisation.Unit.code(unit)
                    .orElseThrow(() -> vn.parindex.system.InvalidInputException.of("unit", "unit.codeInvalid"));
        }
        return kept.ok(() -> tasks.tasks(cycle, unit).stream().map(TaskJson::of).toList());
    }

    @Operation(summary = "Record progress on a task", description = "The head of a lead unit of the task, or Home "
            + "Affairs, records what was done: a note (required, at most 4 000 characters), optionally a percent "
            + "(0–100) and a new status (NOT_STARTED, IN_PROGRESS, DONE).")
    @ApiResponse(responseCode = "201", description = "Recorded: the update's id (Location: the task's tasks list)")
    @ApiResponse(responseCode = "400", description = "note missing, too long or with a NUL character; percent not a "
            + "whole number from 0 to 100; a status other than NOT_STARTED, IN_PROGRESS, DONE (errors[].field)")
    @ApiResponse(responseCode = "403", description = "The account's unit does not lead the task, or the account is "
            + "a leader's")
    @ApiResponse(responseCode = "404", description = "No task of that id")
    @ApiResponse(responseCode = "409", description = "The task's cycle is closed")
    @RefusedWhenClosed(TaskWriters.Updaters.class)
    @PostMapping("/tasks/{id}/updates")
    ResponseEntity<Map<String, Object>> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody UpdateRequest request) {
        long update = updates.addUpdate(user, id, request.note(), request.percent(), request.status());
        TaskView task = tasks.task(id);
        return ResponseEntity.created(URI.create("/api/v1/cycles/" + task.year() + "/tasks"))
                .body(Map.of("id", update, "taskId", id, "status", task.status().name(), "version", task.version()));
    }
}
