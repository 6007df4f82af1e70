package vn.parindex.ranking;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PeerDistrictScoreRepository extends JpaRepository<PeerDistrictScore, Long> {

    List<PeerDistrictScore> findByCycleIdOrderByTotalDescDistrictAsc(Long cycleId);
}
