package vn.parindex.criteria;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read API: the assessment cycles on record. */
@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Cycles", description = "The assessment cycles on record")
class CycleApiController {

    /** A cycle in the API. */
    record CycleJson(int year, int baselineYear, CycleStatus status, String title) {
    }

    private final KeptCycles catalog;

    CycleApiController(KeptCycles catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "The assessment cycles", description = "Year, baseline year, status and title of "
            + "every cycle, latest first.")
    @GetMapping
    List<CycleJson> cycles() {
        return catalog.all().stream()
                .map(c -> new CycleJson(c.getYear(), c.getBaselineYear(), c.getStatus(), c.getTitle()))
                .toList();
    }
}
