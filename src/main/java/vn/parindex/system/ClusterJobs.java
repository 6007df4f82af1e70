package vn.parindex.system;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ClusterJob} once per due time however many instances of the application run on the database.
 * Every instance looks every 30 seconds ({@code parindex.jobs.check-cron}) whether a job's latest due time
 * ({@link DueTimes}, within its catch-up window) has a run in {@code runtime.job_run} (V23); if not, it claims it
 * with one insert (the primary key (job, due time) lets one instance win), runs it, renews its claim (a lease of
 * {@code parindex.jobs.lease}, 2 minutes) every third of the lease while it runs, and marks it finished. An instance
 * that dies while running a job stops renewing: once the lease has run out, the next instance to look takes the
 * claim over and runs the job again (at most three attempts, so a job that kills its instance does not kill them
 * all). A run that fails with an exception is finished as failed (logged), not tried again before the next due time.
 *
 * <p>Why not ShedLock (the usual library for this): it only keeps two instances from running a job at the same
 * time. It neither remembers that a due time was done (an instance whose clock is a little late runs it again once
 * the lock is free) nor runs the job of an instance that died (the lock expires, but nobody is due again until the
 * next schedule). Both are one table and three statements here.
 */
@Component
public class ClusterJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    /** A run claimed this many times (its instances died each time) is left alone. */
    static final int MAX_ATTEMPTS = 3;
    /** Finished runs are forgotten after this long. */
    static final Duration KEEP_FINISHED = Duration.ofDays(90);

    static final String CLAIM = """
            insert into runtime.job_run as r (job, due_at, claimed_by, claimed_until) values (?, ?, ?, ?)
            on conflict (job, due_at) do update
                set claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until, attempts = r.attempts + 1
                where r.finished_at is null and r.claimed_until < ? and r.attempts < ?
            returning r.attempts""";

    private final JdbcTemplate jdbc;
    private final List<ClusterJob> jobs;
    private final Clock clock;
    private final Duration lease;
    private final String instance;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-jobs-lease");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean unreachableLogged;

    @Autowired
    ClusterJobs(JdbcTemplate jdbc, List<ClusterJob> jobs,
            @Value("${parindex.jobs.lease:2m}") Duration lease) {
        this(jdbc, jobs, Clock.systemUTC(), lease, instanceName());
    }

    ClusterJobs(JdbcTemplate jdbc, List<ClusterJob> jobs, Clock clock, Duration lease, String instance) {
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("parindex.jobs.lease must be at least 3 seconds");
        }
        for (ClusterJob job : jobs) {
            if (job.jobName().length() > 64) {
                throw new IllegalArgumentException("A job's name is at most 64 characters: " + job.jobName());
            }
        }
        this.jdbc = jdbc;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.lease = lease;
        this.instance = instance.length() > 200 ? instance.substring(0, 200) : instance;
    }

    /** This instance as its claims name it: host, process and a random part (a restarted process is another). */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "?";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every instance's look at the jobs: runs those due and not run (or whose instance died). */
    @Scheduled(cron = "${parindex.jobs.check-cron:*/30 * * * * *}")
    void check() {
        try {
            runDue();
            unreachableLogged = false;
        } catch (DataAccessException e) {
            // the database is away (a failover…): the next look tries again; said once, not every 30 seconds
            if (!unreachableLogged) {
                log.warn("Scheduled jobs not checked (the database cannot be reached): {}", e.getMessage());
                unreachableLogged = true;
            }
        }
    }

    /** Runs, one after the other, the jobs due now that no instance ran; returns how many this instance ran. */
    int runDue() {
        int ran = 0;
        for (ClusterJob job : jobs) {
            Instant now = clock.instant();
            Optional<ZonedDateTime> due = DueTimes.latest(job.cron(), now.atZone(job.zone()), job.catchUp());
            if (due.isPresent() && claim(job, due.get().toInstant(), now)) {
                run(job, due.get().toInstant());
                ran++;
            }
        }
        if (ran > 0) {
            // runs long finished are forgotten by whoever just finished one (not at every look)
            jdbc.update("delete from runtime.job_run where finished_at < ?",
                    Timestamp.from(clock.instant().minus(KEEP_FINISHED)));
        }
        return ran;
    }

    private boolean claim(ClusterJob job, Instant due, Instant now) {
        List<Integer> attempts = jdbc.queryForList(CLAIM, Integer.class, job.jobName(), Timestamp.from(due), instance,
                Timestamp.from(now.plus(lease)), Timestamp.from(now), MAX_ATTEMPTS);
        if (attempts.isEmpty()) {
            return false;
        }
        if (attempts.get(0) > 1) {
            log.warn("Job {} due at {}: its instance stopped before finishing it; run again here (attempt {})",
                    job.jobName(), due, attempts.get(0));
        }
        return true;
    }

    private void run(ClusterJob job, Instant due) {
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(job, due), every, every,
                TimeUnit.MILLISECONDS);
        String outcome = "DONE";
        try {
            job.runJob();
        } catch (Exception | OutOfMemoryError e) {
            outcome = "FAILED";
            log.error("Job {} due at {} failed", job.jobName(), due, e);
        } finally {
            renewal.cancel(false);
        }
        try {
            jdbc.update("""
                    update runtime.job_run set finished_at = ?, outcome = ?
                    where job = ? and due_at = ? and claimed_by = ?""",
                    Timestamp.from(clock.instant()), outcome, job.jobName(), Timestamp.from(due), instance);
        } catch (DataAccessException e) {
            // not marked: once the lease runs out another instance runs it again (the jobs are safe to repeat)
            log.warn("Job {} due at {} ran ({}) but could not be marked finished: {}", job.jobName(), due, outcome,
                    e.getMessage());
        }
    }

    private void renew(ClusterJob job, Instant due) {
        try {
            jdbc.update("""
                    update runtime.job_run set claimed_until = ?
                    where job = ? and due_at = ? and claimed_by = ? and finished_at is null""",
                    Timestamp.from(clock.instant().plus(lease)), job.jobName(), Timestamp.from(due), instance);
        } catch (RuntimeException e) {
            log.warn("The claim of job {} could not be renewed: {}", job.jobName(), e.getMessage());
        }
    }

    /** This instance's name in the claims. */
    String instance() {
        return instance;
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
