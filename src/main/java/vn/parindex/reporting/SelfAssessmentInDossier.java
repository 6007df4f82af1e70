package vn.parindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Component;
import vn.parindex.dossier.DossierAttachment;
import vn.parindex.dossier.DossierService;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.system.NotFoundException;

/**
 * The self-assessment report in the dossier's .zip ({@code bao-cao-tu-danh-gia-2023.docx}), the same document as its
 * download: {@link ReportDocuments#selfAssessment} over the year's compiled report and the dossier at hand.
 */
@Component
class SelfAssessmentInDossier implements DossierAttachment {

    private final ReportCalendars calendars;
    private final DistrictReports district;
    private final ReportDocuments documents;
    private final KeptCycles cycles;

    SelfAssessmentInDossier(ReportCalendars calendars, DistrictReports district, ReportDocuments documents,
            KeptCycles cycles) {
        this.calendars = calendars;
        this.district = district;
        this.documents = documents;
        this.cycles = cycles;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fileName(DossierService.Overview dossier) {
        return "bao-cao-tu-danh-gia-" + dossier.cycle().year() + ".docx";
    }

    @Override
    public void write(DossierService.Overview dossier, OutputStream out) throws IOException {
        int year = dossier.cycle().year();
        Cycle cycle = cycles.byYear(year).orElseThrow(() -> NotFoundException.cycle(year));
        documents.selfAssessment(district.compile(cycle, calendars.period(cycle, String.valueOf(year))), dossier, out);
    }
}
