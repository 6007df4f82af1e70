package vn.parindex.review;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.web.FieldErrors;

/** Stores and serves evidence documents, checking each file's kind from its content and its size. */
@Service
public class EvidenceService {

    private final EvidenceRepository evidence;
    private final AuditTrail audit;
    private final DataSize maxFileSize;

    EvidenceService(EvidenceRepository evidence, AuditTrail audit,
            @Value("${parindex.evidence.max-file-size:20MB}") DataSize maxFileSize) {
        this.evidence = evidence;
        this.audit = audit;
        this.maxFileSize = maxFileSize;
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /** Checks files before anything is stored: unknown kind, empty or too large → an error on {@code field}. */
    void check(List<UploadedFile> files, String field, FieldErrors errors) {
        for (UploadedFile file : files) {
            if (file.isEmpty()) {
                errors.add(field, "evidence.empty");
            } else if (file.content().length > maxFileSize.toBytes()) {
                errors.add(field, "evidence.tooLarge");
            } else if (EvidenceTypes.recognise(file.fileName(), file.content()).isEmpty()) {
                errors.add(field, "evidence.type");
            }
        }
    }

    /** Stores checked files for a criterion (and the assessment they support, if any). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> store(CurrentUser user, long criterionId, Long assessmentId, List<UploadedFile> files,
            OffsetDateTime at) {
        return files.stream().map(file -> {
            EvidenceTypes.Kind kind = EvidenceTypes.recognise(file.fileName(), file.content()).orElseThrow();
            Evidence stored = evidence.save(new Evidence(criterionId, assessmentId, cleanName(file.fileName()),
                    kind.contentType, file.content(), sha256(file.content()), user.id(), at));
            audit.recordEvent(user.actor(), "EVIDENCE", stored.getId(), criterionId, "UPLOADED",
                    stored.getFileName() + " (" + stored.getSizeBytes() + " B, SHA-256 " + stored.getSha256() + ")");
            return stored.getId();
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<EvidenceInfo> forCriterion(long criterionId) {
        return evidence.describeByCriterion(criterionId);
    }

    @Transactional(readOnly = true)
    Optional<Evidence> find(long id) {
        return evidence.findById(id);
    }

    /** The file name without any path a browser may have sent. */
    static String cleanName(String name) {
        String base = name == null ? "tai-lieu" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return base.isEmpty() ? "tai-lieu" : (base.length() > 200 ? base.substring(base.length() - 200) : base);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
