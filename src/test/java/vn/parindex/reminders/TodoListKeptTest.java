package vn.parindex.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * The to-do list is kept per data revision and day (every page asks for its count): read again after a write,
 * and nothing but the revision read while none happened.
 */
@WorkflowTest
class TodoListKeptTest {

    @Autowired
    TodoService todo;

    @Autowired
    KeptCycles cycles;

    @Autowired
    StatementCounter statements;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void keptUntilTheDataChanges() throws Exception {
        var cycle = cycles.byYear(2023).orElseThrow();
        long unit = jdbc.queryForObject("select id from unit where code = 'THANHTRA'", Long.class);
        long task = jdbc.queryForObject("select min(tu.task_id) from task_unit tu where tu.unit_id = ? and tu.role = 'LEAD'"
                + " and (select status from task where id = tu.task_id) <> 'DONE'", Long.class, unit);
        TodoList first = todo.list(cycle, unit, "THANHTRA");
        assertThat(first.items()).anyMatch(i -> i.link().equals("/tasks/" + task));

        statements.reset();
        TodoList again = todo.list(cycle, unit, "THANHTRA");
        assertThat(again).isSameAs(first);
        assertThat(statements.count()).as("only the data revision").isLessThanOrEqualTo(1);

        // the task is done: the next list no longer has it
        mvc.perform(post("/api/v1/tasks/" + task + "/updates").with(httpBasic("noivu", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Hoàn thành\", \"status\": \"DONE\"}"))
                .andExpect(status().isCreated());
        TodoList after = todo.list(cycle, unit, "THANHTRA");
        assertThat(after.items()).noneMatch(i -> i.link().equals("/tasks/" + task));
        assertThat(after.items()).hasSize(first.items().size() - 1);
    }
}
