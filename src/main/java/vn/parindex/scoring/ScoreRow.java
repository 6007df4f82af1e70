package vn.parindex.scoring;

import vn.parindex.criteria.CriterionView;

/** A node of the criteria tree with its effective figures. */
public record ScoreRow(CriterionView criterion, Figures figures) {

    public String code() {
        return criterion.code();
    }

    public boolean isDomain() {
        return criterion.parentCode() == null;
    }
}
