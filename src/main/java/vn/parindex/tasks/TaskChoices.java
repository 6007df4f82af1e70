package vn.parindex.tasks;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.Cycle;

/** What the task form offers: the active units, the cycle's domains, and the criteria a task may name. */
@Service
public class TaskChoices {

    private final JdbcClient jdbc;

    TaskChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A choice in a form: a code and its name. */
    public record Choice(String code, String name) {
    }

    /** The active units, as a form offers them (offices first, then communes). */
    @Transactional(readOnly = true)
    public List<Choice> unitChoices() {
        return jdbc.sql("select code, name from unit where active order by kind desc, id")
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    /** Whether the body has an active commune: only then may a task name all communes. */
    @Transactional(readOnly = true)
    public boolean hasCommunes() {
        return jdbc.sql("select exists (select 1 from unit where kind = 'COMMUNE' and active)").query(Boolean.class)
                .single();
    }

    /** The cycle's domains, in order. */
    @Transactional(readOnly = true)
    public List<Choice> domainChoices(Cycle cycle) {
        return jdbc.sql("select code, name from criterion where cycle_id = ? and level = 1 order by position, code")
                .param(cycle.getId()).query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    /** A criterion a task may name, in its domain: a criterion (level 2) or a sub-criterion (level 3 and below). */
    public record CriterionChoice(String domainCode, String code, String name, int level) {
    }

    /**
     * The cycle's criteria and sub-criteria (every row but the domains), in the appendix's order (1.1, 1.2, …, 1.10),
     * for the task form's checkboxes grouped by domain.
     */
    @Transactional(readOnly = true)
    public List<CriterionChoice> criterionChoices(Cycle cycle) {
        List<CriterionChoice> choices = new java.util.ArrayList<>(jdbc.sql(
                "select code, name, level from criterion where cycle_id = ? and level > 1")
                .param(cycle.getId()).query((rs, n) -> new CriterionChoice(rs.getString(1).split("\\.")[0],
                        rs.getString(1), rs.getString(2), rs.getInt(3))).list());
        choices.sort(java.util.Comparator.comparing(CriterionChoice::code, TaskChoices::compareCodes));
        return choices;
    }

    /** Codes compared part by part, numbers as numbers: 1.2 before 1.10. */
    static int compareCodes(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
