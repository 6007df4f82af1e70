package vn.parindex.assessment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import vn.parindex.system.ConflictException;

/** A unit's self-assessment of a criterion (bản tự đánh giá) and its review by Home Affairs. */
@Entity
@Table(name = "assessment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long criterionId;

    private Long unitId;

    private BigDecimal score;

    private String explanation;

    @Enumerated(EnumType.STRING)
    private AssessmentStatus status;

    private Long submittedBy;

    private OffsetDateTime submittedAt;

    private Long reviewedBy;

    private OffsetDateTime reviewedAt;

    private String reviewComment;

    @Version
    private long version;

    Assessment(long criterionId, Long unitId, BigDecimal score, String explanation, long submittedBy,
            OffsetDateTime at) {
        this.criterionId = criterionId;
        this.unitId = unitId;
        this.score = score;
        this.explanation = explanation;
        this.status = AssessmentStatus.SUBMITTED;
        this.submittedBy = submittedBy;
        this.submittedAt = at;
    }

    void approve(long reviewer, String comment, OffsetDateTime at, long expectedVersion) {
        review(AssessmentStatus.APPROVED, reviewer, comment, at, expectedVersion);
    }

    void giveBack(long reviewer, String reason, OffsetDateTime at, long expectedVersion) {
        review(AssessmentStatus.RETURNED, reviewer, reason, at, expectedVersion);
    }

    private void review(AssessmentStatus outcome, long reviewer, String comment, OffsetDateTime at,
            long expectedVersion) {
        if (expectedVersion != version || status != AssessmentStatus.SUBMITTED) {
            throw new ConflictException("conflict.assessment", version);
        }
        this.status = outcome;
        this.reviewedBy = reviewer;
        this.reviewComment = comment;
        this.reviewedAt = at;
    }
}
