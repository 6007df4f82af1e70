package vn.parindex.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.organisation.BodyWordings;
import vn.parindex.organisation.Unit;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.web.Caches;

/**
 * The appendix files' bytes (the district's or a unit's, Excel or CSV), the same for everyone allowed to download
 * them, kept per data revision and day.
 *
 * <p>Kept because measured (bench/pages.sh, api_appendix_xlsx, CPU per request on 2 cores, 48 rows): the workbook
 * cost 35 ms when built for each request; after the work itself was cut (no second save on close, row heights
 * reading each style once, POI's XML transformer named instead of searched in every jar) it still costs some
 * 20 ms, POI's XML writing, against the goal of 10 ms. Kept, a download costs what a kept JSON answer does.
 */
@Component
class AppendixBytes {

    private final ScoreboardService scoreboards;
    private final BodyWordings bodies;

    AppendixBytes(ScoreboardService scoreboards, BodyWordings bodies) {
        this.scoreboards = scoreboards;
        this.bodies = bodies;
    }

    /**
     * The file's bytes: the district's appendix ({@code unit} null) or a unit's, as of {@code day} (the workbook
     * says "số liệu đến ngày …"); kept per cycle, unit, kind, day and data revision (the {@value Caches#FRAGMENTS}
     * cache, bounded by bytes). Never changed once returned.
     */
    @Cacheable(cacheNames = Caches.FRAGMENTS, key = "{'appendix', #cycle.id, #unit?.id, #csv, #day}", sync = true)
    public byte[] file(Cycle cycle, Unit unit, boolean csv, LocalDate day) {
        // a cycle is one body's: its id keys the body's sheet too
        AppendixSheet sheet = unit == null ? AppendixSheet.of(scoreboards.forCycle(cycle), bodies.current())
                : AppendixSheet.ofUnit(scoreboards.forCycle(cycle), bodies.current(), unit.getId(), unit.getName());
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (csv) {
                AppendixFiles.csv(sheet, out);
            } else {
                AppendixFiles.xlsx(sheet, day, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
