package vn.parindex.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    /**
     * The submission, its row locked until the transaction ends: a second review of it waits here, before it has
     * locked anything else, then sees the new version (409) — no lock-order deadlock with the first.
     */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    java.util.Optional<Assessment> findForReview(@org.springframework.data.repository.query.Param("id") Long id);

    List<Assessment> findByCriterionIdOrderBySubmittedAtAscIdAsc(Long criterionId);

    boolean existsByCriterionIdAndStatus(Long criterionId, AssessmentStatus status);

    List<Assessment> findByStatusOrderBySubmittedAtAsc(AssessmentStatus status);


    @Query("""
            select new vn.parindex.assessment.AssessmentView(a.id, a.criterionId, a.score, a.explanation, a.status,
                s.username, a.submittedAt, r.username, a.reviewedAt, a.reviewComment, a.version)
            from Assessment a join vn.parindex.security.AppUser s on s.id = a.submittedBy
                left join vn.parindex.security.AppUser r on r.id = a.reviewedBy
            where a.criterionId = :criterionId order by a.submittedAt, a.id""")
    List<AssessmentView> describeByCriterion(Long criterionId);

    @Query("""
            select new vn.parindex.assessment.AssessmentView(a.id, a.criterionId, a.score, a.explanation, a.status,
                s.username, a.submittedAt, r.username, a.reviewedAt, a.reviewComment, a.version)
            from Assessment a join vn.parindex.security.AppUser s on s.id = a.submittedBy
                left join vn.parindex.security.AppUser r on r.id = a.reviewedBy
            where a.status = :status order by a.submittedAt, a.id""")
    List<AssessmentView> describeByStatus(AssessmentStatus status);

    /** A submission awaiting review with its criterion, for the review queue. */
    record QueueRow(String code, String name, java.math.BigDecimal maxScore, java.math.BigDecimal score,
            String submittedBy, java.time.OffsetDateTime submittedAt, long evidenceCount) {
    }

    /** The submissions of a cycle awaiting review, oldest first, with their criteria (one statement). */
    @Query("""
            select new vn.parindex.assessment.AssessmentRepository$QueueRow(c.code, c.name, c.maxScore, a.score,
                s.username, a.submittedAt, (select count(e.id) from Evidence e where e.assessmentId = a.id))
            from Assessment a join vn.parindex.criteria.Criterion c on c.id = a.criterionId
                join vn.parindex.security.AppUser s on s.id = a.submittedBy
            where a.status = vn.parindex.assessment.AssessmentStatus.SUBMITTED and c.cycle.id = :cycleId
            order by a.submittedAt, a.id""")
    List<QueueRow> describeAwaitingReview(Long cycleId);

    /** The status of the latest assessment of every assessed criterion of a cycle, in one statement. */
    @Query("""
            select a.criterionId, a.status from Assessment a
            where a.criterionId in (select c.id from vn.parindex.criteria.Criterion c where c.cycle.id = :cycleId)
              and a.id = (select max(b.id) from Assessment b where b.criterionId = a.criterionId)""")
    List<Object[]> findLatestStatusesByCycle(Long cycleId);
}
