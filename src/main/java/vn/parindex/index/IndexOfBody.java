package vn.parindex.index;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.parindex.appraisal.ProvinceAppraises;
import vn.parindex.system.BodyScope;

/**
 * The province's index of the current body's level for a year, if any (one statement, in the body's scope: its own
 * row of {@code body} and the province's rows of {@code index_year} are both visible there).
 */
@Component
class IndexOfBody implements ProvinceAppraises {

    private final IndexYearRepository indexes;

    IndexOfBody(IndexYearRepository indexes) {
        this.indexes = indexes;
    }

    /** The index of the current body's level for the year; empty on a thread of no single body. */
    Optional<IndexYear> find(int year) {
        return BodyScope.body() == null ? Optional.empty() : indexes.findForCurrentBody(year);
    }

    @Override
    public State of(int year) {
        return find(year).map(index -> switch (index.getStatus()) {
            case DRAFT -> State.NONE;
            case OPEN -> State.OPEN;
            case PUBLISHED -> State.PUBLISHED;
        }).orElse(State.NONE);
    }
}
