package vn.parindex.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every cache of the application, in one place (Spring's cache abstraction, Caffeine behind it). Values are
 * declared where they are computed, with {@code @Cacheable(cacheNames = ..., sync = true)} and a key made of the
 * method's parameters; {@link RevisionCaches} (the cache resolver of every {@code @Cacheable}) adds the
 * {@linkplain DataRevision data revision} to that key, so a write anywhere (even with psql) makes the next call
 * miss; the entries of older revisions are never read again and leave by the size bound (least recently and least
 * frequently used first) or after {@code parindex.cache.expire-after-access}. What is kept is immutable (records),
 * never an entity. Nothing is read or kept inside a transaction that may write.
 *
 * <ul>
 *   <li>{@value #BODIES}: the deployment's bodies ({@code organisation.BodyRef}) — {@code organisation.Bodies}: every
 *       request of a province account resolves its body there, and its pages name it (bench/pages.sh: the
 *       province's to-do page 2,9 cpu-ms a request reading them each time);</li>
 *   <li>{@value #CYCLES}: the cycles ({@code criteria.CycleSummary}, latest first) — {@code criteria.KeptCycles};
 *       every page and API call that names a year resolves it there, so it then reads nothing but the revision;</li>
 *   <li>{@value #TREES}: a cycle's criteria tree with its units ({@code criteria.CycleView}), by cycle —
 *       {@code criteria.CycleTrees}; every criterion page, the reconciliation, the dossier and the unit pages read
 *       it (building it for each request was an eighth of a criterion page's CPU);</li>
 *   <li>{@value #SCOREBOARDS}: a cycle's scoreboard, by cycle — {@code scoring.ScoreboardService};</li>
 *   <li>{@value #DASHBOARDS}: a cycle's dashboard figures with the latest assessment statuses, by cycle —
 *       {@code dashboard.DashboardService};</li>
 *   <li>{@value #CRITERION_PAGES}: what every reader of a criterion's page sees alike (its trend, submissions,
 *       evidence, history, parts' statuses), by (criterion, day) — {@code assessment.CriterionPages};</li>
 *   <li>{@value #FRAGMENTS}: rendered HTML (the dashboard's content, the appendix, a domain's rows…), by (address,
 *       day, language, fragment, audience) — {@link RenderedFragments}; and read API answers as JSON bytes, by
 *       (address, day) — {@link KeptJson}; bounded by characters (or bytes) kept, since one whole appendix of a 2 000-criteria cycle
 *       is about a million;</li>
 *   <li>{@value #ACCOUNTS}: the account behind a user name (the one an API client sends with every request), by
 *       name — {@code security.DatabaseUserDetailsService}; a user name that matches no account is not kept;</li>
 *   <li>{@value #TODOS}: a unit's (or the district's) to-do list, by (cycle, unit, day: a task becomes overdue at
 *       midnight without a write) — {@code reminders.TodoService}; every page asks for its count (the navigation
 *       bar's badge);</li>
 *   <li>{@value #PAGES}: whole pages per person, language, address and day — {@link CachedPages} (the pages
 *       features declare with {@link KeptPages}); bounded by bytes.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class Caches {

    public static final String SCOREBOARDS = "scoreboards";
    public static final String DASHBOARDS = "dashboards";
    public static final String FRAGMENTS = "fragments";
    public static final String CYCLES = "cycles";
    public static final String BODIES = "bodies";
    public static final String PAGES = "pages";
    public static final String CRITERION_PAGES = "criterionPages";
    public static final String ACCOUNTS = "accounts";
    public static final String TODOS = "todos";
    public static final String TREES = "trees";

    /**
     * What an entry of {@value #FRAGMENTS} weighs beyond its characters or bytes (its key, the cache's own
     * records): many tiny entries (an empty API page for each of thousands of page numbers asked) cannot grow
     * past the bound either.
     */
    static final int ENTRY_OVERHEAD = 256;

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> parindexCaches(
            CacheProperties settings) {
        long cycles = settings.cycles().maximumSize();
        long pageBytes = settings.pages().maximumBytes();
        long scoreboards = settings.scoreboards().maximumSize();
        long dashboards = settings.dashboards().maximumSize();
        long criterionPages = settings.criterionPages().maximumSize();
        long accounts = settings.accounts().maximumSize();
        long todos = settings.todos().maximumSize();
        long trees = settings.trees().maximumSize();
        long fragmentCharacters = settings.fragments().maximumCharacters();
        Duration expireAfterAccess = settings.expireAfterAccess();
        return manager -> {
            manager.setAllowNullValues(false);
            // no other cache: a name used by mistake fails at once instead of growing without bound
            manager.setCacheNames(java.util.List.of());
            // bounded by bytes: one page of a 2 000-criteria cycle is about a megabyte, the Tân Yên plan's 30–100 KB
            manager.registerCustomCache(PAGES, Caffeine.newBuilder().maximumWeight(pageBytes).recordStats()
                    .<Object, Object>weigher((key, value) -> ENTRY_OVERHEAD + ((CachedPages.Page) value).bytes())
                    .expireAfterAccess(expireAfterAccess).build());
            // the deployment's bodies, one list per scope that asked (a body's people, the province)
            manager.registerCustomCache(BODIES, Caffeine.newBuilder().maximumSize(cycles).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(CYCLES, Caffeine.newBuilder().maximumSize(cycles).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(SCOREBOARDS, Caffeine.newBuilder().maximumSize(scoreboards).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(DASHBOARDS, Caffeine.newBuilder().maximumSize(dashboards).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(CRITERION_PAGES, Caffeine.newBuilder().maximumSize(criterionPages)
                    .recordStats().expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(ACCOUNTS, Caffeine.newBuilder().maximumSize(accounts).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(TREES, Caffeine.newBuilder().maximumSize(trees).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(TODOS, Caffeine.newBuilder().maximumSize(todos).recordStats()
                    .expireAfterAccess(expireAfterAccess).build());
            manager.registerCustomCache(FRAGMENTS, Caffeine.newBuilder().maximumWeight(fragmentCharacters).recordStats()
                    .<Object, Object>weigher((key, value) -> ENTRY_OVERHEAD + (value instanceof byte[] bytes ? bytes.length
                            : ((String) value).length()))
                    .expireAfterAccess(expireAfterAccess).build());
        };
    }

    /** Every {@code @Cacheable} finds its cache through {@link RevisionCaches}: the data revision is in every key. */
    @Bean
    CachingConfigurer revisionCaching(ObjectProvider<CacheManager> managers, ObjectProvider<DataRevision> revisions) {
        return new CachingConfigurer() {
            @Override
            public CacheResolver cacheResolver() {
                return new RevisionCaches(managers.getObject(), revisions.getObject());
            }
        };
    }

    /**
     * The cache of that name as {@code @Cacheable} methods see it (the data revision in every key): for what
     * keeps values without an annotation ({@link RenderedFragments}, {@link KeptJson}, {@link CachedPages}).
     */
    public static Cache atRevision(CacheManager manager, DataRevision revisions, String name) {
        return new RevisionCaches(manager, revisions).cache(name);
    }

    /** True inside a transaction that may write: nothing read there may be kept for others. */
    public static boolean insideWritingTransaction() {
        return RevisionCaches.insideWritingTransaction();
    }

    /**
     * The value kept under the key, else the loader's (kept, then returned; loaded once for parallel callers).
     * What the loader throws reaches the caller as it was thrown (a 404, a 503 while the database is gone), not
     * wrapped in Spring's {@link Cache.ValueRetrievalException}.
     */
    public static <T> T get(Cache cache, Object key, Supplier<T> loader) {
        try {
            return cache.get(key, loader::get);
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
