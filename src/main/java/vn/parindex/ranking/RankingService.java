package vn.parindex.ranking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    RankingService(PeerDistrictScoreRepository peers, AuditTrail audit, JdbcClient jdbc) {
        this.peers = peers;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The ranking table of a cycle, highest total first, in one statement: the province's published results of the
     * baseline year at the body's level (view {@code published_peer_score}), and the typed rows of bodies outside
     * them (a typed row of the same name as a published body gives way to the published one).
     */
    @Transactional(readOnly = true)
    public List<PeerLine> peers(long cycleId) {
        return jdbc.sql("""
                select p.id, p.district, p.total, p.version, false as published from peer_district_score p
                where p.cycle_id = :cycle and not exists (select 1 from published_peer_score s
                    where s.cycle_id = :cycle and lower(s.peer_name) = lower(p.district))
                union all
                select null, s.peer_name, s.total, null, true from published_peer_score s where s.cycle_id = :cycle
                order by 3 desc, 2""")
                .param("cycle", cycleId).query(PeerLine.class).list();
    }

    @Transactional(readOnly = true)
    public RankForecast forecast(long cycleId) {
        return new RankForecast(peers(cycleId).stream().map(PeerLine::total).toList());
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
        // a body already in the table, typed or published, is not added twice
        Optional<PeerLine> existing = peers(cycleId).stream()
                .filter(p -> p.district().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
        if (existing.isPresent()) {
            throw new ConflictException("conflict.peerExists",
                    java.util.Objects.requireNonNullElse(existing.get().version(), 0L));
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
