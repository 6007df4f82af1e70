package vn.parindex.criteria;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read API: the assessment cycles on record. */
@RestController
@RequestMapping("/api/v1/cycles")
class CycleApiController {

    /** A cycle in the API. */
    record CycleJson(int year, int baselineYear, CycleStatus status, String title) {
    }

    private final CriteriaCatalog catalog;

    CycleApiController(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<CycleJson> cycles() {
        return catalog.cycles().stream()
                .map(c -> new CycleJson(c.getYear(), c.getBaselineYear(), c.getStatus(), c.getTitle()))
                .toList();
    }
}
