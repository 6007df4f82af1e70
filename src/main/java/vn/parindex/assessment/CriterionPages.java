package vn.parindex.assessment;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.criteria.CriterionLookup;
import vn.parindex.system.NotFoundException;

/** Small read helpers shared by the workflow's pages and API. */
@Service
@Transactional(readOnly = true)
class CriterionPages {

    private final CriterionLookup criteria;
    private final AssessmentRepository assessments;
    private final EvidenceService evidence;
    private final vn.parindex.criteria.CriterionUnitsEditor unitsEditor;
    private final vn.parindex.organisation.UnitRepository unitRepository;

    CriterionPages(CriterionLookup criteria, AssessmentRepository assessments, EvidenceService evidence,
            vn.parindex.criteria.CriterionUnitsEditor unitsEditor,
            vn.parindex.organisation.UnitRepository unitRepository) {
        this.unitsEditor = unitsEditor;
        this.unitRepository = unitRepository;
        this.criteria = criteria;
        this.assessments = assessments;
        this.evidence = evidence;
    }

    long criterionId(int year, String code) {
        return criteria.findByYearAndCode(year, code).orElseThrow(() -> AssessmentService.notFound(year, code))
                .getId();
    }

    boolean isLeaf(long criterionId) {
        return !criteria.existsByParentId(criterionId);
    }

    List<vn.parindex.organisation.Unit> units() {
        return unitRepository.findAllByOrderByIdAsc();
    }

    List<Long> directUnits(long criterionId, vn.parindex.criteria.UnitRole role) {
        return unitsEditor.direct(criterionId, role);
    }

    long maxFileSizeMb() {
        return evidence.maxFileSize().toMegabytes();
    }

    /** An evidence document's description, for download. */
    Evidence evidenceFile(long id) {
        return evidence.find(id).orElseThrow(() -> new NotFoundException("notFound.evidence", id));
    }

    /** Writes an evidence document's bytes, slice by slice (outside any transaction: documents never change). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void copyEvidence(long id, long size, java.io.OutputStream out) throws java.io.IOException {
        evidence.copyContent(id, size, out);
    }

    List<EvidenceInfo> evidence(long criterionId) {
        return evidence.forCriterion(criterionId);
    }
}
