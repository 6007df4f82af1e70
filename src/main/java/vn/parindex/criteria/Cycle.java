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
     * The level of the cycle's body ({@code organisation.BodyLevel}'s name), read with the cycle in the same
     * statement: what the pages call the body's peers ("các xã, phường, đặc khu"). Null on a cycle not read yet.
     */
    @org.hibernate.annotations.Formula("(select b.level from body b where b.id = body_id)")
    private String bodyLevel;

    /**
     * The body's rank as the province published it for the year ({@code index_result}: "rank|ranked|band"), read
     * with the cycle in the same statement; null while none is published.
     */
    // linked through the cycle's own row by id: Hibernate leaves a bare "year" unqualified (a keyword to it), which
    // PostgreSQL would then read as the index's year
    @org.hibernate.annotations.Formula("(select r.rank || '|' || (select count(*) from index_result a"
            + " where a.index_year_id = r.index_year_id and a.rank is not null) || '|' || coalesce(r.band, '')"
            + " from index_result r join index_year i on i.id = r.index_year_id join cycle y"
            + " on y.body_id = r.assessed_body_id and y.year = i.year where y.id = id and i.status = 'PUBLISHED')")
    private String published;

    public Cycle(int year, int baselineYear, CycleStatus status, String title) {
        this.year = year;
        this.baselineYear = baselineYear;
        this.status = status;
        this.title = title;
    }

    /** A detached copy of a cycle as read ({@link CycleSummary#toCycle()}). */
    Cycle(CycleSummary read) {
        this.id = read.id();
        this.year = read.year();
        this.baselineYear = read.baselineYear();
        this.status = read.status();
        this.title = read.title();
        this.recordedTotalMax = read.recordedTotalMax();
        this.recordedTotalBaseline = read.recordedTotalBaseline();
        this.recordedTotalTarget = read.recordedTotalTarget();
        this.recordedTotalChange = read.recordedTotalChange();
        this.createdAt = read.createdAt();
        this.baselineRank = read.baselineRank();
        this.targetRank = read.targetRank();
        this.districtCount = read.districtCount();
        this.districtName = read.districtName();
        this.closedAt = read.closedAt();
        this.version = read.version();
        this.bodyLevel = read.bodyLevel();
        this.published = read.published();
    }

    /** The body's published rank of the year ("rank|ranked|band"), or null ({@link PublishedRank#of}). */
    public String getPublished() {
        return published;
    }

    /**
     * The body's level as the pages' words for its peers are keyed ({@code body.peers.COMMUNE}, ...), or
     * {@code ANY} when not known (a cycle just created): words that fit every level.
     */
    public String getPeerWords() {
        return bodyLevel == null ? "ANY" : bodyLevel;
    }

    /** The level of the cycle's body (a {@code BodyLevel} name), or null when not read. */
    public String getBodyLevel() {
        return bodyLevel;
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
