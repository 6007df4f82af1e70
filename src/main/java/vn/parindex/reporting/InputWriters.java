package vn.parindex.reporting;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.YearWriters;
import vn.parindex.organisation.Unit;
import vn.parindex.security.CurrentUser;

/**
 * Who could write a unit's report input ({@code {unitCode}}) were the year open: Home Affairs and the head of that
 * unit, as {@link ReportInputs#save} asks.
 */
@Component
final class InputWriters implements YearWriters {

    @Override
    public boolean mayWrite(CurrentUser user, Cycle cycle, Map<String, String> path) {
        // a code that cannot be a unit's is answered as before (400); a well-formed code of no unit is refused with
        // the 409 too, for Home Affairs only (it is not looked up: the year is closed whichever unit is named)
        return user != null && Unit.code(path.get("unitCode")).filter(code -> user.isAdmin()
                || (user.isUnitHead() && code.equals(user.unitCode()))).isPresent();
    }
}
