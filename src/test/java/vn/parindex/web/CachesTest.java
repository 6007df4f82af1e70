package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.parindex.system.NotFoundException;

/**
 * Every cache seen through {@link RevisionCaches}: a value is served while the data revision is unchanged, a write
 * (a new revision) makes the next call load again, and nothing is read or kept inside a transaction that may write.
 */
class CachesTest {

    final AtomicLong database = new AtomicLong(7);
    final AtomicInteger revisionReads = new AtomicInteger();
    final AtomicInteger loads = new AtomicInteger();
    final CaffeineCacheManager manager = manager();
    final DataRevision revisions = new DataRevision(() -> {
        revisionReads.incrementAndGet();
        return database.get();
    }, Duration.ZERO, System::nanoTime);
    final Cache cache = new RevisionCaches(manager, revisions).cache(Caches.SCOREBOARDS);

    static CaffeineCacheManager manager() {
        CaffeineCacheManager manager = new CaffeineCacheManager();
        new Caches().parindexCaches(new CacheProperties(null, null, null, null, null, null, null, null,
                new CacheProperties.Characters(100L * Caches.ENTRY_OVERHEAD), Duration.ofMinutes(30)))
                .customize(manager);
        return manager;
    }

    String get() {
        return Caches.get(cache, "k", () -> "v" + loads.incrementAndGet());
    }

    @AfterEach
    void leaveTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void servedWhileTheRevisionIsUnchangedAndLoadedAgainAfterAWrite() {
        assertThat(get()).isEqualTo("v1");
        assertThat(get()).isEqualTo("v1");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
        assertThat(get()).as("read-only transactions see kept values").isEqualTo("v1");
        assertThat(loads).hasValue(1);

        database.incrementAndGet(); // a write anywhere
        assertThat(get()).isEqualTo("v2");
        assertThat(get()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void theKeyOfTheMethodStillTellsValuesApart() {
        assertThat(Caches.get(cache, "a", () -> "A")).isEqualTo("A");
        assertThat(Caches.get(cache, "b", () -> "B")).isEqualTo("B");
        assertThat(Caches.get(cache, "a", () -> "other")).isEqualTo("A");
    }

    @Test
    void insideAWritingTransactionNothingIsReadOrKeptAndNoRevisionIsRead() {
        assertThat(get()).isEqualTo("v1");
        int reads = revisionReads.get();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(get()).isEqualTo("v2");
        assertThat(get()).isEqualTo("v3");
        assertThat(cache.get("k")).isNull();
        cache.put("k", "put inside");
        assertThat(revisionReads).hasValue(reads);
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(get()).as("what was kept before is still current").isEqualTo("v1");
    }

    @Test
    void aValueIsKeptOnlyThroughItsLoaderUnderTheRevisionReadBeforeIt() {
        assertThat(Caches.get(cache, "k", () -> {
            database.incrementAndGet(); // written while the value was being read
            return "read during a write";
        })).isEqualTo("read during a write");
        assertThat(get()).as("kept under the older revision, never served at the newer one").isEqualTo("v1");
        cache.put("p", "x");
        assertThat(cache.get("p")).as("put alone keeps nothing").isNull();
    }

    @Test
    void whatTheLoaderThrowsReachesTheCallerUnwrappedAndNothingIsKept() {
        assertThatThrownBy(() -> Caches.get(cache, "k", () -> {
            throw NotFoundException.cycle(1999);
        })).isInstanceOf(NotFoundException.class);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThatThrownBy(() -> Caches.get(cache, "k", () -> {
            throw NotFoundException.cycle(1999);
        })).isInstanceOf(NotFoundException.class);
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(((com.github.benmanes.caffeine.cache.Cache<?, ?>) cache.getNativeCache()).asMap()).isEmpty();
    }

    @Test
    void aCacheNameThatIsNotDeclaredFailsAtOnce() {
        assertThatThrownBy(() -> new RevisionCaches(manager, revisions).cache("typo"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyTinyFragmentsCannotOutgrowTheBoundOfTheFragmentsCache() {
        Cache fragments = manager.getCache(Caches.FRAGMENTS);
        for (int page = 0; page < 10_000; page++) {
            fragments.put("criteria:1:" + page, "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        fragments.put("html", "<p>x</p>");
        var caffeine = (com.github.benmanes.caffeine.cache.Cache<?, ?>) fragments.getNativeCache();
        caffeine.cleanUp();
        assertThat(caffeine.estimatedSize()).isLessThanOrEqualTo(100);
        assertThat(caffeine.estimatedSize()).isGreaterThan(10);
    }
}
