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

    CriterionPages(CriterionRepository criteria, AssessmentRepository assessments, EvidenceService evidence) {
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

    long maxFileSizeMb() {
        return evidence.maxFileSize().toMegabytes();
    }

    /** An evidence document with its bytes, for download. */
    Evidence evidenceFile(long id) {
        Evidence file = evidence.find(id).orElseThrow(() -> new NotFoundException("Không có tài liệu số " + id));
        file.getContent();
        return file;
    }

    List<EvidenceInfo> evidence(long criterionId) {
        return evidence.forCriterion(criterionId);
    }
}
