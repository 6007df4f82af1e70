package vn.parindex.assessment;

import java.time.OffsetDateTime;

/** An evidence document's description, without its bytes. */
public record EvidenceInfo(long id, long criterionId, Long assessmentId, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}
