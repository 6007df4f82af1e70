package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DataRevisionTest {

    final AtomicLong database = new AtomicLong(7);
    final AtomicLong queries = new AtomicLong();
    /** The clock the interval is measured with, in nanoseconds: moved by the tests only. */
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    DataRevision revision(Duration interval) {
        return new DataRevision(() -> {
            queries.incrementAndGet();
            return database.get();
        }, interval, now::get);
    }

    @Test
    void aReadingIsTrustedUntilTheIntervalHasPassedThenReadAgain() {
        DataRevision revision = revision(Duration.ofSeconds(1));
        assertThat(revision.current()).isEqualTo(7);
        database.set(8); // written elsewhere (psql, another instance)
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(revision.current()).as("within the interval").isEqualTo(7);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(revision.current()).as("the interval has passed").isEqualTo(8);
        assertThat(queries.get()).isEqualTo(2);
        database.set(9);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(revision.current()).as("the new reading is trusted for its own interval").isEqualTo(8);
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(revision.current()).isEqualTo(9);
    }

    @Test
    void aRecentReadingIsTrustedForTheInterval() {
        DataRevision revision = revision(Duration.ofMinutes(1));
        assertThat(revision.current()).isEqualTo(7);
        database.set(8); // written elsewhere
        assertThat(revision.current()).isEqualTo(7);
        assertThat(queries.get()).isEqualTo(1);
    }

    @Test
    void withoutAnIntervalEveryReadingGoesToTheDatabase() {
        DataRevision revision = revision(Duration.ZERO);
        revision.current();
        database.set(8);
        assertThat(revision.current()).isEqualTo(8);
        assertThat(queries.get()).isEqualTo(2);
    }

    @Test
    void whileAWriteIsUnderWayAndAfterItEndsTheDatabaseIsAsked() {
        DataRevision revision = revision(Duration.ofMinutes(1));
        revision.current();
        revision.writeStarted();
        database.set(8);
        assertThat(revision.current()).isEqualTo(8);
        database.set(9);
        assertThat(revision.current()).as("still writing").isEqualTo(9);
        revision.writeEnded();
        database.set(10);
        assertThat(revision.current()).as("first reading after the write").isEqualTo(10);
        database.set(11);
        assertThat(revision.current()).as("trusted again").isEqualTo(10);
    }

    @Test
    void aReadingThatRacedAWriteIsNotKept() {
        AtomicLong calls = new AtomicLong();
        DataRevision[] holder = new DataRevision[1];
        holder[0] = new DataRevision(() -> {
            if (calls.incrementAndGet() == 1) {
                // a write starts and ends while the first reading is on its way
                holder[0].writeStarted();
                holder[0].writeEnded();
                return 7;
            }
            return 8;
        }, Duration.ofMinutes(1), now::get);
        assertThat(holder[0].current()).isEqualTo(7);
        assertThat(holder[0].current()).as("the raced reading was not trusted").isEqualTo(8);
    }

    @Test
    void aRequestThatDoesNotWriteReadsTheRevisionOnceAWriteRequestEveryTime() {
        DataRevision revision = revision(Duration.ZERO);
        try {
            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                    new org.springframework.web.context.request.ServletRequestAttributes(
                            new org.springframework.mock.web.MockHttpServletRequest("GET", "/")));
            assertThat(revision.current()).isEqualTo(7);
            database.set(8);
            assertThat(revision.current()).as("the same reading for the whole request").isEqualTo(7);
            assertThat(queries.get()).isEqualTo(1);
            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                    new org.springframework.web.context.request.ServletRequestAttributes(
                            new org.springframework.mock.web.MockHttpServletRequest("POST", "/")));
            assertThat(revision.current()).isEqualTo(8);
            database.set(9);
            assertThat(revision.current()).as("a write request sees its own writes").isEqualTo(9);
            assertThat(queries.get()).isEqualTo(3);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    /**
     * A request that changes scope on its way (the province's: none while its body is looked up, then the body's)
     * reads each scope's own revision: another scope's number would find values kept under it at another time.
     */
    @Test
    void aRequestReadsTheRevisionOfEachScopeItWorksIn() {
        java.util.Map<vn.parindex.system.BodyScope.Scope, Long> perScope = new java.util.HashMap<>();
        DataRevision revision = new DataRevision(scope -> perScope.getOrDefault(scope, 0L), Duration.ZERO, now::get);
        perScope.put(vn.parindex.system.BodyScope.Scope.NONE, 155L);
        perScope.put(vn.parindex.system.BodyScope.Scope.of(1), 506L);
        try {
            org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                    new org.springframework.web.context.request.ServletRequestAttributes(
                            new org.springframework.mock.web.MockHttpServletRequest("GET", "/")));
            assertThat(revision.current()).isEqualTo(155);
            try (var body = vn.parindex.system.BodyScope.enter(vn.parindex.system.BodyScope.Scope.of(1))) {
                assertThat(revision.current()).isEqualTo(506);
            }
            assertThat(revision.current()).isEqualTo(155);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }
}
