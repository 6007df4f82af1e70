package vn.parindex.criteria;

import java.util.List;

/**
 * What must be finished before a cycle may close: a self-assessment awaiting Home Affairs' review, a unit's report
 * awaiting acceptance. The modules that own such work provide it (they depend on {@code criteria}, not the other
 * way round); {@link CycleLifecycle#close} asks every one of them while holding the cycle's row lock.
 */
public interface PendingWork {

    /**
     * One pending item.
     *
     * @param kind a message key naming the kind of item, with {0} the item and {1} the unit
     * @param item what is pending (a criterion's code and name, a report period)
     * @param unit the unit it waits on or comes from, or an empty string
     */
    record Item(String kind, String item, String unit) {
    }

    /** The items pending in the cycle, in a stable order. */
    List<Item> pendingIn(long cycleId);

    /**
     * The items pending on one criterion (a self-assessment awaiting review), which stand in the way of changing how
     * it is scored ({@link ScoringMethodService}); none by default.
     */
    default List<Item> pendingOn(long criterionId) {
        return List.of();
    }
}
