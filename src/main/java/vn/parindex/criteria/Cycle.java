package vn.parindex.criteria;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Formula;

/** An assessment cycle (kỳ đánh giá): the year worked on, measured against the baseline year's official result. */
@Entity
@Table(name = "cycle")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Cycle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int year;

    private int baselineYear;

    @Enumerated(EnumType.STRING)
    private CycleStatus status;

    private String title;

    /** The printed total row (Tổng điểm), as recorded; null where the table has none. */
    private BigDecimal recordedTotalMax;

    private BigDecimal recordedTotalBaseline;

    private BigDecimal recordedTotalTarget;

    private Integer recordedTotalChange;

    private OffsetDateTime createdAt = OffsetDateTime.now();

    /** The district's official rank in the baseline year, the rank it aims for, and how many districts are ranked. */
    private Integer baselineRank;

    private Integer targetRank;

    private Integer districtCount;

    private String districtName;

    /** When Home Affairs closed the cycle; null while open. */
    private OffsetDateTime closedAt;

    @Version
    private long version;

    /**
     * The database's data revision when this cycle was read: it changes with every write to units, cycles,
     * criteria, assignments, assessments or peer scores, so a page rendered from one revision can be reused
     * until it changes.
     */
    @Formula("(select r.revision from data_revision r where r.id = 1)")
    private long dataRevision;

    public Cycle(int year, int baselineYear, CycleStatus status, String title) {
        this.year = year;
        this.baselineYear = baselineYear;
        this.status = status;
        this.title = title;
    }

    public void recordRanking(String districtName, Integer baselineRank, Integer targetRank, Integer districtCount) {
        this.districtName = districtName;
        this.baselineRank = baselineRank;
        this.targetRank = targetRank;
        this.districtCount = districtCount;
    }

    /** Closes the cycle: from now on nothing in it changes. */
    void close(OffsetDateTime at) {
        this.status = CycleStatus.CLOSED;
        this.closedAt = at;
    }

    public boolean isClosed() {
        return status == CycleStatus.CLOSED;
    }

    public void recordTotals(BigDecimal max, BigDecimal baseline, BigDecimal target, Integer change) {
        this.recordedTotalMax = max;
        this.recordedTotalBaseline = baseline;
        this.recordedTotalTarget = target;
        this.recordedTotalChange = change;
    }
}
