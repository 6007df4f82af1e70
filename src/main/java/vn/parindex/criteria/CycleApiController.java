package vn.parindex.criteria;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.security.CurrentUser;

/** The assessment cycles: the list, closing one, starting the next year (the province's appraisal: {@code appraisal}). */
@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Cycles", description = "The assessment cycles: closing one, starting the next, the province's "
        + "appraisal and the reconciliation with the self-assessment")
class CycleApiController {

    /** A cycle in the API. */
    record CycleJson(int year, int baselineYear, CycleStatus status, String title) {
        static CycleJson of(Cycle c) {
            return new CycleJson(c.getYear(), c.getBaselineYear(), c.getStatus(), c.getTitle());
        }
    }

    /** Start the next year from a cycle, old codes mapped to new ones. */
    record NewCycleRequest(Integer year, Integer from, Map<String, String> mapping) {
    }

    /** A new cycle and where each of its criteria comes from. */
    record StartedJson(int year, int baselineYear, CycleStatus status, String title, int criteria,
            List<CarriedJson> mapped) {
    }

    /** A new code continuing one or more old ones (only those that differ from the old code are listed). */
    record CarriedJson(String code, List<String> from) {
    }

    /** How a criterion is to be scored, with the version the change is based on and an optional reason. */
    record ScoringMethodRequest(
            @Schema(description = "SELF_ASSESSMENT (tự đánh giá) or SURVEY (điều tra xã hội học)",
                    allowableValues = {"SELF_ASSESSMENT", "SURVEY"}) String scoringMethod,
            @Schema(description = "The criterion's version the change is based on") Long version,
            @Schema(description = "Why, for the history (optional, at most 4 000 characters)") String reason) {
    }

    /** A criterion after its scoring method was set. */
    record ScoringMethodJson(String code, ScoringMethod scoringMethod, long version) {
    }

    private final KeptCycles catalog;
    private final CycleLifecycle lifecycle;
    private final ScoringMethodService scoringMethods;

    CycleApiController(KeptCycles catalog, CycleLifecycle lifecycle, ScoringMethodService scoringMethods) {
        this.scoringMethods = scoringMethods;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    @Operation(summary = "The assessment cycles", description = "Year, baseline year, status and title of "
            + "every cycle, latest first.")
    @GetMapping
    List<CycleJson> cycles() {
        return catalog.all().stream().map(CycleJson::of).toList();
    }

    @Operation(summary = "Start the next year (Home Affairs)", description = "Creates the cycle of `year` from the "
            + "cycle of `from`: the same tree, units and assignments; last year's official results (appraised, else "
            + "current) as the baseline; no targets; the weaknesses still open. `mapping` maps old codes to new ones "
            + "where the province renamed or renumbered criteria (several old codes to one new code merge them); "
            + "every new criterion keeps a link to the old ones, so its trend continues.")
    @ApiResponse(responseCode = "201", description = "The new cycle",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StartedJson.class)))
    @ApiResponse(responseCode = "400", description = "No year, no such cycle to start from, a year not after it, "
            + "or a mapping from an unknown code, to an invalid code, to a code without its parent, or colliding "
            + "(errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs starts a year")
    @ApiResponse(responseCode = "409", description = "A cycle of that year already exists")
    @PostMapping
    ResponseEntity<StartedJson> start(@AuthenticationPrincipal CurrentUser user,
            @RequestBody NewCycleRequest request) {
        CycleLifecycle.NextCycle next = new CycleLifecycle.NextCycle(request.year(), request.from(),
                request.mapping());
        List<CycleLifecycle.Carried> plan = lifecycle.plan(user, next);
        Cycle cycle = lifecycle.startNext(user, next);
        List<CarriedJson> mapped = plan.stream()
                .filter(c -> c.oldCodes().size() > 1 || !c.oldCodes().get(0).equals(c.newCode()))
                .map(c -> new CarriedJson(c.newCode(), c.oldCodes())).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new StartedJson(cycle.getYear(),
                cycle.getBaselineYear(), cycle.getStatus(), cycle.getTitle(), plan.size(), mapped));
    }

    @Operation(summary = "Close a cycle (Home Affairs)", description = "Everything in it becomes read-only; its "
            + "history and evidence stay. Refused while self-assessments await review or report inputs await "
            + "acceptance: the refusal lists them (pending[]).")
    @ApiResponse(responseCode = "200", description = "The closed cycle",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CycleJson.class)))
    @ApiResponse(responseCode = "403", description = "Only Home Affairs closes a cycle")
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @ApiResponse(responseCode = "409", description = "Already closed, or work still pending (pending[])")
    @PostMapping("/{year}/close")
    CycleJson close(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
        return CycleJson.of(lifecycle.close(user, year));
    }

    @Operation(summary = "Change how a criterion is scored (Home Affairs)", description = "SELF_ASSESSMENT: the "
            + "lead unit submits a self-assessment with evidence; SURVEY: the province's sociological survey gives the "
            + "score, which Home Affairs enters. Only a criterion without parts. Refused while a self-assessment of the "
            + "criterion awaits review (Home Affairs approves or returns it first: the refusal lists it, pending[]). "
            + "Recorded in the criterion's history; the same method again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The criterion's scoring method and new version",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ScoringMethodJson.class)))
    @ApiResponse(responseCode = "400", description = "No or an unknown scoringMethod, a criterion with parts, no "
            + "version, a reason too long or with control characters (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs changes how a criterion is scored")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no criterion of that code")
    @ApiResponse(responseCode = "409", description = "A stale version (currentVersion), the cycle is closed, or a "
            + "self-assessment awaits review (pending[])")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PutMapping("/{year}/criteria/{code}/scoring-method")
    ScoringMethodJson scoringMethod(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @RequestBody ScoringMethodRequest request) {
        Criterion c = scoringMethods.change(user, cycle.getYear(), code, new ScoringMethodService.MethodChange(
                request.scoringMethod(), request.reason(), request.version()));
        return new ScoringMethodJson(c.getCode(), c.getScoringMethod(), c.getVersion());
    }
}
