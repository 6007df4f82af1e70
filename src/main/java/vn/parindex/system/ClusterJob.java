package vn.parindex.system;

import java.time.Duration;
import java.time.ZoneId;

/**
 * A job run on a schedule by exactly one of the application's instances ({@link ClusterJobs}): implemented by the
 * feature that owns the work (the nightly backup, the to-do digest), found as a bean.
 */
public interface ClusterJob {

    /** Its name in {@code runtime.job_run} (at most 64 characters, never changed once deployed). */
    String jobName();

    /** When it is due: a Spring cron expression, or {@code "-"} for never. */
    String cron();

    /** The zone the cron expression is read in. */
    default ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /**
     * How late a run may still start: a schedule missed by every instance (all stopped, or the one running it died)
     * is run when an instance next looks within this long after it was due, never later.
     */
    default Duration catchUp() {
        return Duration.ofHours(6);
    }

    /** The work. An exception marks the run failed (logged); it is not tried again before the next due time. */
    void runJob() throws Exception;
}
