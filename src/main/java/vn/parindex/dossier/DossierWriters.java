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
    static final class Explainers implements YearWriters {

        private final CriteriaCatalog catalog;
        private final DossierService dossiers;

        Explainers(CriteriaCatalog catalog, DossierService dossiers) {
            this.catalog = catalog;
            this.dossiers = dossiers;
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            return criterion(catalog, cycle, path).map(c -> dossiers.mayExplain(user, c)).orElse(false);
        }
    }

    /** Who may attach files: the lead or coordinating unit's head, Home Affairs. */
    @Component
    static final class Attachers implements YearWriters {

        private final CriteriaCatalog catalog;
        private final DossierService dossiers;

        Attachers(CriteriaCatalog catalog, DossierService dossiers) {
            this.catalog = catalog;
            this.dossiers = dossiers;
        }

        @Override
        public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
            return criterion(catalog, cycle, path).map(c -> dossiers.mayAttach(user, c)).orElse(false);
        }
    }

    private static java.util.Optional<CriterionView> criterion(CriteriaCatalog catalog, Cycle cycle,
            Map<String, String> path) {
        String code = path.get("code");
        return code == null ? java.util.Optional.empty()
                : catalog.cycle(cycle).criteria().stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
