package vn.parindex.index;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import vn.parindex.index.IndexCalculation.TieBreak;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.system.ConflictException;

/**
 * The province's index of a level for a year (chỉ số CCHC của các xã, phường… năm …): its framework's settings and
 * where it stands. The province's row: read by every body, written only on the province's connection (V21).
 */
@Entity
@Table(name = "index_year")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class IndexYear {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int year;

    @Enumerated(EnumType.STRING)
    private BodyLevel level;

    @Enumerated(EnumType.STRING)
    private IndexStatus status = IndexStatus.DRAFT;

    @jakarta.persistence.Column(name = "scale_to_100")
    private boolean scaleTo100 = true;

    @Enumerated(EnumType.STRING)
    private TieBreak tieBreak = TieBreak.SHARED;

    private LocalDate selfAssessmentDue;

    private LocalDate explanationFrom;

    private LocalDate explanationTo;

    private OffsetDateTime openedAt;

    private OffsetDateTime publishedAt;

    @Version
    private long version;

    IndexYear(int year, BodyLevel level) {
        this.year = year;
        this.level = level;
    }

    void scaleTo100(boolean scale) {
        this.scaleTo100 = scale;
    }

    void settings(LocalDate due, LocalDate explanationFrom, LocalDate explanationTo, TieBreak tieBreak) {
        this.selfAssessmentDue = due;
        this.explanationFrom = explanationFrom;
        this.explanationTo = explanationTo;
        this.tieBreak = tieBreak;
    }

    void open(OffsetDateTime at) {
        this.status = IndexStatus.OPEN;
        this.openedAt = at;
    }

    void publish(OffsetDateTime at) {
        this.status = IndexStatus.PUBLISHED;
        this.publishedAt = at;
    }

    /** Refuses any change once published: 409 {@code conflict.indexPublished}. */
    void requireNotPublished() {
        if (status == IndexStatus.PUBLISHED) {
            throw new ConflictException("conflict.indexPublished", version);
        }
    }

    /** Refuses work that needs the bodies' cycles before the index is opened, or after publication. */
    void requireOpen() {
        requireNotPublished();
        if (status != IndexStatus.OPEN) {
            throw new ConflictException("conflict.indexNotOpen", version);
        }
    }
}
