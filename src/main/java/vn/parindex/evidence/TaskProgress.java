package vn.parindex.evidence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.tasks.TaskUpdates;

/**
 * A task's progress update with its evidence documents (tài liệu kiểm chứng), in one transaction: the update by
 * {@link TaskUpdates#addUpdate} (its rules), the files by {@link EvidenceService} (its checks and store). Here
 * because the evidence store is this module's; tasks knows nothing of files.
 */
@Service
public class TaskProgress {

    private final TaskUpdates updates;
    private final EvidenceService evidence;

    TaskProgress(TaskUpdates updates, EvidenceService evidence) {
        this.updates = updates;
        this.evidence = evidence;
    }

    /** The percent as typed on a page ("60", "60,0"): blank is none; anything else not a number is a 400. */
    static BigDecimal percent(String typed) {
        String text = typed == null ? "" : typed.strip().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() > 8 ? BigDecimal.valueOf(-1) : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("percent", "task.percent.range");
        }
    }

    /** Records the update and stores its files; files are checked first, nothing is written when one is bad. */
    @Transactional
    long record(CurrentUser user, long taskId, String note, BigDecimal percent, String status,
            List<UploadedFile> files, DocumentDetails details) {
        FieldErrors errors = new FieldErrors();
        evidence.check(files, "files", errors);
        errors.throwIfAny();
        long update = updates.addUpdate(user, taskId, note, percent, status);
        evidence.storeForTaskUpdate(user, update, files, details, OffsetDateTime.now());
        return update;
    }

    /** Adds documents to an update already recorded (the API: the update first, then its files one request each). */
    @Transactional
    public List<Long> attach(CurrentUser user, long taskId, long updateId, List<UploadedFile> files,
            DocumentDetails details) {
        updates.requireMayUpdate(user, taskId);
        if (!updates.isUpdateOf(taskId, updateId)) {
            throw new NotFoundException("notFound.taskUpdate", updateId);
        }
        FieldErrors errors = new FieldErrors();
        if (files.isEmpty()) {
            errors.add("file", "evidence.required");
        }
        evidence.check(files, "file", errors);
        errors.throwIfAny();
        return evidence.storeForTaskUpdate(user, updateId, files, details, OffsetDateTime.now());
    }
}
