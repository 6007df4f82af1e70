package vn.parindex.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit trail: who changed which field of what, from which value to which, and why. Must be called
 * inside the transaction that makes the change, so the change and its history commit or roll back together.
 */
@Service
public class AuditTrail {

    private final ChangeHistoryRepository history;
    private final Clock clock;

    AuditTrail(ChangeHistoryRepository history) {
        this.history = history;
        this.clock = Clock.systemUTC();
    }

    /** Records one changed field; nothing is written when old and new values are the same. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String entityType, long entityId, Long criterionId, String field,
            Object oldValue, Object newValue, String comment) {
        String before = text(oldValue);
        String after = text(newValue);
        if (Objects.equals(before, after)) {
            return;
        }
        history.save(new ChangeHistory(OffsetDateTime.now(clock), actor, entityType, entityId, criterionId, field,
                before, after, comment));
    }

    /** Records an event that is not a field change (a submission, a login…) as field {@code event}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEvent(Actor actor, String entityType, long entityId, Long criterionId, String event,
            String comment) {
        history.save(new ChangeHistory(OffsetDateTime.now(clock), actor, entityType, entityId, criterionId, "event",
                null, event, comment));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> forCriterion(long criterionId) {
        return history.describeByCriterion(criterionId);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> forEntity(String entityType, long entityId) {
        return history.findByEntityTypeAndEntityIdOrderByAtAscIdAsc(entityType, entityId).stream()
                .map(HistoryEntry::of).toList();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
