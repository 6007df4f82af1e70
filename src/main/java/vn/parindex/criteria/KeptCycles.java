package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.parindex.web.Caches;

/**
 * The cycles, and from them the cycle of a year and the current cycle. Every page and API call that names a year
 * comes through here ({@link CycleArgumentResolver}); the cycles are kept per data revision as immutable
 * {@link CycleSummary} records ({@link CriteriaCatalog#cycleSummaries()}), and each caller gets detached
 * {@link Cycle} entities of its own. Inside a writing transaction the cycles are that transaction's own entities,
 * as read by it.
 */
@Service
public class KeptCycles {

    private final CriteriaCatalog catalog;

    KeptCycles(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    /** The cycle of a year, or empty when there is none. */
    public Optional<Cycle> byYear(int year) {
        if (Caches.insideWritingTransaction()) {
            return all().stream().filter(c -> c.getYear() == year).findFirst();
        }
        return catalog.cycleSummaries().stream().filter(c -> c.year() == year).findFirst()
                .map(CycleSummary::toCycle);
    }

    /** The latest cycle that is not closed, else the latest; empty when there is no cycle at all. */
    public Optional<Cycle> current() {
        return CriteriaCatalog.current(all());
    }

    /** Every cycle, latest first (what the year selectors offer). */
    public List<Cycle> all() {
        if (Caches.insideWritingTransaction()) {
            return catalog.cycles();
        }
        return catalog.cycleSummaries().stream().map(CycleSummary::toCycle).toList();
    }
}
