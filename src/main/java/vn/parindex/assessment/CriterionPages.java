package vn.parindex.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.evidence.DocumentDetails;
import vn.parindex.evidence.Evidence;
import vn.parindex.evidence.EvidenceInfo;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.audit.AuditTrail;
import vn.parindex.audit.HistoryEntry;
import vn.parindex.history.ReadableHistory;
import vn.parindex.criteria.AssignmentService;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionTrendPoint;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.criteria.UnitChoice;
import vn.parindex.criteria.UnitRef;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;
import vn.parindex.tasks.TaskService;
import vn.parindex.web.Caches;
import vn.parindex.web.DataRevision;
import vn.parindex.web.VietnameseNumbers;

/**
 * Reads the workflow's pages: a criterion's page and the review queue, each in one read-only transaction with a
 * fixed number of statements whatever the size of the tree, into records ready to print. What every reader of a
 * criterion sees alike ({@link Shared}: also what the API's thread, evidence and history endpoints answer) is kept
 * per data revision. Also the evidence documents' download.
 */
@Service
@Transactional(readOnly = true)
class CriterionPages {

    private static final String NONE = "—";

    private final ScoreboardService scoreboards;
    private final CriteriaCatalog catalog;
    private final AssessmentRepository assessments;
    private final EvidenceService evidence;
    private final AuditTrail audit;
    private final ReviewPermissions permissions;
    private final AssignmentService assignments;
    private final VietnameseNumbers fmt;
    private final Cache kept;
    private final TransactionTemplate reading;
    private final TaskService tasks;
    private final ReadableHistory readable;

    CriterionPages(ScoreboardService scoreboards, CriteriaCatalog catalog,
            AssessmentRepository assessments, EvidenceService evidence,
            AuditTrail audit, ReviewPermissions permissions, AssignmentService assignments, VietnameseNumbers fmt,
            DataRevision revisions, CacheManager caches, PlatformTransactionManager transactions, TaskService tasks,
            ReadableHistory readable) {
        this.readable = readable;
        this.tasks = tasks;
        this.kept = Caches.atRevision(caches, revisions, Caches.CRITERION_PAGES);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.scoreboards = scoreboards;
        this.catalog = catalog;
        this.assessments = assessments;
        this.evidence = evidence;
        this.audit = audit;
        this.permissions = permissions;
        this.assignments = assignments;
        this.fmt = fmt;
    }

    /**
     * What every reader of a criterion's page sees alike: read in one read-only transaction (the trend, the thread,
     * the evidence and the history, one statement each; the latest statuses of the parts for a criterion with parts;
     * the units to choose from), kept in the {@value Caches#CRITERION_PAGES} cache under the criterion and the data
     * revision read before it, and given again while that revision is current: a write to any of these (assessments,
     * evidence, the change history, units, assignments, the names of accounts) changes the revision.
     */
    record Shared(List<CriterionPage.Part> parts, List<CriterionPage.TrendRow> trend,
            List<CriterionPage.ThreadItem> thread, List<CriterionPage.EvidenceRow> files,
            List<ReadableHistory.Line> history, List<UnitChoice> units, List<AssessmentView> assessmentViews,
            List<EvidenceInfo> evidenceInfos, List<HistoryEntry> historyEntries, List<TaskService.TaskLine> tasks) {

        /** Whether the body has an active commune: the assignment form offers "all communes". */
        boolean communes() {
            return units.stream().anyMatch(UnitChoice::activeCommune);
        }
    }

    /**
     * What {@link Shared} is kept under: the day too, since whether a task is overdue changes at midnight without
     * any write.
     */
    record Key(long criterionId, java.time.LocalDate day) {
    }

