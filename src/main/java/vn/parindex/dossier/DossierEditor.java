package vn.parindex.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.evidence.DocumentDetails;
import vn.parindex.evidence.EvidenceService;
import vn.parindex.evidence.UploadedFile;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Writing the dossier: Home Affairs lists and removes the documents expected of a criterion; the lead and
 * coordinating units' heads attach files to them (stored by {@link EvidenceService}); the lead unit writes its
 * explanation. Each change on record, none in a closed year. Reading it: {@link DossierService}.
 */
@Service
public class DossierEditor {

    private final DossierService dossiers;
    private final CriteriaCatalog catalog;
    private final ReviewPermissions permissions;
    private final EvidenceService evidence;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    DossierEditor(DossierService dossiers, CriteriaCatalog catalog, ReviewPermissions permissions,
            EvidenceService evidence, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.permissions = permissions;
        this.evidence = evidence;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Lists an expected document on a criterion (Home Affairs). */
    @Transactional
    public long addItem(CurrentUser user, int year, String code, String name, String note) {
        ReviewPermissions.require(permissions.canEditScores(user));
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        requireOpen(year);
        String n = checkedText(name, "name", DossierService.MAX_NAME, true);
        String t = checkedText(note, "note", DossierService.MAX_NOTE, false);
        Integer position = jdbc.sql("select coalesce(max(position), 0) + 1 from evidence_item where criterion_id = ?")
                .param(c.id()).query(Integer.class).single();
        long id = jdbc.sql("insert into evidence_item (criterion_id, position, name, note) values (?, ?, ?, ?) "
                + "returning id").params(c.id(), position, n, t).query(Long.class).single();
        audit.recordEvent(user.actor(), DossierService.ITEM, id, c.id(), "LISTED", n);
        return id;
    }

    /** Removes a listed document that has no file yet (Home Affairs). */
    @Transactional
    public void removeItem(CurrentUser user, int year, String code, long itemId, Long version) {
        ReviewPermissions.require(permissions.canEditScores(user));
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        requireOpen(year);
        if (version == null) {
            FieldErrors errors = new FieldErrors();
            errors.add("version", "version.required").throwIfAny();
        }
        String name = jdbc.sql("select name from evidence_item where id = ? and criterion_id = ?")
                .params(itemId, c.id()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("notFound.evidenceItem", itemId));
        Long files = jdbc.sql("select count(*) from evidence where evidence_item_id = ?").param(itemId)
                .query(Long.class).single();
        if (files > 0) {
            throw new ConflictException("conflict.itemHasFiles", version);
        }
        int deleted = jdbc.sql("delete from evidence_item where id = ? and version = ?").params(itemId, version)
                .update();
        if (deleted == 0) {
            throw new ConflictException("conflict.concurrent", version);
        }
        audit.recordEvent(user.actor(), DossierService.ITEM, itemId, c.id(), "REMOVED", name);
    }

    /** Checks the permission to attach files to an item before the upload is read. */
    public void requireCanAttach(CurrentUser user, int year, String code) {
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        ReviewPermissions.require(dossiers.mayAttach(user, c));
        requireOpen(year);
    }

    /** Attaches checked files to a listed item. */
    @Transactional
    List<Long> attach(CurrentUser user, int year, String code, long itemId, List<UploadedFile> files,
            DocumentDetails details) {
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        ReviewPermissions.require(dossiers.mayAttach(user, c));
        requireOpen(year);
        jdbc.sql("select id from evidence_item where id = ? and criterion_id = ?").params(itemId, c.id())
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("notFound.evidenceItem", itemId));
        FieldErrors errors = new FieldErrors();
        if (files == null || files.isEmpty()) {
            errors.add("file", "evidence.required");
        } else {
            evidence.check(files, "file", errors);
        }
        errors.throwIfAny();
        return evidence.storeForItem(user, c.id(), itemId, files, details, OffsetDateTime.now(clock));
    }

    /** Writes (or rewrites) the explanation of a criterion, on record. */
    @Transactional
    public void explain(CurrentUser user, int year, String code, String text, Long version) {
        CriterionView c = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        ReviewPermissions.require(dossiers.mayExplain(user, c));
        requireOpen(year);
        String t = checkedText(text, "text", DossierService.MAX_EXPLANATION, true);
        DossierService.Explanation old = jdbc.sql(DossierService.EXPLANATIONS + " where x.criterion_id = ?").param(c.id())
                .query((rs, n) -> DossierService.explanation(rs)).optional().orElse(null);
        if (old == null) {
            int inserted = jdbc.sql("insert into criterion_explanation (criterion_id, text, updated_by, updated_at) "
                    + "values (?, ?, ?, ?) on conflict (criterion_id) do nothing")
                    .params(c.id(), t, user.id(), OffsetDateTime.now(clock)).update();
            if (inserted == 0) {
                // another explanation was written at the same moment: nothing overwritten
                throw new ConflictException("conflict.concurrent", 0);
            }
        } else {
            if (version == null) {
                new FieldErrors().add("version", "version.required").throwIfAny();
            }
            int updated = jdbc.sql("update criterion_explanation set text = ?, updated_by = ?, updated_at = ?, "
                    + "version = version + 1 where criterion_id = ? and version = ?")
                    .params(t, user.id(), OffsetDateTime.now(clock), c.id(), version).update();
            if (updated == 0) {
                throw new ConflictException("conflict.concurrent", old.version());
            }
        }
        audit.record(user.actor(), DossierService.EXPLANATION, c.id(), c.id(), "text", old == null ? null : old.text(), t, null);
    }

    private CycleStatus status(int year) {
        return catalog.findCycle(year).orElseThrow(() -> NotFoundException.cycle(year)).getStatus();
    }

    private void requireOpen(int year) {
        if (status(year) == CycleStatus.CLOSED) {
            throw new ConflictException("conflict.cycleClosed", 0);
        }
    }

    private static String checkedText(String text, String field, int max, boolean required) {
        String t = text == null ? "" : text.strip();
        FieldErrors errors = new FieldErrors();
        if (required && t.isEmpty()) {
            errors.add(field, "dossier." + field + "Required");
        } else if (t.length() > max) {
            errors.add(field, "dossier." + field + "TooLong");
        } else if (t.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(field, "dossier.controlCharacters");
        }
        errors.throwIfAny();
        return t.isEmpty() ? null : t;
    }
}
