package vn.parindex.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An assessment as shown in a criterion's thread, with the people's names. */
public record AssessmentView(long id, long criterionId, BigDecimal score, String explanation,
        AssessmentStatus status, String submittedBy, OffsetDateTime submittedAt, String reviewedBy,
        OffsetDateTime reviewedAt, String reviewComment, long version) {
}
