package vn.parindex.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A body's units (cơ quan, đơn vị) with their kind: its people see their own body's, the province the body named. */
@RestController
@Tag(name = "Units", description = "A body's offices, communes and divisions")
class UnitApiController {

    /** A unit in the API. */
    record UnitJson(String code, String name, UnitKind kind, boolean active) {
        static UnitJson of(Unit unit) {
            return new UnitJson(unit.getCode(), unit.getName(), unit.getKind(), unit.isActive());
        }
    }

    private final UnitAdminService units;

    UnitApiController(UnitAdminService units) {
        this.units = units;
    }

    @Operation(summary = "The body's units", description = "Every unit of the body, retired ones too (`active` "
            + "false), in the order they were added, each with its kind: DISTRICT_OFFICE (a district's office), "
            + "COMMUNE (a commune or town under a district), OFFICE (a commune's, ward's, special zone's or "
            + "department's office or division). A body's people get their own body's; the province's account "
            + "names the body with `?body=CODE`.")
    @GetMapping("/api/v1/units")
    List<UnitJson> list() {
        return units.all().stream().map(UnitJson::of).toList();
    }
}
