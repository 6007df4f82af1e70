package vn.parindex.reminders;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.parindex.security.CurrentUser;

/**
 * The to-do page and the count in the navigation bar. The count is its own small request, made by the page after
 * it loads, so that no page pays for the list's statements (and kept pages stay kept).
 */
@Controller
class TodoController {

    private final TodoService todo;

    TodoController(TodoService todo) {
        this.todo = todo;
    }

    @GetMapping("/todo")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("todo", todo.forUser(user));
        return "reminders/todo";
    }

    @GetMapping(path = "/todo/count", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> count(@AuthenticationPrincipal CurrentUser user) {
        TodoList list = todo.forUser(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(list.items().size() + " " + list.lateCount());
    }
}
