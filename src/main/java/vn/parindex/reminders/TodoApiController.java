package vn.parindex.reminders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.security.CurrentUser;

/** The caller's list of what is due or late (HTTP Basic). */
@RestController
@Tag(name = "To do", description = "What is due or late: a unit's \"Việc cần làm\", the district's \"Việc cần đôn đốc\"")
class TodoApiController {

    private final TodoService todo;

    TodoApiController(TodoService todo) {
        this.todo = todo;
    }

    @Operation(summary = "The caller's to-do list", description = "For a unit head, what the unit owes (district "
            + "false); for Home Affairs and leaders, the whole district (district true): tasks due within 7 days or "
            + "overdue (TASK), report inputs due or late (REPORT_INPUT), inputs awaiting review (REPORT_REVIEW), "
            + "assessments returned and not sent again (ASSESSMENT_RETURNED) or awaiting review (ASSESSMENT_REVIEW), "
            + "criteria without a self-assessment as the deadline nears (SELF_ASSESSMENT_MISSING). Late items first. "
            + "items is always the whole list; when the list's year is over (yearOver: a past year or a closed cycle) "
            + "the pages fold its late items into one line, and foldedLate says how many.")
    @ApiResponse(responseCode = "200", description = "The list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TodoList.class)))
    @GetMapping("/api/v1/todo")
    TodoList todo(@AuthenticationPrincipal CurrentUser user) {
        return todo.forUser(user);
    }
}