    /**
     * A criterion's page as {@code user} sees it: the scoreboard and what every reader sees alike ({@link Shared})
     * from the caches (nothing read but the data revision while it is current), the permissions of {@code user}.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    CriterionPage page(CurrentUser user, Cycle cycle, String code) {
        Scoreboard board = scoreboards.forCycle(cycle);
        ScoreRow row = board.row(code);
        if (row == null) {
            throw AssessmentService.notFound(cycle.getYear(), code);
        }
        CriterionView c = row.criterion();
        boolean leaf = !board.hasChildren(code);
        ScoreRow parent = c.parentCode() == null ? null : board.row(c.parentCode());
        boolean canReview = permissions.canReview(user);
        boolean canEditScores = permissions.canEditScores(user);
        Shared shared = kept(board, c, leaf, cycle);
        List<CriterionPage.ThreadItem> thread = canReview ? shared.thread()
                : shared.thread().stream().map(CriterionPages::notReviewable).toList();

        return new CriterionPage(cycle.getYear(), cycle.getBaselineYear(), c.code(), c.name(), c.isSurvey(),
                c.weakness(), c.version(), parent == null ? null : parent.code(),
                parent == null ? null : parent.criterion().name(), figures(row.figures()), names(c.leadUnits()),
                c.leadUnitsInherited(), names(c.coordinatingUnits()), leaf, shared.parts(), shared.trend(),
                thread, shared.files(), shared.history(),
                permissions.canSubmit(user, c, leaf, cycle.getStatus()), canReview, canEditScores,
                permissions.leads(user, c), permissions.coordinates(user, c), evidence.maxFileSize().toMegabytes(),
                canEditScores ? shared.units() : List.of(), shared.tasks(), c.scoringMethod().name(),
                canEditScores && leaf && cycle.getStatus() != vn.parindex.criteria.CycleStatus.CLOSED,
                c.allCommunesCoordinate(), canEditScores && (shared.communes() || c.allCommunesCoordinate()));
    }

    /**
     * What a criterion's page and the API's read endpoints show alike ({@link Shared}): nothing read but the data
     * revision while it is current. An unknown code is a 404.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Shared shared(Cycle cycle, String code) {
        Scoreboard board = scoreboards.forCycle(cycle);
        ScoreRow row = board.row(code);
        if (row == null) {
            throw AssessmentService.notFound(cycle.getYear(), code);
        }
        return kept(board, row.criterion(), !board.hasChildren(code), cycle);
    }

    private Shared kept(Scoreboard board, CriterionView c, boolean leaf, Cycle cycle) {
        return Caches.get(kept, new Key(c.id(), tasks.today()),
                () -> reading.execute(status -> read(board, c, leaf, cycle)));
    }

    private Shared read(Scoreboard board, CriterionView c, boolean leaf, Cycle cycle) {
        List<EvidenceInfo> evidenceInfos = evidence.forCriterion(c.id());
        ReadableHistory.Directory people = readable.directory();
        List<CriterionPage.EvidenceRow> files = evidenceInfos.stream().map(e -> evidenceRow(e, people)).toList();
        Map<Long, List<CriterionPage.EvidenceRow>> filesOf = files.stream().filter(e -> e.assessmentId() != null)
                .collect(Collectors.groupingBy(CriterionPage.EvidenceRow::assessmentId));
        List<AssessmentView> assessmentViews = assessments.describeByCriterion(c.id());
        List<CriterionPage.ThreadItem> thread = assessmentViews.stream()
                .map(a -> threadItem(a, filesOf.getOrDefault(a.id(), List.of()), people)).toList();
        List<CriterionPage.Part> parts = leaf ? List.of() : parts(board, c.code(), cycle.getId());
        List<HistoryEntry> historyEntries = audit.forCriterion(c.id());
        return new Shared(parts, trend(c.id(), c.code(), cycle.getYear()), thread, files,
                readable.lines(historyEntries, people),
                assignments.choices(c.id()), List.copyOf(assessmentViews), List.copyOf(evidenceInfos),
                List.copyOf(historyEntries), tasks.forCriterion(c.id(), tasks.today()));
    }

    /** A thread item as someone who may not review sees it: without the approve and return buttons. */
    private static CriterionPage.ThreadItem notReviewable(CriterionPage.ThreadItem t) {
        return !t.reviewable() ? t : new CriterionPage.ThreadItem(t.id(), t.status(), t.score(), t.submittedBy(),
                t.submittedAt(), t.explanation(), t.files(), t.reviewedBy(), t.reviewedAt(), t.reviewComment(),
                t.version(), false);
    }

    /**
     * The submissions awaiting review in a cycle, oldest first, with what a reviewer weighs: the lead unit, last
     * year's score and the target, the proposed score, how many documents back it, how many days it has waited
     * (two statements and the cycle's scoreboard).
     */
    List<QueueItem> queue(Cycle cycle) {
        Scoreboard board = scoreboards.forCycle(cycle);
        ReadableHistory.Directory people = readable.directory();
        java.time.LocalDate today = tasks.today();
        return assessments.describeAwaitingReview(cycle.getId()).stream().map(q -> {
            ScoreRow row = board.row(q.code());
            Figures f = row == null ? null : row.figures();
            long days = java.time.temporal.ChronoUnit.DAYS.between(
                    q.submittedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate(), today);
            return new QueueItem(q.code(), q.name(), row == null ? "" : names(row.criterion().leadUnits()),
                    f == null ? NONE : fmt.score(f.baseline()), f == null || f.target() == null ? NONE : fmt.score(f.target()),
                    fmt.score(q.score()), fmt.score(q.maxScore()), q.evidenceCount(), Math.max(0, days),
                    people.person(q.submittedBy()), fmt.dateTime(q.submittedAt()));
        }).toList();
    }

