package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.parindex.system.NotFoundException;

/** The one way values are kept: loaded once, never read or kept inside a transaction that may write. */
class CachesTest {

    final ConcurrentMapCache cache = new ConcurrentMapCache("test");
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger keys = new AtomicInteger();

    String get() {
        return Caches.get(cache, () -> {
            keys.incrementAndGet();
            return "k";
        }, () -> "v" + loads.incrementAndGet());
    }

    @AfterEach
    void leaveTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void keptOutsideTransactionsAndInReadOnlyOnes() {
        assertThat(get()).isEqualTo("v1");
        assertThat(get()).isEqualTo("v1");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
        assertThat(get()).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void insideAWritingTransactionNothingIsReadOrKeptAndNoKeyIsMade() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(get()).isEqualTo("v1");
        assertThat(get()).isEqualTo("v2");
        assertThat(keys).hasValue(0);
        assertThat(cache.getNativeCache()).isEmpty();
        TransactionSynchronizationManager.setActualTransactionActive(false);
        assertThat(get()).isEqualTo("v3");
        assertThat(get()).isEqualTo("v3");
    }

    @Test
    void whatTheLoaderThrowsReachesTheCallerUnwrappedAndNothingIsKept() {
        assertThatThrownBy(() -> Caches.get(cache, () -> "k", () -> {
            throw NotFoundException.cycle(1999);
        })).isInstanceOf(NotFoundException.class);
        assertThat(cache.getNativeCache()).isEmpty();
    }

    @Test
    void manyTinyFragmentsCannotOutgrowTheBoundOfTheFragmentsCache() {
        org.springframework.cache.caffeine.CaffeineCacheManager manager =
                new org.springframework.cache.caffeine.CaffeineCacheManager();
        long bound = 100 * Caches.ENTRY_OVERHEAD;
        new Caches().parindexCaches(new CacheProperties(null, null, null, null, null, null, null,
                new CacheProperties.Characters(bound), java.time.Duration.ofMinutes(30))).customize(manager);
        org.springframework.cache.Cache fragments = manager.getCache(Caches.FRAGMENTS);
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
