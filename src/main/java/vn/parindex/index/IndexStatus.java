package vn.parindex.index;

/** Where the province's index of a level stands in its year. */
public enum IndexStatus {
    /** The framework is imported; the bodies have no cycle of it yet. */
    DRAFT,
    /** Opened: every body of the level has its cycle, assesses itself, is appraised, explains. */
    OPEN,
    /** The result is published: ranks and bands are final, nothing changes any more. */
    PUBLISHED
}
