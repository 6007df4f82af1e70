package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.support.IntegrationTest;

/**
 * Two {@link ClusterJobs} on one database stand for two instances of the application: a job runs once per due time,
 * and the job of an instance that died is run by the other.
 */
@IntegrationTest
class ClusterJobsTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** A job every day at 01:30 UTC that counts its runs and does {@code work}. */
    static class CountingJob implements ClusterJob {
        final String name = "test-" + System.nanoTime();
        final AtomicInteger runs = new AtomicInteger();
        volatile Runnable work = () -> { };

        @Override
        public String jobName() {
            return name;
        }

        @Override
        public String cron() {
            return "0 30 1 * * *";
        }

        @Override
        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public void runJob() {
            runs.incrementAndGet();
            work.run();
        }
    }

    static final Instant DUE = Instant.parse("2026-12-08T01:30:00Z");

    ClusterJobs instance(String name, CountingJob job, TestClock clock) {
        return new ClusterJobs(jdbc, List.of(job), clock, Duration.ofSeconds(30), name);
    }

    String outcome(CountingJob job) {
        return jdbc.queryForObject("select outcome from runtime.job_run where job = ? and due_at = ?", String.class,
                job.name, Timestamp.from(DUE));
    }

    @Test
    void aJobRunsOncePerDueTimeHoweverManyInstancesLook() throws Exception {
        CountingJob job = new CountingJob();
        TestClock clock = new TestClock(DUE.plusSeconds(10));
        ClusterJobs a = instance("a", job, clock);
        ClusterJobs b = instance("b", job, clock);
        // both look at the same moment: one wins the claim
        CountDownLatch start = new CountDownLatch(1);
        job.work = () -> sleep(300);
        AtomicInteger ran = new AtomicInteger();
        List<Thread> threads = List.of(a, b).stream().map(instance -> new Thread(() -> {
            await(start);
            ran.addAndGet(instance.runDue());
        })).toList();
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(job.runs).hasValue(1);
        assertThat(ran).hasValue(1);
        assertThat(outcome(job)).isEqualTo("DONE");
        // later looks, by either, until the next due time: nothing
        clock.now.set(DUE.plus(Duration.ofHours(5)));
        assertThat(a.runDue() + b.runDue()).isZero();
        // the next day's due time: once more
        clock.now.set(DUE.plus(Duration.ofDays(1)).plusSeconds(30));
        assertThat(b.runDue() + a.runDue()).isEqualTo(1);
        assertThat(job.runs).hasValue(2);
        // a schedule missed by every instance for longer than the catch-up window is not run
        clock.now.set(DUE.plus(Duration.ofDays(2)).plus(Duration.ofHours(7)));
        assertThat(a.runDue()).isZero();
    }

    @Test
    void theJobOfAnInstanceThatDiedIsRunByAnotherOnceItsLeaseRanOut() {
        CountingJob job = new CountingJob();
        TestClock clock = new TestClock(DUE.plusSeconds(40));
        // "dead" claimed it at DUE with a lease of 30 s, then died (no renewal, never finished)
        jdbc.update("insert into runtime.job_run (job, due_at, claimed_by, claimed_until) values (?, ?, 'dead', ?)",
                job.name, Timestamp.from(DUE), Timestamp.from(DUE.plusSeconds(60)));
        ClusterJobs b = instance("b", job, clock);
        // its lease still runs: left to it
        assertThat(b.runDue()).isZero();
        clock.now.set(DUE.plusSeconds(61));
        assertThat(b.runDue()).isEqualTo(1);
        assertThat(job.runs).hasValue(1);
        assertThat(jdbc.queryForObject("select claimed_by || ' ' || attempts || ' ' || outcome from runtime.job_run "
                + "where job = ?", String.class, job.name)).isEqualTo("b 2 DONE");
    }

    @Test
    void aJobThatKeepsKillingItsInstanceIsLeftAloneAfterThreeAttempts() {
        CountingJob job = new CountingJob();
        TestClock clock = new TestClock(DUE.plusSeconds(600));
        jdbc.update("insert into runtime.job_run (job, due_at, claimed_by, claimed_until, attempts) "
                + "values (?, ?, 'dead', ?, 3)", job.name, Timestamp.from(DUE), Timestamp.from(DUE.plusSeconds(30)));
        assertThat(instance("b", job, clock).runDue()).isZero();
        assertThat(job.runs).hasValue(0);
    }

    @Test
    void aFailedRunIsMarkedAndNotRunAgainBeforeTheNextDueTime() throws Exception {
        CountingJob job = new CountingJob();
        job.work = () -> {
            throw new IllegalStateException("disk full");
        };
        TestClock clock = new TestClock(DUE.plusSeconds(5));
        ClusterJobs a = instance("a", job, clock);
        // the failure is provoked: the ERROR line production writes for it is expected here
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        vn.parindex.support.ExpectedErrors.whileSilencing(() -> ran.set(a.runDue()), ClusterJobs.class.getName());
        assertThat(ran).hasValue(1);
        assertThat(outcome(job)).isEqualTo("FAILED");
        clock.now.set(DUE.plusSeconds(600));
        assertThat(instance("b", job, clock).runDue()).isZero();
        assertThat(job.runs).hasValue(1);
    }

    @Test
    void aLongRunRenewsItsClaimSoNobodyTakesItOver() {
        CountingJob job = new CountingJob();
        TestClock clock = new TestClock(DUE.plusSeconds(1));
        ClusterJobs a = new ClusterJobs(jdbc, List.of(job), clock, Duration.ofSeconds(3), "a");
        AtomicInteger othersRan = new AtomicInteger();
        job.work = () -> {
            // the run takes longer than its lease: the clock moves past it, the renewal (every second) follows
            clock.now.set(DUE.plusSeconds(100));
            sleep(2_500);
            othersRan.set(new ClusterJobs(jdbc, List.of(new CountingJob() {
                @Override
                public String jobName() {
                    return job.name;
                }
            }), clock, Duration.ofSeconds(3), "b").runDue());
        };
        assertThat(a.runDue()).isEqualTo(1);
        assertThat(othersRan).hasValue(0);
        assertThat(job.runs).hasValue(1);
    }

    @Test
    void badSettingsAreRefused() {
        CountingJob job = new CountingJob();
        TestClock clock = new TestClock(DUE);
        assertThatThrownBy(() -> new ClusterJobs(jdbc, List.of(job), clock, Duration.ofSeconds(1), "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterJobs(jdbc, List.of(new CountingJob() {
            @Override
            public String jobName() {
                return "x".repeat(65);
            }
        }), clock, Duration.ofSeconds(30), "a")).isInstanceOf(IllegalArgumentException.class);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
