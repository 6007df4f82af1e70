package vn.parindex.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.framework.Scores;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.web.FieldErrors;
import vn.parindex.web.NotFoundException;

/** The other districts' published totals, kept by Home Affairs, and the forecast they allow. */
@Service
public class RankingService {

    static final String ENTITY = "PEER_DISTRICT";

    private final PeerDistrictScoreRepository peers;
    private final AuditTrail audit;

    RankingService(PeerDistrictScoreRepository peers, AuditTrail audit) {
        this.peers = peers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PeerDistrictScore> peers(long cycleId) {
        return peers.findByCycleIdOrderByTotalDescDistrictAsc(cycleId);
    }

    @Transactional(readOnly = true)
    public RankForecast forecast(long cycleId) {
        return new RankForecast(peers(cycleId).stream().map(PeerDistrictScore::getTotal).toList());
    }

    /** Records (or corrects) a district's total, typed {@code 86,25} or {@code 86.25}. */
    @Transactional
    public void record(CurrentUser admin, long cycleId, String district, String totalText) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new AccessDeniedException("forbidden");
        }
        FieldErrors errors = new FieldErrors();
        String name = district == null ? "" : district.strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add("district", "ranking.districtRequired");
        }
        BigDecimal total = null;
        try {
            total = Scores.parse(totalText);
            if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add("total", "score.aboveMax");
            }
        } catch (IllegalArgumentException e) {
            errors.add("total", totalText == null || totalText.isBlank() ? "score.required" : e.getMessage());
        }
        errors.throwIfAny();
        Optional<PeerDistrictScore> existing = peers(cycleId).stream()
                .filter(p -> p.getDistrict().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
        PeerDistrictScore peer = existing.orElseGet(() -> peers.save(new PeerDistrictScore(cycleId, name,
                BigDecimal.ZERO)));
        audit.record(admin.actor(), ENTITY, peer.getId(), null, name,
                existing.map(PeerDistrictScore::getTotal).orElse(null), total, null);
        peer.changeTotal(total);
        peers.flush();
    }

    @Transactional
    public void remove(CurrentUser admin, long id) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new AccessDeniedException("forbidden");
        }
        PeerDistrictScore peer = peers.findById(id).orElseThrow(() -> new NotFoundException("notFound.peer", id));
        audit.record(admin.actor(), ENTITY, peer.getId(), null, peer.getDistrict(), peer.getTotal(), null, "Xóa");
        peers.delete(peer);
    }
}
