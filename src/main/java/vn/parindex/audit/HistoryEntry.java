package vn.parindex.audit;

import java.time.OffsetDateTime;

/** A row of the history as shown and served. */
public record HistoryEntry(OffsetDateTime at, String by, String entityType, long entityId, String field,
        String oldValue, String newValue, String comment) {

    static HistoryEntry of(ChangeHistory h) {
        return new HistoryEntry(h.getAt(), h.getUsername(), h.getEntityType(), h.getEntityId(), h.getField(),
                h.getOldValue(), h.getNewValue(), h.getComment());
    }
}
