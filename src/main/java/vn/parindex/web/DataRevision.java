package vn.parindex.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import vn.parindex.system.BodyScope;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The database's data revision, as the body this thread works on sees it ({@link BodyScope}): the sum of its rows of
 * table {@code data_revision} and of body 0's (what every body sees: the province's writes, the owner's), or of
 * every row for the province's pages. Database triggers bump the row of the writing connection's body and slot, in
 * the writing transaction, with every write to what the pages show (units, cycles, criteria, assignments,
 * assessments, evidence, history, accounts, tasks, reports…), so writers on different connections never wait for one
 * another (V16_3), a write in one body leaves every other body's kept values current (V20), and the sum changes
 * with every commit that wrote. What was read or rendered at one revision may be reused until it changes
 * ({@link Caches}).
 *
 * <p>Reading it is one small query; to spare even that on the busiest pages, the value read is trusted for a
 * short while ({@code parindex.pages.revision-check-interval}, 1 s) — but never while a write request of this
 * instance is under way, and never past the end of one: changes made through this instance show at once, changes
 * made elsewhere (another instance, psql) within that interval.
 */
@Component
public class DataRevision {

    private static final String REQUEST_REVISION = DataRevision.class.getName() + ".revision";

    private record Known(long revision, long generation, long readAt) {
    }

    /** A body's revision: its rows and body 0's (a scope of none reads body 0's only). */
    static final String QUERY = "select coalesce(sum(revision), 0) from data_revision where body_id in (0, ?)";
    /** Every body's revision: every row. */
    static final String QUERY_ALL = "select coalesce(sum(revision), 0) from data_revision";

    private final ToLongFunction<BodyScope.Scope> query;
    private final long trustNanos;
    /** The monotonic clock readings are timed with ({@link System#nanoTime()}; another one in tests). */
    private final LongSupplier nanoTime;
    private final AtomicInteger writesInFlight = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    /** The last reading per scope. */
    private final Map<BodyScope.Scope, Known> known = new ConcurrentHashMap<>();

    @Autowired
    DataRevision(JdbcTemplate jdbc, PagesProperties pages) {
        this(scope -> {
            Long revision = scope.all() ? jdbc.queryForObject(QUERY_ALL, Long.class)
                    : jdbc.queryForObject(QUERY, Long.class, scope.body() == null ? 0L : scope.body());
            return revision == null ? 0 : revision;
        }, pages.revisionCheckInterval(), System::nanoTime);
    }

    /** One revision for every scope (tests of the timing). */
    DataRevision(LongSupplier query, Duration checkInterval, LongSupplier nanoTime) {
        this(scope -> query.getAsLong(), checkInterval, nanoTime);
    }

    DataRevision(ToLongFunction<BodyScope.Scope> query, Duration checkInterval, LongSupplier nanoTime) {
        this.query = query;
        this.trustNanos = checkInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The revision, read from the database unless a recent reading can be trusted (see the class comment). Within
     * one request that does not write (GET, HEAD…) it is read at most once per body's scope: the tag of the answer,
     * the kept cycle and the kept page then agree on it. Per scope, because a request changes scope on its way (the
     * province's: none while its body is looked up, then the body's), and each scope's revision is its own number:
     * another scope's number would find values kept at another time under it.
     */
    public long current() {
        HttpServletRequest request = readingRequest();
        if (request == null) {
            return read();
        }
        String attribute = REQUEST_REVISION + ":" + BodyScope.current();
        if (request.getAttribute(attribute) instanceof Long revision) {
            return revision;
        }
        long revision = read();
        request.setAttribute(attribute, revision);
        return revision;
    }

    /** The request of this thread when it is one that does not write, else null. */
    private static HttpServletRequest readingRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && WriteRequests.READ_ONLY_METHODS.contains(attributes.getRequest().getMethod())) {
            return attributes.getRequest();
        }
        return null;
    }

    private long read() {
        BodyScope.Scope scope = BodyScope.current();
        long generationBefore = generation.get();
        Known k = known.get(scope);
        if (writesInFlight.get() == 0 && k != null && k.generation() == generationBefore
                && nanoTime.getAsLong() - k.readAt() < trustNanos) {
            return k.revision();
        }
        long readAt = nanoTime.getAsLong();
        long revision = query.applyAsLong(scope);
        if (writesInFlight.get() == 0 && generation.get() == generationBefore) {
            known.put(scope, new Known(revision, generationBefore, readAt));
        }
        return revision;
    }

    /** A request that may write has started: until it ends, every reading goes to the database. */
    public void writeStarted() {
        writesInFlight.incrementAndGet();
        generation.incrementAndGet();
    }

    /** That request has ended (its transaction committed or rolled back): earlier readings are forgotten. */
    public void writeEnded() {
        generation.incrementAndGet();
        writesInFlight.decrementAndGet();
    }
}
