package vn.parindex.criteria;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A cycle as read, without its criteria: immutable, so one reading can be kept and shared between requests
 * ({@link KeptCycles}), where a {@link Cycle} entity could not. {@link #toCycle()} gives each caller a detached
 * entity of its own.
 */
public record CycleSummary(long id, int year, int baselineYear, CycleStatus status, String title,
        BigDecimal recordedTotalMax, BigDecimal recordedTotalBaseline, BigDecimal recordedTotalTarget,
        Integer recordedTotalChange, OffsetDateTime createdAt, Integer baselineRank, Integer targetRank,
        Integer districtCount, String districtName, OffsetDateTime closedAt, long version,
        String bodyLevel, String published) {

    static CycleSummary of(Cycle c) {
        return new CycleSummary(c.getId(), c.getYear(), c.getBaselineYear(), c.getStatus(), c.getTitle(),
                c.getRecordedTotalMax(), c.getRecordedTotalBaseline(), c.getRecordedTotalTarget(),
                c.getRecordedTotalChange(), c.getCreatedAt(), c.getBaselineRank(), c.getTargetRank(),
                c.getDistrictCount(), c.getDistrictName(), c.getClosedAt(), c.getVersion(),
                c.getBodyLevel(), c.getPublished());
    }

    /** A new detached entity with these values: the caller's own, never shared. */
    public Cycle toCycle() {
        return new Cycle(this);
    }
}
