package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.parindex.security.WebSliceSecurity.as;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.security.WebSliceSecurity;
import vn.parindex.support.ControllerSlice;

/**
 * The to-do API without a database ({@code @WebMvcTest}: this controller, the application's security rules and its
 * JSON; the service a stand-in): the list is the signed-in person's, written with ISO dates and the kinds' names;
 * no credentials is a 401 problem document; the address takes no write.
 */
@ControllerSlice
class TodoApiControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TodoService todo;

    static final TodoList UNITS_LIST = new TodoList(false, 2023, LocalDate.of(2023, 6, 8), List.of(
            new TodoItem(TodoItem.Kind.TASK, true, LocalDate.of(2023, 6, 1), "Kiểm tra văn bản", List.of("TUPHAP"),
                    "/tasks/12", 1),
            new TodoItem(TodoItem.Kind.ASSESSMENT_RETURNED, false, null, "2.2", List.of("TUPHAP"),
                    "/cycles/2023/criteria/2.2", 1)));

    @Test
    void theListIsTheSignedInPersonsWithIsoDatesAndKinds() throws Exception {
        when(todo.forUser(any())).thenReturn(UNITS_LIST);
        mvc.perform(get("/api/v1/todo").with(as(Role.UNIT_HEAD, "TUPHAP"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                .andExpect(jsonPath("$.district").value(false))
                .andExpect(jsonPath("$.year").value(2023))
                .andExpect(jsonPath("$.today").value("2023-06-08"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("TASK"))
                .andExpect(jsonPath("$.items[0].late").value(true))
                .andExpect(jsonPath("$.items[0].due").value("2023-06-01"))
                .andExpect(jsonPath("$.items[0].link").value("/tasks/12"))
                .andExpect(jsonPath("$.items[1].kind").value("ASSESSMENT_RETURNED"));
        ArgumentCaptor<CurrentUser> who = ArgumentCaptor.forClass(CurrentUser.class);
        verify(todo).forUser(who.capture());
        assertThat(who.getValue().unitCode()).isEqualTo("TUPHAP");
        assertThat(who.getValue().role()).isEqualTo(Role.UNIT_HEAD);
    }

    @Test
    void everyRoleHasAList() throws Exception {
        when(todo.forUser(any())).thenReturn(new TodoList(true, 2023, LocalDate.of(2023, 6, 8), List.of()));
        for (Role role : List.of(Role.ADMIN, Role.LEADER)) {
            mvc.perform(get("/api/v1/todo").with(as(role, null))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.district").value(true)).andExpect(jsonPath("$.items.length()").value(0));
        }
    }

    @Test
    void noCredentialsIsA401ProblemDocumentAndTheServiceIsNotAsked() throws Exception {
        mvc.perform(get("/api/v1/todo")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/problem+json")))
                .andExpect(jsonPath("$.status").value(401));
        verify(todo, never()).forUser(any());
    }

    @Test
    void theAddressTakesNoWrite() throws Exception {
        mvc.perform(post("/api/v1/todo").with(as(Role.ADMIN, null)).contentType("application/json").content("{}"))
                .andExpect(status().isMethodNotAllowed());
        verify(todo, never()).forUser(any());
    }
}
