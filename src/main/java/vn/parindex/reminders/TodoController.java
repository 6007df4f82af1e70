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
    private final vn.parindex.web.RenderedFragments fragments;

    TodoController(TodoService todo, vn.parindex.web.RenderedFragments fragments) {
        this.todo = todo;
        this.fragments = fragments;
    }

    /**
     * The list; the late items of a year that is over folded into one line, unless {@code all} (every row, which
     * that line links to).
     */
    @GetMapping("/todo")
    String page(@AuthenticationPrincipal CurrentUser user,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean all, Model model) {
        TodoList list = todo.forUser(user);
        model.addAttribute("todo", list);
        model.addAttribute("all", all);
        // the list's table, kept with the list (same unit, revision and day) and per kind of reader (the links)
        boolean unit = !list.district();
        model.addAttribute("renderedList", fragments.html(java.util.List.of(unit ? user.unitId() : "district",
                user.isAdmin() ? "admin" : "reader"), "reminders/todo", "list",
                () -> java.util.Map.of("todo", list, "all", all)));
        return "reminders/todo";
    }

    @GetMapping(path = "/todo/count", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> count(@AuthenticationPrincipal CurrentUser user) {
        TodoList list = todo.forUser(user);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(list.badgeCount() + " " + list.badgeLate());
    }
}
