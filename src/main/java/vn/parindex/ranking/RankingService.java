package vn.parindex.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;
import vn.parindex.criteria.Scores;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;

/**
 * The other districts' published totals, kept by Home Affairs (only ADMIN changes them: {@code @PreAuthorize}), and
 * the forecast they allow.
 */
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

    /** Longest district name (column {@code peer_district_score.district}). */
    static final int MAX_DISTRICT_LENGTH = 100;

    /**
     * Adds a district's total, typed {@code 86,25} or {@code 86.25}. A district already in the table is corrected
     * in its own row ({@link #correct}), with the version shown: entering its name again is a conflict (409).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void add(CurrentUser admin, long cycleId, String district, String totalText) {
        FieldErrors errors = new FieldErrors();
        String name = district == null ? "" : district.strip();
        if (name.isEmpty() || name.length() > MAX_DISTRICT_LENGTH) {
            errors.add("district", "ranking.districtRequired");
        }
        BigDecimal total = parseTotal(totalText, "total", errors);
        errors.throwIfAny();
        Optional<PeerDistrictScore> existing = peers(cycleId).stream()
                .filter(p -> p.getDistrict().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (existing.isPresent()) {
            throw new ConflictException("conflict.peerExists", existing.get().getVersion());
        }
        PeerDistrictScore peer = peers.saveAndFlush(new PeerDistrictScore(cycleId, name, total));
        audit.record(admin.actor(), ENTITY, peer.getId(), null, "total", null, total, name);
    }

    /** Corrects a district's total; refused (409) when the version shown is no longer the current one. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void correct(CurrentUser admin, long cycleId, long id, String totalText, Long version) {
        PeerDistrictScore peer = peers.findById(id).filter(p -> p.getCycleId() == cycleId)
                .orElseThrow(() -> new NotFoundException("notFound.peer", id));
        FieldErrors errors = new FieldErrors();
        BigDecimal total = parseTotal(totalText, "total", errors);
        if (version == null) {
            errors.add("total", "version.required");
        }
        errors.throwIfAny();
        requireVersion(peer, version);
        audit.record(admin.actor(), ENTITY, peer.getId(), null, "total", peer.getTotal(), total,
                peer.getDistrict());
        peer.changeTotal(total);
        peers.saveAndFlush(peer);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void remove(CurrentUser admin, long id, Long version) {
        PeerDistrictScore peer = peers.findById(id).orElseThrow(() -> new NotFoundException("notFound.peer", id));
        if (version == null) {
            new FieldErrors().add("version", "version.required").throwIfAny();
        }
        requireVersion(peer, version);
        audit.record(admin.actor(), ENTITY, peer.getId(), null, "total", peer.getTotal(), null,
                "Xóa: " + peer.getDistrict());
        peers.delete(peer);
        peers.flush();
    }

    private static void requireVersion(PeerDistrictScore peer, long version) {
        if (peer.getVersion() != version) {
            throw new ConflictException("conflict.peer", peer.getVersion());
        }
    }

    private static BigDecimal parseTotal(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "score.required");
            return null;
        }
        try {
            BigDecimal total = Scores.parse(text);
            if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(field, "score.aboveMax");
                return null;
            }
            return total;
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }
}
