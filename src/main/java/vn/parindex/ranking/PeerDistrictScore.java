package vn.parindex.ranking;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** Another district's published total for a cycle's baseline year (from the province's ranking table). */
@Entity
@Table(name = "peer_district_score")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PeerDistrictScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long cycleId;

    private String district;

    private BigDecimal total;

    @Version
    private long version;

    PeerDistrictScore(long cycleId, String district, BigDecimal total) {
        this.cycleId = cycleId;
        this.district = district;
        this.total = total;
    }

    void changeTotal(BigDecimal total) {
        this.total = total;
    }
}
