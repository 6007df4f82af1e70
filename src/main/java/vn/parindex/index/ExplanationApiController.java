package vn.parindex.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Criterion;
import vn.parindex.security.CurrentUser;

/** A body explains (giải trình) a deduction of the province's appraisal of its criterion. */
@RestController
@Tag(name = "Cycles")
class ExplanationApiController {

    /** The explanation. */
    record ExplanationRequest(@Schema(description = "At most 4 000 characters") String text) {
    }

    /** The criterion after the explanation. */
    record ExplanationJson(String code, BigDecimal currentScore, BigDecimal appraisedScore, String appraisalReason,
            String explanation, long version) {
    }

    private final IndexExplanations explanations;

    ExplanationApiController(IndexExplanations explanations) {
        this.explanations = explanations;
    }

    @Operation(summary = "Explain a deduction of the province's appraisal (the body's Home Affairs or the lead "
            + "office's head)", description = "Within the year's explanation period, where the province appraises "
            + "the body's year and scored the criterion below its self-assessment.")
    @ApiResponse(responseCode = "200", description = "The criterion with the explanation")
    @ApiResponse(responseCode = "400", description = "No text, or one too long (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Neither the body's Home Affairs nor the lead office's head")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no criterion of that code")
    @ApiResponse(responseCode = "409", description = "Outside the explanation period, no index of the province open "
            + "for the year, or nothing deducted")
    @PutMapping("/api/v1/cycles/{year}/criteria/{code}/explanation")
    ExplanationJson explain(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String code, @RequestBody ExplanationRequest request) {
        Criterion c = explanations.explain(user, year, code, request.text());
        return new ExplanationJson(c.getCode(), c.getCurrentScore(), c.getAppraisedScore(), c.getAppraisalReason(),
                c.getExplanation(), c.getVersion());
    }
}
