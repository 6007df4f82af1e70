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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    IndexOfBody(IndexYearRepository indexes, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.indexes = indexes;
        this.jdbc = jdbc;
    }

    /**
     * Holds the body's cycle of the year (a share lock, for the caller's transaction) and refuses unless the index
     * of its level is open: the publication waits for a write under way, and a write after it sees it published.
     */
    void requireOpenHolding(int year, long currentVersion) {
        holdCycle(year);
        IndexYear index = find(year).orElseThrow(() -> new vn.parindex.system.ConflictException(
                "conflict.indexNotOpen", currentVersion));
        index.requireOpen();
    }

    /** A share lock on the body's cycle of the year, inside the caller's transaction (none outside one). */
    private void holdCycle(int year) {
        // a read-only transaction (an import's dry run) writes nothing the publication could miss: nothing to hold
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                && !org.springframework.transaction.support.TransactionSynchronizationManager
                        .isCurrentTransactionReadOnly()) {
            jdbc.sql("select id from cycle where year = ? for share").param(year).query(Long.class).list();
        }
    }

    /** The index of the current body's level for the year; empty on a thread of no single body. */
    Optional<IndexYear> find(int year) {
        return BodyScope.body() == null ? Optional.empty() : indexes.findForCurrentBody(year);
    }

    @Override
    public State of(int year) {
        // asked inside the appraisal's transaction: the cycle held, as for the province's own writes
        holdCycle(year);
        return find(year).map(index -> switch (index.getStatus()) {
            case DRAFT -> State.NONE;
            case OPEN -> State.OPEN;
            case PUBLISHED -> State.PUBLISHED;
        }).orElse(State.NONE);
    }
}
