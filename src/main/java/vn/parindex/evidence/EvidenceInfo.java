package vn.parindex.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An evidence document's description, without its bytes. */
@Schema(description = "An evidence document (tài liệu kiểm chứng), without its content")
public record EvidenceInfo(long id, long criterionId, Long assessmentId, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt,
        @Schema(description = "The document's number and symbol (số, ký hiệu), e.g. 125/KH-UBND; null when not given",
                example = "125/KH-UBND", maxLength = DocumentDetails.MAX_NUMBER, nullable = true)
        String documentNumber,
        @Schema(description = "The document's date of issue (ngày ban hành), yyyy-MM-dd; null when not given",
                example = "2023-03-15", type = "string", format = "date", nullable = true)
        LocalDate issuedOn,
        @Schema(description = "The document's summary (trích yếu); null when not given",
                example = "Kế hoạch cải cách hành chính năm 2023", maxLength = DocumentDetails.MAX_SUMMARY,
                nullable = true)
        String summary) {
}
