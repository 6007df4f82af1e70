package vn.parindex.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: the history offers no way to edit or delete. */
interface ChangeHistoryRepository extends Repository<ChangeHistory, Long> {

    ChangeHistory save(ChangeHistory entry);

    /** A criterion's history, oldest first, read straight into the rows shown (no entities). */
    @org.springframework.data.jpa.repository.Query("""
            select new vn.parindex.audit.HistoryEntry(h.at, h.username, h.entityType, h.entityId, h.field,
                h.oldValue, h.newValue, h.comment)
            from ChangeHistory h where h.criterionId = :criterionId order by h.at, h.id""")
    List<HistoryEntry> describeByCriterion(Long criterionId);

    List<ChangeHistory> findByEntityTypeAndEntityIdOrderByAtAscIdAsc(String entityType, Long entityId);

    long count();
}
