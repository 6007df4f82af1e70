package vn.parindex.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.parindex.criteria.UnitRef;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.tasks.TaskStatus;
import vn.parindex.tasks.TaskView;

/** What the reporting pages, the API and the document read. */
public final class ReportViews {

    private ReportViews() {
    }

    /** One unit's input for a period as it stands (NOT_STARTED with no id when nothing is on record). */
    public record UnitStatus(UnitRef unit, ReportInputStatus status, boolean late, boolean submittedLate,
            OffsetDateTime updatedAt, OffsetDateTime submittedAt, String submittedBy, OffsetDateTime reviewedAt,
            String reviewedBy, String returnReason, long version) {
    }

    /** A period with its deadline and how many of the units that owe an input stand where. */
    public record PeriodSummary(ReportPeriod period, LocalDate deadline, int expected, int notStarted, int drafts,
            int submitted, int returned, int accepted, int late) {
    }

    /** A period: its deadline and each unit that leads a task of the cycle, with its input's status. */
    public record PeriodOverview(ReportPeriod period, LocalDate deadline, List<UnitStatus> units) {
    }

    /**
     * What a unit wrote on one task it leads (blank when nothing) and the status its input gives the task (null when
     * it gave none): applied to the task when the input is sent.
     */
    public record TaskResult(TaskView task, String result, TaskStatus reportedStatus) {

        public TaskResult(TaskView task, String result) {
            this(task, result, null);
        }

        /**
         * The status the input's form shows: the one it gives, unless the task has moved further since (a report
         * never moves a task back), else the task's own.
         */
        public TaskStatus statusShown() {
            return reportedStatus != null && reportedStatus.ordinal() > task.status().ordinal() ? reportedStatus
                    : task.status();
        }

        /** The status that goes with this result in a document: the one the unit reported with it, else the task's. */
        public TaskStatus statusReported() {
            return reportedStatus != null ? reportedStatus : task.status();
        }
    }

    /** A unit's input for a period: its status and, per task it leads, what was done. */
    public record UnitInput(ReportPeriod period, LocalDate deadline, UnitStatus status, List<TaskResult> tasks,
            String difficulties, String proposals) {
    }

    /** Counts of the cycle's tasks: done, in progress, not started, and overdue among those not done. */
    public record TaskCounts(int total, int done, int inProgress, int notStarted, int overdue) {
    }

    /** Counts of the criteria that take a self-assessment, by the status of their latest one. */
    public record AssessmentCounts(int criteria, int notSubmitted, int submitted, int returned, int approved) {
    }

    /**
     * The body's report for a period: everything the document holds.
     *
     * @param body how the body that reports is named ({@code organisation.BodyWording}): its issuing lines, its
     *        signer, its name in the text
     */
    public record DistrictReport(ReportPeriod period, LocalDate deadline, vn.parindex.organisation.BodyWording body,
            Scoreboard scores,
            AssessmentCounts assessments, TaskCounts tasks, List<UnitInput> inputs, List<UnitStatus> units,
            LocalDate compiledOn) {
    }
}
