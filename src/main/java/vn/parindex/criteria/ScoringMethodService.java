package vn.parindex.criteria;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * Home Affairs changes how a criterion is scored: by the lead unit's self-assessment (tự đánh giá) or by the
 * province's sociological survey (điều tra xã hội học), e.g. where the national framework scores a criterion by the
 * survey though the plan does not say so. Only a criterion without parts (a parent's score is the sum of its parts);
 * not in a closed cycle; refused while a self-assessment of it awaits review (the refusal lists it: Home Affairs
 * approves or returns it first). On record in the criterion's history with the optional reason.
 */
@Service
public class ScoringMethodService {

    /** Longest reason kept (as every comment). */
    public static final int MAX_REASON = FieldErrors.MAX_COMMENT_LENGTH;

    private final CriterionRepository criteria;
    private final CycleRepository cycles;
    private final ReviewPermissions permissions;
    private final List<PendingWork> pendingWork;
    private final AuditTrail audit;
    private final EntityManager entityManager;
    private final MessageSource messages;

    ScoringMethodService(CriterionRepository criteria, CycleRepository cycles, ReviewPermissions permissions,
            List<PendingWork> pendingWork, AuditTrail audit, EntityManager entityManager, MessageSource messages) {
        this.criteria = criteria;
        this.cycles = cycles;
        this.permissions = permissions;
        this.pendingWork = pendingWork;
        this.audit = audit;
        this.entityManager = entityManager;
        this.messages = messages;
    }

    /** The change as sent: the method's name (SELF_ASSESSMENT or SURVEY), an optional reason, the version shown. */
    public record MethodChange(String scoringMethod, String reason, Long version) {
    }

    /**
     * Changes the criterion's scoring method: 403 for anyone but Home Affairs, 404 for an unknown criterion, 400 for
     * an unknown method, a criterion with parts, a reason too long or with control characters, no version; 409 in a
     * closed cycle, on a stale version, or while a submission of it awaits review ({@link ConflictException#details}
     * lists it). The same method again changes nothing and records nothing.
     */
    @Transactional
    public Criterion change(CurrentUser user, int year, String code, MethodChange change) {
        ReviewPermissions.require(permissions.canEditScores(user));
        Criterion criterion = criteria.findByYearAndCode(year, code)
                .orElseThrow(() -> NotFoundException.criterion(year, code));
        FieldErrors errors = new FieldErrors();
        ScoringMethod method = null;
        try {
            method = change.scoringMethod() == null ? null : ScoringMethod.valueOf(change.scoringMethod().strip());
        } catch (IllegalArgumentException e) {
            method = null;
        }
        if (method == null) {
            errors.add("scoringMethod", "scoringMethod.required");
        } else if (criteria.existsByParentId(criterion.getId())) {
            errors.add("scoringMethod", "scoringMethod.parent");
        }
        String reason = change.reason() == null ? "" : change.reason().strip();
        if (reason.length() > MAX_REASON) {
            errors.add("reason", "comment.tooLong");
        } else if (reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add("reason", "scoringMethod.reasonInvalid");
        }
        if (change.version() == null) {
            errors.add("version", "version.required");
        }
        errors.throwIfAny();
        // the cycle's row first, as closing does: a submission in flight (which takes a share lock on it) is either
        // finished and seen below, or waits and is then refused by the database (V15)
        Cycle cycle = cycles.lockById(criterion.getCycle().getId())
                .orElseThrow(() -> NotFoundException.cycle(year));
        entityManager.refresh(cycle);
        if (cycle.isClosed()) {
            throw new ConflictException("conflict.cycleClosed", criterion.getVersion());
        }
        criterion.requireVersion(change.version());
        if (method == criterion.getScoringMethod()) {
            return criterion;
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> pending = new ArrayList<>();
        for (PendingWork work : pendingWork) {
            for (PendingWork.Item item : work.pendingOn(criterion.getId())) {
                pending.add(messages.getMessage(item.kind(), new Object[] {item.item(), item.unit()}, locale));
            }
        }
        if (!pending.isEmpty()) {
            throw new ConflictException("conflict.scoringMethodPending", criterion.getVersion(), pending);
        }
        audit.record(user.actor(), CriterionScoreService.ENTITY, criterion.getId(), criterion.getId(),
                "scoringMethod", criterion.getScoringMethod().name(), method.name(),
                reason.isEmpty() ? null : reason);
        criterion.changeScoringMethod(method);
        criteria.saveAndFlush(criterion);
        return criterion;
    }
}
