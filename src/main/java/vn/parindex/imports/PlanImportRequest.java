package vn.parindex.imports;

import java.util.List;
import java.util.Map;
import vn.parindex.criteria.CycleStatus;

/**
 * What to import a plan table as.
 *
 * @param year the cycle's year (the table's target column is {@code muc_tieu_<year>})
 * @param baselineYear the baseline year (columns {@code diem_<baselineYear>}, {@code ton_tai_han_che_<baselineYear>})
 * @param status the new cycle's status
 * @param title a title for the cycle, e.g. the plan's name
 * @param extraLeadUnits lead units the table leaves to the plan's text, by node code (unit codes or names)
 * @param coordinatingUnits coordinating units by node code (unit codes or names); children inherit them
 */
public record PlanImportRequest(int year, int baselineYear, CycleStatus status, String title,
        Map<String, List<String>> extraLeadUnits, Map<String, List<String>> coordinatingUnits) {

    public PlanImportRequest {
        extraLeadUnits = extraLeadUnits == null ? Map.of() : Map.copyOf(extraLeadUnits);
        coordinatingUnits = coordinatingUnits == null ? Map.of() : Map.copyOf(coordinatingUnits);
    }

    /** A request with no supplements from the plan's text. */
    public static PlanImportRequest of(int year, int baselineYear) {
        return new PlanImportRequest(year, baselineYear, CycleStatus.ACTIVE, null, Map.of(), Map.of());
    }

    String baselineColumn() {
        return "diem_" + baselineYear;
    }

    String targetColumn() {
        return "muc_tieu_" + year;
    }

    String weaknessColumn() {
        return "ton_tai_han_che_" + baselineYear;
    }
}
