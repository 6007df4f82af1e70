package vn.parindex.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.reporting.ReportViews.UnitInput;

/**
 * The Word documents as downloads, the same for the pages and the API: the district's report of a period and a
 * unit's input, each with a file name naming the period (and the unit). A document is some tens of kilobytes,
 * built whole by POI, so it is answered from memory.
 */
@Component
class ReportDownloads {

    private final ReportService reports;
    private final ReportCalendars calendars;
    private final DistrictReports district;
    private final ReportDocuments documents;
    private final vn.parindex.dossier.DossierService dossiers;

    ReportDownloads(ReportService reports, ReportCalendars calendars, DistrictReports district,
            ReportDocuments documents, vn.parindex.dossier.DossierService dossiers) {
        this.reports = reports;
        this.calendars = calendars;
        this.district = district;
        this.documents = documents;
        this.dossiers = dossiers;
    }

    /** The self-assessment report of the cycle's year: {@code bao-cao-tu-danh-gia-2023.docx}. */
    ResponseEntity<byte[]> selfAssessment(Cycle cycle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        documents.selfAssessment(district.compile(cycle, calendars.period(cycle, String.valueOf(cycle.getYear()))),
                dossiers.overview(cycle.getYear()), out);
        return docx(out, "bao-cao-tu-danh-gia-" + cycle.getYear() + ".docx");
    }

    /** The district's report for the period: {@code bao-cao-cchc-2023-Q1.docx}. */
    ResponseEntity<byte[]> district(Cycle cycle, ReportPeriod period) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        documents.district(district.compile(cycle, period), out);
        return docx(out, "bao-cao-cchc-" + period.code() + ".docx");
    }

    /** A unit's input for the period: {@code bao-cao-cchc-2023-Q1-tuphap.docx}. */
    ResponseEntity<byte[]> unit(vn.parindex.security.CurrentUser reader, Cycle cycle, ReportPeriod period,
            String unitCode) throws IOException {
        UnitInput input = reports.input(reader, cycle, period, unitCode);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        // a sent input is dated the day it was sent; a draft, today
        java.time.LocalDate on = input.status().submittedAt() != null && !input.status().status().owed()
                ? input.status().submittedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate()
                : calendars.today();
        documents.unit(input, district.issuer(cycle, input.status().unit()), district.body(), on, out);
        return docx(out, "bao-cao-cchc-" + period.code() + "-"
                + input.status().unit().code().toLowerCase(Locale.ROOT) + ".docx");
    }

    private static ResponseEntity<byte[]> docx(ByteArrayOutputStream out, String fileName) {
        return vn.parindex.web.Attachment.of(out.toByteArray(), MediaType.parseMediaType(ReportDocuments.DOCX),
                fileName);
    }
}
