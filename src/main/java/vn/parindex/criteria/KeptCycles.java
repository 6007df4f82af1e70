package vn.parindex.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import vn.parindex.web.Caches;
import vn.parindex.web.DataRevision;

/**
 * The cycles, and from them the cycle of a year and the current cycle, kept in the {@value Caches#CYCLES} cache under the
 * {@linkplain DataRevision data revision} (read before the cycle, so what is kept is at least as new): a request
 * that names a year reads nothing but the revision while it is current. Every page and API call that names a year
 * comes through here ({@link CycleArgumentResolver}); the profile of the criterion page showed the year's own
 * transaction at 15 % of the page's CPU before.
 *
 * <p>A kept cycle is shared between requests: read it, never change it. Inside a writing transaction nothing is
 * read from or put in the cache: what that transaction sees may not be committed yet, or never be.
 */
@Service
public class KeptCycles {

    /** What the list of all cycles is kept under. */
    record AllKey(long revision) {
    }

    private final CriteriaCatalog catalog;
    private final DataRevision revisions;
    private final Cache cycles;

    KeptCycles(CriteriaCatalog catalog, DataRevision revisions, CacheManager caches) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.cycles = caches.getCache(Caches.CYCLES);
    }

    /**
     * The cycle of a year, or empty when there is none: taken from {@link #all()} (a district has a cycle a year, a
     * handful in all), so a page that resolves its year and offers the year selector reads the cycles once.
     */
    public Optional<Cycle> byYear(int year) {
        return all().stream().filter(c -> c.getYear() == year).findFirst();
    }

    /** The latest cycle that is not closed, else the latest; empty when there is no cycle at all. */
    public Optional<Cycle> current() {
        return CriteriaCatalog.current(all());
    }

    /** Every cycle, latest first (what the year selectors offer). */
    public List<Cycle> all() {
        return Caches.get(cycles, () -> new AllKey(revisions.current()), () -> List.copyOf(catalog.cycles()));
    }
}
