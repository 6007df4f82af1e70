package vn.parindex.review;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.framework.CriterionRepository;
import vn.parindex.web.NotFoundException;

/** Small read helpers shared by the workflow's pages and API. */
@Service
@Transactional(readOnly = true)
class CriterionPages {

    private final CriterionRepository criteria;
    private final AssessmentRepository assessments;
    private final EvidenceService evidence;
    private final vn.parindex.framework.CriterionUnitsEditor unitsEditor;
    private final vn.parindex.organisation.UnitRepository unitRepository;

    CriterionPages(CriterionRepository criteria, AssessmentRepository assessments, EvidenceService evidence,
            vn.parindex.framework.CriterionUnitsEditor unitsEditor,
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

    List<Long> directUnits(long criterionId, vn.parindex.framework.UnitRole role) {
        return unitsEditor.direct(criterionId, role);
    }

    long maxFileSizeMb() {
        return evidence.maxFileSize().toMegabytes();
    }

    /** An evidence document with its bytes, for download. */
    Evidence evidenceFile(long id) {
        Evidence file = evidence.find(id).orElseThrow(() -> new NotFoundException("notFound.evidence", id));
        file.getContent();
        return file;
    }

    List<EvidenceInfo> evidence(long criterionId) {
        return evidence.forCriterion(criterionId);
    }
}
