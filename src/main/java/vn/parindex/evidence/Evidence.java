package vn.parindex.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * An evidence document's description (tài liệu kiểm chứng); never changed once uploaded. Its bytes (column
 * {@code content}) are written and read by {@link EvidenceService} as streams, never through this entity.
 */
@Entity
@Table(name = "evidence")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long criterionId;

    private Long assessmentId;

    private String fileName;

    private String contentType;

    private long sizeBytes;

    private String sha256;

    private Long uploadedBy;

    private OffsetDateTime uploadedAt;

    /** Số, ký hiệu of the document, if given. */
    private String documentNumber;

    /** Ngày ban hành, if given. */
    private java.time.LocalDate issuedOn;

    /** Trích yếu, if given. */
    private String summary;
}
