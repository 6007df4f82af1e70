package vn.parindex.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Semaphore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.audit.Actor;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BusyException;

/** Backups on demand (Home Affairs) and on schedule, each on record in the audit trail. */
@Service
public class BackupService {

    static final String ENTITY = "BACKUP";
    static final String EVENT = "BACKUP_TAKEN";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final BackupWriter writer;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.system(ZoneId.systemDefault());
    /**
     * One download at a time: each holds a pooled connection and a snapshot for the whole transfer, so parallel
     * (or stalled) downloads must not be able to take the pool. The nightly backup is not counted (one at most).
     */
    private final Semaphore downloads = new Semaphore(1);
    /** Seconds a refused download is told to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 60;

    BackupService(BackupWriter writer, AuditTrail audit, TransactionTemplate transactions) {
        this.writer = writer;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** {@code parindex-backup-yyyyMMdd-HHmmss.zip}, in the server's time zone. */
    public String newFileName() {
        return "parindex-backup-" + LocalDateTime.now(clock).format(STAMP) + ".zip";
    }

    /**
     * Writes a backup for an administrator: the taking is put on record first, in its own transaction, so the
     * backup holds its own record.
     */
    public BackupManifest download(CurrentUser user, String fileName, Target target)
            throws IOException, SQLException {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("Backups are for Home Affairs");
        }
        if (!downloads.tryAcquire()) {
            throw new BusyException("backup.busy", RETRY_AFTER_SECONDS);
        }
        try {
            onRecord(user.actor(), "Tải bản sao lưu " + fileName);
            return writer.write(target.open());
        } finally {
            downloads.release();
        }
    }

    /**
     * Writes one body's data ({@code body}, its id), as the body's own backup holds it: the body's rows, the
     * province's accounts its records name without their secrets ({@link BackupWriter#source}). For the province's
     * Home Affairs, or the body's own; on record in the body's history.
     */
    public BackupManifest exportBody(CurrentUser user, long body, String code, Target target)
            throws IOException, SQLException {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("A body's data is exported by Home Affairs");
        }
        vn.parindex.system.BodyScope.Scope scope = vn.parindex.system.BodyScope.current();
        if (!scope.all() && (scope.body() == null || scope.body() != body)) {
            throw new vn.parindex.system.NotFoundException("notFound.body", code); // another body's: as if there were none
        }
        if (!downloads.tryAcquire()) {
            throw new BusyException("backup.busy", RETRY_AFTER_SECONDS);
        }
        try (vn.parindex.system.BodyScope.Entered entered =
                vn.parindex.system.BodyScope.enter(vn.parindex.system.BodyScope.Scope.of(body))) {
            onRecord(user.actor(), "Xuất dữ liệu đơn vị " + code);
            return writer.write(target.open());
        } finally {
            downloads.release();
        }
    }

    /** {@code parindex-body-<code>-yyyyMMdd-HHmmss.zip}. */
    public String newExportName(String code) {
        return "parindex-body-" + code + "-" + LocalDateTime.now(clock).format(STAMP) + ".zip";
    }

    /** Where a backup goes, opened only once the backup may be taken. */
    @FunctionalInterface
    public interface Target {
        OutputStream open() throws IOException;
    }

    /** Writes a scheduled backup (on record as the system). */
    BackupManifest scheduled(String fileName, OutputStream out) throws IOException, SQLException {
        onRecord(Actor.SYSTEM, "Sao lưu định kỳ " + fileName);
        return writer.write(out);
    }

    private void onRecord(Actor actor, String comment) {
        transactions.executeWithoutResult(status -> audit.recordEvent(actor, ENTITY, 0, null, EVENT, comment));
    }
}
