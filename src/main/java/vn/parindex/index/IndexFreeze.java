package vn.parindex.index;

import org.springframework.stereotype.Component;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.SelfAssessmentFreeze;

/**
 * Once the province has appraised a criterion of a year whose index it runs for the body's level (open or
 * published), the body's self-assessed score of it no longer changes: the deduction, the explanation and the
 * tie-break are measured against it. One statement, only for a criterion already appraised.
 */
@Component
class IndexFreeze implements SelfAssessmentFreeze {

    private final IndexOfBody index;

    IndexFreeze(IndexOfBody index) {
        this.index = index;
    }

    @Override
    public String frozen(Criterion criterion) {
        if (criterion.getAppraisedScore() == null) {
            return null;
        }
        return index.find(criterion.getCycle().getYear()).filter(i -> i.getStatus() != IndexStatus.DRAFT)
                .map(i -> "conflict.selfAssessmentFrozen").orElse(null);
    }
}
