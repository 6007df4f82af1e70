package vn.parindex.dossier;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;

/** Who could write a criterion's dossier ({@code {code}}) were the year open: {@link DossierService}'s rules. */
final class DossierWriters {

    private DossierWriters() {
    }

    /** Who may write the explanation: the lead unit's head, Home Affairs. */
    @Component
    static final class Explainers extends OnCriterion {

        Explainers(CriteriaCatalog catalog, DossierService dossiers) {
            super(catalog, dossiers::mayExplain);
        }
    }

    /** Who may attach files: the lead or coordinating unit's head, Home Affairs. */
    @Component
    static final class Attachers extends OnCriterion {

        Attachers(CriteriaCatalog catalog, DossierService dossiers) {
            super(catalog, dossiers::mayAttach);
        }
    }

    /** A rule of {@link DossierService} on the criterion {@code {code}} of the year; no such criterion: nobody. */
    abstract static class OnCriterion implements YearWriters {

        private final CriteriaCatalog catalog;
        private final java.util.function.BiPredicate<CurrentUser, CriterionView> rule;

        OnCriterion(CriteriaCatalog catalog, java.util.function.BiPredicate<CurrentUser, CriterionView> rule) {
            this.catalog = catalog;
            this.rule = rule;
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            String code = path.get("code");
            return code != null && catalog.cycle(cycle).criteria().stream().filter(c -> c.code().equals(code))
                    .findFirst().map(c -> rule.test(user, c)).orElse(false);
        }
    }
}
