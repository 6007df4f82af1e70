package vn.parindex.web;

import vn.parindex.system.BodyScope;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How every {@code @Cacheable} of the application finds its cache: the Caffeine cache of that name
 * ({@link Caches}), seen through {@link AtRevision}, which adds the {@linkplain DataRevision data revision} to the
 * key the method's parameters make. So a value is served while nothing it was read from changed, and a write
 * anywhere (the app, another instance, psql) makes the next call miss; entries of older revisions are never read
 * again and leave by the size bound. The revision is read before the method runs: what it reads is at least as new.
 *
 * <p>Every {@code @Cacheable} here says {@code sync = true} (one load for parallel callers): a value is only ever
 * kept through {@link Cache#get(Object, Callable)}, under the revision read before the loader ran.
 */
final class RevisionCaches implements CacheResolver {

    private final CacheManager manager;
    private final DataRevision revisions;
    private final Map<String, Cache> caches = new ConcurrentHashMap<>();

    RevisionCaches(CacheManager manager, DataRevision revisions) {
        this.manager = manager;
        this.revisions = revisions;
    }

    @Override
    public Collection<? extends Cache> resolveCaches(CacheOperationInvocationContext<?> context) {
        return context.getOperation().getCacheNames().stream().map(this::cache).toList();
    }

    Cache cache(String name) {
        return caches.computeIfAbsent(name, n -> {
            Cache cache = manager.getCache(n);
            if (cache == null) {
                throw new IllegalStateException("No cache named " + n + " in Caches");
            }
            return new AtRevision(cache, revisions);
        });
    }

    /** True inside a transaction that may write: what it sees may not be committed yet, or never be. */
    static boolean insideWritingTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }

    /**
     * A cache whose keys carry the data revision. Inside a writing transaction nothing is read from it or put in
     * it and the revision is not read: the method simply runs.
     */
    static final class AtRevision implements Cache {

        /**
         * What a value is kept under: the method's key at the revision it was read at, in the body it was read for
         * ({@link BodyScope}: the same year or address is another body's data in another body).
         */
        record Key(long revision, BodyScope.Scope body, Object key) {
        }

        private final Cache kept;
        private final DataRevision revisions;

        AtRevision(Cache kept, DataRevision revisions) {
            this.kept = kept;
            this.revisions = revisions;
        }

        @Override
        public String getName() {
            return kept.getName();
        }

        @Override
        public Object getNativeCache() {
            return kept.getNativeCache();
        }

        @Override
        public ValueWrapper get(Object key) {
            return insideWritingTransaction() ? null : kept.get(new Key(revisions.current(), BodyScope.current(), key));
        }

        @Override
        public <T> T get(Object key, Class<T> type) {
            return insideWritingTransaction() ? null : kept.get(new Key(revisions.current(), BodyScope.current(), key), type);
        }

        @Override
        public <T> T get(Object key, Callable<T> loader) {
            if (!insideWritingTransaction()) {
                return kept.get(new Key(revisions.current(), BodyScope.current(), key), loader);
            }
            try {
                return loader.call();
            } catch (Exception e) {
                throw new ValueRetrievalException(key, loader, e);
            }
        }

        /** Not kept: the revision read now may be newer than the value (use {@code sync = true}). */
        @Override
        public void put(Object key, Object value) {
        }

        @Override
        public void evict(Object key) {
            // the key of every revision: only the current one can still be read
            kept.evict(new Key(revisions.current(), BodyScope.current(), key));
        }

        @Override
        public void clear() {
            kept.clear();
        }
    }
}
