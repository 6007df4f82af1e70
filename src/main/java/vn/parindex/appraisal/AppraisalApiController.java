package vn.parindex.appraisal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.NotFoundException;

/**
 * The province's appraisal of a criterion and the reconciliation with the self-assessment, under the cycles' addresses
 * and their tag (described by {@code criteria.CycleApiController}: a tag named only here adds no second description).
 */
@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Cycles")
class AppraisalApiController {

    /** The province's appraisal of a criterion. */
    record AppraisalRequest(BigDecimal appraisedScore, String reason, Long version) {
    }

    /** A criterion after its appraisal. */
    record AppraisalJson(String code, BigDecimal maxScore, BigDecimal currentScore, BigDecimal appraisedScore,
            BigDecimal officialScore, BigDecimal deduction, String reason, long version) {
    }

    private final AppraisalService appraisals;
    private final Reconciliation reconciliation;

    private final vn.parindex.web.KeptJson kept;

    AppraisalApiController(AppraisalService appraisals, Reconciliation reconciliation, vn.parindex.web.KeptJson kept) {
        this.appraisals = appraisals;
        this.reconciliation = reconciliation;
        this.kept = kept;
    }

    @Operation(summary = "Record the province's appraisal of a criterion (Home Affairs)", description = "The "
            + "appraised score (0..maximum, at most 4 decimals) and the province's reason for any deduction "
            + "(required when below the self-assessed score; at most 2 000 characters), with the criterion's "
            + "version. The appraised score becomes the criterion's official result.")
    @ApiResponse(responseCode = "200", description = "The criterion's figures after the appraisal",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppraisalJson.class)))
    @ApiResponse(responseCode = "400", description = "A score out of range, a domain, a missing reason or "
            + "version (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only Home Affairs records the appraisal")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no criterion of that code")
    @ApiResponse(responseCode = "409", description = "A stale version, or the cycle is closed")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PutMapping("/{year}/criteria/{code}/appraisal")
    AppraisalJson appraise(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String code,
            @RequestBody AppraisalRequest request) {
        String score = AppraisalService.scoreText(request.appraisedScore(), "appraisedScore", true);
        Criterion c = appraisals.appraise(user, cycle.getYear(), code,
                new AppraisalService.AppraisalChange(score, request.reason(), request.version()));
        BigDecimal appraised = c.getAppraisedScore();
        BigDecimal current = c.getCurrentScore();
        return new AppraisalJson(c.getCode(), c.getMaxScore(), current, appraised,
                appraised != null ? appraised : current,
                appraised == null || current == null ? null : current.subtract(appraised), c.getAppraisalReason(),
                c.getVersion());
    }

    @Operation(summary = "The reconciliation of self-assessment and appraisal", description = "Every criterion "
            + "where the province deducted points from the self-assessed score, with the reason and the lead unit; "
            + "and the totals self-assessed and appraised.")
    @ApiResponse(responseCode = "200", description = "The reconciliation",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Reconciliation.View.class)))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/{year}/reconciliation")
    org.springframework.http.ResponseEntity<byte[]> reconciliation(@PathVariable int year) {
        // the same for everyone who may ask: written as JSON once per data revision (bench/pages.sh,
        // api_reconciliation: 0,56 ms of CPU a request, 0,38x the static file, below the API goal of 0,4x)
        return kept.ok(() -> reconciliation.of(year).orElseThrow(() -> NotFoundException.cycle(year)));
    }
}
