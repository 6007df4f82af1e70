package vn.parindex.ranking;

import org.springframework.data.jpa.repository.JpaRepository;

interface PeerDistrictScoreRepository extends JpaRepository<PeerDistrictScore, Long> {
}
