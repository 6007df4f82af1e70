package vn.parindex.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.system.NotFoundException;

/**
 * The appendix as downloads, the same for the pages and the API: the district's ({@code phu-luc-2023.xlsx}) or
 * one unit's ({@code phu-luc-2023-tuphap.xlsx}), as Excel or CSV. Some tens of kilobytes, built whole, kept
 * per data revision and day ({@link AppendixBytes}).
 */
@Component
class AppendixDownloads {

    private final UnitRepository units;
    private final Clock clock;
    private final AppendixBytes files;

    @Autowired
    AppendixDownloads(AppendixBytes files, UnitRepository units, Clock clock) {
        this.files = files;
        this.units = units;
        this.clock = clock;
    }

    /** The district's appendix; {@code csv} false gives the workbook. */
    ResponseEntity<byte[]> district(Cycle cycle, boolean csv) {
        return answer(files.file(cycle, null, csv, LocalDate.now(clock)), csv, "phu-luc-" + cycle.getYear());
    }

    /** The criteria a unit leads, with the rows above them. */
    ResponseEntity<byte[]> unit(Cycle cycle, String typedCode, boolean csv) {
        String shown = typedCode.length() > 32 ? typedCode.substring(0, 32) : typedCode;
        String code = Unit.code(typedCode).orElseThrow(() -> new NotFoundException("notFound.unitCode", shown));
        Unit unit = units.findByCode(code).orElseThrow(() -> new NotFoundException("notFound.unitCode", code));
        return answer(files.file(cycle, unit, csv, LocalDate.now(clock)), csv,
                "phu-luc-" + cycle.getYear() + "-" + code.toLowerCase(Locale.ROOT));
    }

    private ResponseEntity<byte[]> answer(byte[] bytes, boolean csv, String name) {
        String fileName = name + (csv ? ".csv" : ".xlsx");
        return vn.parindex.web.Attachment.of(bytes, csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(AppendixFiles.XLSX), fileName);
    }
}
