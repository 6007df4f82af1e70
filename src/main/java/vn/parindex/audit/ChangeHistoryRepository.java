package vn.parindex.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: the history offers no way to edit or delete. */
interface ChangeHistoryRepository extends Repository<ChangeHistory, Long> {

    ChangeHistory save(ChangeHistory entry);

    List<ChangeHistory> findByCriterionIdOrderByAtAscIdAsc(Long criterionId);

    List<ChangeHistory> findByEntityTypeAndEntityIdOrderByAtAscIdAsc(String entityType, Long entityId);

    long count();
}
