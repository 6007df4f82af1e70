package vn.parindex.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.parindex.dossier.DossierAttachment;
import vn.parindex.dossier.DossierService;
import vn.parindex.criteria.Cycle;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.system.NotFoundException;

/**
 * The district's appendix of scores in the dossier's .zip ({@code phu-luc-2023.xlsx}), the same workbook as its
 * download ({@link AppendixFiles#xlsx}).
 */
@Component
class AppendixInDossier implements DossierAttachment {

    private final ScoreboardService scoreboards;
    private final Clock clock;
    private final BodyWordings bodies;

    /** {@code clock}: the business clock ({@code system.BusinessClock}): the demo's date in demo mode. */
    AppendixInDossier(ScoreboardService scoreboards, Clock clock, BodyWordings bodies) {
        this.scoreboards = scoreboards;
        this.clock = clock;
        this.bodies = bodies;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fileName(DossierService.Overview dossier) {
        return "phu-luc-" + dossier.cycle().year() + ".xlsx";
    }

    @Override
    public void write(DossierService.Overview dossier, OutputStream out) throws IOException {
        int year = dossier.cycle().year();
        Cycle cycle = scoreboards.cycle(year).orElseThrow(() -> NotFoundException.cycle(year));
        AppendixFiles.xlsx(AppendixSheet.of(scoreboards.forCycle(cycle), bodies.current()), LocalDate.now(clock), out);
    }
}