    /** The day the queue's waiting days count to (a kept queue is kept per day). */
    java.time.LocalDate today() {
        return tasks.today();
    }

    /** A submission awaiting review, as a row of the queue. */
    record QueueItem(String code, String name, String leadUnits, String baseline, String target, String score,
            String max, long evidenceCount, long daysWaiting, String submittedBy, String submittedAt) {
    }

    /** An evidence document's description, for download. */
    Evidence evidenceFile(long id) {
        return evidence.find(id).orElseThrow(() -> new NotFoundException("notFound.evidence", id));
    }

    /** Writes an evidence document's bytes, slice by slice (outside any transaction: documents never change). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void copyEvidence(long id, long size, java.io.OutputStream out) throws java.io.IOException {
        evidence.copyContent(id, size, out);
    }

    private CriterionPage.FigureTexts figures(Figures f) {
        return new CriterionPage.FigureTexts(fmt.score(f.max()), fmt.score(f.baseline()), fmt.percent(f.baselinePercent()),
                fmt.score(f.target()), fmt.percent(f.targetPercent()),
                f.current() == null ? null : fmt.score(f.current()),
                f.current() == null ? null : fmt.percent(f.currentPercent()),
                fmt.signedScore(f.targetGain()),
                fmt.shortfall(f.remainingToTarget(), f.current() != null), fmt.score(f.recoverable()),
                f.appraised() == null ? null : fmt.score(f.appraised()),
                f.deduction() == null ? null : fmt.signedScore(f.deduction().negate()));
    }

    private List<CriterionPage.Part> parts(Scoreboard board, String code, long cycleId) {
        Map<Long, AssessmentStatus> statuses = new HashMap<>();
        for (Object[] status : assessments.findLatestStatusesByCycle(cycleId)) {
            statuses.put((Long) status[0], (AssessmentStatus) status[1]);
        }
        List<CriterionPage.Part> parts = new ArrayList<>();
        for (ScoreRow r : board.descendants(code)) {
            CriterionView c = r.criterion();
            Figures f = r.figures();
            parts.add(new CriterionPage.Part(c.code(), c.name(), CriterionPageController.url(board.cycle().year(),
                    c.code()), c.isSurvey(), c.weakness(), fmt.score(f.max()),
                    fmt.score(f.baseline()), fmt.score(f.target()),
                    f.current() == null ? NONE : fmt.score(f.current()), fmt.shortfall(f.remainingToTarget(), f.current() != null),
                    names(c.leadUnits()), statuses.get(c.id())));
        }
        return parts;
    }

    private List<CriterionPage.TrendRow> trend(long id, String code, int shownYear) {
        List<CriterionPage.TrendRow> rows = new ArrayList<>();
        for (CriterionTrendPoint t : catalog.trend(id, code)) {
            rows.add(new CriterionPage.TrendRow(t.year(), t.year() == shownYear, t.name(), orNone(fmt.score(t.maxScore())),
                    t.baselineYear(), t.baselineScore() == null ? null : fmt.score(t.baselineScore()),
                    orNone(fmt.score(t.targetScore())), orNone(fmt.score(t.officialScore())), t.code()));
        }
        return rows;
    }

    /** A thread item as a reviewer sees it: an item awaiting review can be approved or returned. */
    private CriterionPage.ThreadItem threadItem(AssessmentView a, List<CriterionPage.EvidenceRow> files,
            ReadableHistory.Directory people) {
        return new CriterionPage.ThreadItem(a.id(), a.status(), fmt.score(a.score()), people.person(a.submittedBy()),
                fmt.dateTime(a.submittedAt()), a.explanation(), files, people.person(a.reviewedBy()),
                fmt.dateTime(a.reviewedAt()),
                a.reviewComment(), a.version(), a.status() == AssessmentStatus.SUBMITTED);
    }

    private CriterionPage.EvidenceRow evidenceRow(EvidenceInfo e, ReadableHistory.Directory people) {
        String sha = e.sha256();
        return new CriterionPage.EvidenceRow(e.id(), e.assessmentId(), e.fileName(), fmt.bytes(e.sizeBytes()),
                people.person(e.uploadedBy()), fmt.dateTime(e.uploadedAt()), sha,
                sha.substring(0, Math.min(16, sha.length())) + "…", e.documentNumber() == null ? "" : e.documentNumber(),
                DocumentDetails.pageDate(e.issuedOn()), e.summary() == null ? "" : e.summary());
    }

    private static String names(List<UnitRef> units) {
        return units.stream().map(UnitRef::name).collect(Collectors.joining("; "));
    }

    private static String orNone(String text) {
        return text.isEmpty() ? NONE : text;
    }
}
