package vn.parindex.review;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** An evidence document (tài liệu kiểm chứng), stored in PostgreSQL; never changed once uploaded. */
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

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    private Long uploadedBy;

    private OffsetDateTime uploadedAt;

    Evidence(long criterionId, Long assessmentId, String fileName, String contentType, byte[] content,
            String sha256, long uploadedBy, OffsetDateTime uploadedAt) {
        this.criterionId = criterionId;
        this.assessmentId = assessmentId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }
}
