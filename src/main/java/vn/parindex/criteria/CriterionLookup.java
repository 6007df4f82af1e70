package vn.parindex.criteria;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finds criteria for the other modules (the assessment workflow reads a criterion, then asks this module to change
 * it): the repository stays inside {@code criteria}, and so does every write of a {@link Criterion}.
 */
@Service
public class CriterionLookup {

    private final CriterionRepository criteria;

    CriterionLookup(CriterionRepository criteria) {
        this.criteria = criteria;
    }

    public Optional<Criterion> findByYearAndCode(int year, String code) {
        return criteria.findByYearAndCode(year, code);
    }

    public Optional<Criterion> findById(long id) {
        return criteria.findById(id);
    }

    /** Whether the criterion has sub-criteria (only a criterion without them is assessed). */
    public boolean existsByParentId(Long parentId) {
        return criteria.existsByParentId(parentId);
    }
}
