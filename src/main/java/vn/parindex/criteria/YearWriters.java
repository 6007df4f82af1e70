package vn.parindex.criteria;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.parindex.security.CurrentUser;

/**
 * Who could make a write of a year were the year open ({@link RefusedWhenClosed}): the same rule the service asks
 * before its own check of the year, so that a closed year answers 409 only to them. The rules of criteria are here;
 * a feature with a rule of its own declares it as a bean beside its service.
 */
public interface YearWriters {

    /**
     * Whether this person could make the write addressed by these path variables in this cycle were it open; false
     * when it cannot tell (something named does not exist): the request then goes on as before.
     */
    boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path);

    /**
     * The year of a write addressed by an id rather than by its year (a task's, an assessment's): read with one
     * small statement from the path variables. Empty when the address names no such thing (an unknown id, one that
     * is no number): the request then goes on as before (404, 400), never told the year is closed. Asked only for
     * an address without {@code {year}}; a rule that never serves one keeps this default.
     */
    default Optional<Integer> yearOf(Map<String, String> path) {
        return Optional.empty();
    }

    /** The path variable {@code name} as a positive whole number (an id), if it is one. */
    static Optional<Long> id(Map<String, String> path, String name) {
        String text = path.get(name);
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    /** Home Affairs only (tasks, the calendar, reviews, scores, units, scoring methods, the appraisal). */
    @Component
    final class HomeAffairs implements YearWriters {

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            return user != null && user.isAdmin();
        }
    }

    /**
     * Who may submit a self-assessment of the criterion {@code {code}} ({@link ReviewPermissions#maySubmit}), and
     * for {@link Uploaders} Home Affairs too.
     */
    abstract class OnCriterion implements YearWriters {

        private final CriteriaCatalog catalog;
        private final ReviewPermissions permissions;
        private final boolean homeAffairsToo;

        OnCriterion(CriteriaCatalog catalog, ReviewPermissions permissions, boolean homeAffairsToo) {
            this.catalog = catalog;
            this.permissions = permissions;
            this.homeAffairsToo = homeAffairsToo;
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            String code = path.get("code");
            if (user == null || code == null) {
                return false;
            }
            CycleView tree = catalog.cycle(cycle);
            return tree.criteria().stream().filter(c -> c.code().equals(code)).findFirst()
                    .map(c -> permissions.maySubmit(user, c,
                            tree.criteria().stream().noneMatch(child -> code.equals(child.parentCode())))
                            || (homeAffairsToo && permissions.canEditScores(user)))
                    .orElse(false);
        }
    }

    /** Who may submit a self-assessment of the criterion {@code {code}}. */
    @Component
    final class Submitters extends OnCriterion {

        Submitters(CriteriaCatalog catalog, ReviewPermissions permissions) {
            super(catalog, permissions, false);
        }
    }

    /** Who may upload evidence on the criterion {@code {code}}: who may submit, and Home Affairs. */
    @Component
    final class Uploaders extends OnCriterion {

        Uploaders(CriteriaCatalog catalog, ReviewPermissions permissions) {
            super(catalog, permissions, true);
        }
    }
}
