package vn.parindex.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.FieldErrors;

/**
 * Stores and serves evidence documents, checking each file's kind from its content and its size. The bytes go
 * to and come from PostgreSQL as streams: written with {@code setBinaryStream}, read back slice by slice.
 */
@Service
public class EvidenceService {

    /** At most this many files in one request. */
    public static final int MAX_FILES_PER_REQUEST = 5;

    /** A download is read from the database this many bytes at a time. */
    static final int SLICE = 256 * 1024;

    private final EvidenceRepository evidence;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final DataSize maxFileSize;

    EvidenceService(EvidenceRepository evidence, AuditTrail audit, JdbcTemplate jdbc,
            vn.parindex.system.EvidenceProperties settings) {
        this.evidence = evidence;
        this.audit = audit;
        this.jdbc = jdbc;
        this.maxFileSize = settings.maxFileSize();
    }

    public DataSize maxFileSize() {
        return maxFileSize;
    }

    /** Checks received files before anything is stored: too many, empty, too large, unknown kind → an error. */
    public void check(List<UploadedFile> files, String field, FieldErrors errors) {
        if (files.size() > MAX_FILES_PER_REQUEST) {
            errors.add(field, "evidence.tooMany");
            return;
        }
        for (UploadedFile file : files) {
            if (file.tooLarge() || file.size() > maxFileSize.toBytes()) {
                errors.add(field, "evidence.tooLarge");
            } else if (file.isEmpty()) {
                errors.add(field, "evidence.empty");
            } else if (file.kind().isEmpty()) {
                errors.add(field, "evidence.type");
            }
        }
    }

    /** Stores checked files for a criterion (and the assessment they support, if any), streaming each one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> store(CurrentUser user, long criterionId, Long assessmentId, List<UploadedFile> files,
            DocumentDetails details, OffsetDateTime at) {
        return store(user, new Owner(criterionId, assessmentId, null, null), files, details, at, "");
    }

    /** Stores checked files answering one listed item of a criterion's dossier, streaming each one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> storeForItem(CurrentUser user, long criterionId, long itemId, List<UploadedFile> files,
            DocumentDetails details, OffsetDateTime at) {
        return store(user, new Owner(criterionId, null, null, itemId), files, details, at, ", mục tài liệu số " + itemId);
    }

    /** Stores checked files for a task's progress update, streaming each one. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> storeForTaskUpdate(CurrentUser user, long taskUpdateId, List<UploadedFile> files,
            DocumentDetails details, OffsetDateTime at) {
        return store(user, new Owner(null, null, taskUpdateId, null), files, details, at,
                ", cập nhật tiến độ số " + taskUpdateId);
    }

    /** What a document belongs to: a criterion (with an assessment or a listed item, or neither), or a task update. */
    private record Owner(Long criterionId, Long assessmentId, Long taskUpdateId, Long itemId) {
    }

    /**
     * The one store loop: each checked file with the document's details (the same for every file of the request),
     * streamed into its row and put on record.
     */
    private List<Long> store(CurrentUser user, Owner owner, List<UploadedFile> files, DocumentDetails details,
            OffsetDateTime at, String recordNote) {
        DocumentDetails d = details == null ? DocumentDetails.NONE : details;
        String described = (d.number() == null ? "" : ", " + d.number())
                + (d.issuedOn() == null ? "" : ", " + d.issuedOnText());
        List<Long> ids = new ArrayList<>();
        for (UploadedFile file : files) {
            EvidenceTypes.Kind kind = file.kind().orElseThrow();
            String name = cleanName(file.fileName());
            long id = insert(owner, name, kind.contentType, file, d, user.id(), at);
            audit.recordEvent(user.actor(), "EVIDENCE", id, owner.criterionId(), "UPLOADED",
                    name + " (" + file.size() + " B, SHA-256 " + file.sha256() + described + recordNote + ")");
            ids.add(id);
        }
        return ids;
    }

    private long insert(Owner owner, String name, String contentType, UploadedFile file, DocumentDetails details,
            long uploadedBy, OffsetDateTime at) {
        Long id = jdbc.execute((java.sql.Connection connection) -> {
            try (InputStream content = file.open(); PreparedStatement insert = connection.prepareStatement("""
                    insert into evidence (criterion_id, assessment_id, file_name, content_type, size_bytes, sha256,
                                          content, uploaded_by, uploaded_at, task_update_id, evidence_item_id,
                                          document_number, issued_on, summary)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                insert.setObject(1, owner.criterionId(), Types.BIGINT);
                insert.setObject(2, owner.assessmentId(), Types.BIGINT);
                insert.setObject(10, owner.taskUpdateId(), Types.BIGINT);
                insert.setObject(11, owner.itemId(), Types.BIGINT);
                insert.setString(12, details.number());
                if (details.issuedOn() == null) {
                    insert.setNull(13, Types.DATE);
                } else {
                    insert.setObject(13, details.issuedOn());
                }
                insert.setString(14, details.summary());
                insert.setString(3, name);
                insert.setString(4, contentType);
                insert.setLong(5, file.size());
                insert.setString(6, file.sha256());
                insert.setBinaryStream(7, content, file.size());
                insert.setLong(8, uploadedBy);
                insert.setObject(9, at);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return id;
    }

    @Transactional(readOnly = true)
    public List<EvidenceInfo> forCriterion(long criterionId) {
        return evidence.describeByCriterion(criterionId);
    }

    /** A document's description (no bytes). */
    @Transactional(readOnly = true)
    public Optional<Evidence> find(long id) {
        return evidence.findById(id);
    }

    /**
     * Writes a document's bytes to {@code out}, {@link #SLICE} bytes per query: the whole file is never in memory
     * (the column is stored uncompressed out of line, V5, so each slice reads only its own chunks).
     */
    public void copyContent(long id, long size, OutputStream out) throws IOException {
        for (long offset = 0; offset < size; offset += SLICE) {
            byte[] slice = jdbc.queryForObject("select substring(content from ?::int for ?::int) from evidence where id = ?",
                    byte[].class, offset + 1, (int) Math.min(SLICE, size - offset), id);
            if (slice == null || slice.length == 0) {
                break;
            }
            out.write(slice);
        }
        out.flush();
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name without any path a browser may have sent. */
    static String cleanName(String name) {
        String base = name == null ? "tai-lieu" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return base.isEmpty() ? "tai-lieu" : (base.length() > 200 ? base.substring(base.length() - 200) : base);
    }
}
