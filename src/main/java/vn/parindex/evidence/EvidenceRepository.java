package vn.parindex.evidence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    /** Descriptions only: the bytes are never loaded for listings. */
    @Query("""
            select new vn.parindex.evidence.EvidenceInfo(e.id, e.criterionId, e.assessmentId, e.fileName,
                e.contentType, e.sizeBytes, e.sha256, u.username, e.uploadedAt, e.documentNumber, e.issuedOn, e.summary)
            from Evidence e, vn.parindex.security.AppUser u where u.id = e.uploadedBy and e.criterionId = :criterionId
            order by e.uploadedAt, e.id""")
    List<EvidenceInfo> describeByCriterion(Long criterionId);
}
