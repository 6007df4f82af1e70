package vn.parindex.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Criterion;
import vn.parindex.index.IndexCalculation.Band;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;
import vn.parindex.system.NotFoundException;
import vn.parindex.web.Attachment;

/**
 * The province's index of a level for a year (issue 25): opened, set, each body's criteria marked as applying or
 * not and appraised, the results read and published. Writes are the province's Home Affairs'; the results are read
 * by a body's people too (their own row until published).
 */
@RestController
@RequestMapping("/api/v1/indexes")
@Tag(name = "Indexes", description = "The province's PAR index of a level (communes, wards, special zones, "
        + "departments, districts) for a year: framework, appraisal, ranking and publication")
class IndexApiController {

    /** A band of the year's classification. */
    record BandJson(@Schema(example = "Tốt") String name, @Schema(example = "80") BigDecimal from,
            @Schema(example = "90", description = "Exclusive, but for the top band") BigDecimal to) {

        static BandJson of(Band band) {
            return new BandJson(band.name(), band.from(), band.to());
        }

        Band band() {
            return new Band(name, from, to);
        }
    }

    /** A level's year, its settings and where it stands. */
    record IndexJson(int year, BodyLevel level, IndexStatus status, boolean scaleTo100, String tieBreak,
            LocalDate selfAssessmentDue, LocalDate explanationFrom, LocalDate explanationTo,
            OffsetDateTime openedAt, OffsetDateTime publishedAt, BigDecimal frameworkMaximum, int criteria,
            List<BandJson> bands, long version) {
    }

    /** Opening a level's year, with its settings (each optional). */
    record OpenRequest(Integer year, @Schema(allowableValues = {"COMMUNE", "WARD", "SPECIAL_ZONE", "DEPARTMENT",
            "DISTRICT"}) String level, LocalDate selfAssessmentDue, LocalDate explanationFrom,
            LocalDate explanationTo, Boolean scaleTo100,
            @Schema(allowableValues = {"SHARED", "SMALLER_DEDUCTION"}) String tieBreak, List<BandJson> bands) {
    }

    /** What opening did. */
    record OpenedJson(IndexJson index, List<String> created, List<String> carriedOver) {
    }

    /** The settings of a year (a field left out stays as it is). */
    record SettingsRequest(LocalDate selfAssessmentDue, LocalDate explanationFrom, LocalDate explanationTo,
            Boolean scaleTo100, @Schema(allowableValues = {"SHARED", "SMALLER_DEDUCTION"}) String tieBreak,
            List<BandJson> bands, Long version) {
    }

    /** Whether a criterion applies to a body. */
    record ApplicabilityRequest(Boolean applies, @Schema(description = "Required when it does not apply; at most "
            + "2 000 characters") String reason) {
    }

    /** A body's criterion after the province's act. */
    record CriterionJson(String body, String code, BigDecimal maxScore, boolean applies, String applicabilityReason,
            BigDecimal currentScore, BigDecimal appraisedScore, String appraisalReason, long version) {

        static CriterionJson of(String body, Criterion c) {
            return new CriterionJson(body, c.getCode(), c.getMaxScore(), c.isApplies(), c.getApplicabilityReason(),
                    c.getCurrentScore(), c.getAppraisedScore(), c.getAppraisalReason(), c.getVersion());
        }
    }

    /** The province's appraisal of a body's criterion. */
    record AppraisalRequest(BigDecimal appraisedScore, String reason, Long version) {
    }

    /** Publishing the result. */
    record PublishRequest(Long version) {
    }

    /** A body's line of the results. */
    record ResultJson(String code, String name, BigDecimal score, BigDecimal maximum,
            @Schema(description = "Over 100 when the framework is scaled, else the score") BigDecimal index,
            Integer rank, String band, BigDecimal selfAssessed, boolean appraised, boolean late,
            @Schema(description = "Criteria that apply still without a self-assessed score") int owed,
            boolean hasCycle) {

        static ResultJson of(IndexResults.Row row) {
            var f = row.figures();
            return f == null
                    ? new ResultJson(row.code(), row.name(), null, null, null, null, null, null, false, row.late(), 0,
                            false)
                    : new ResultJson(row.code(), row.name(), f.score(), f.maximum(), f.index(), row.rank(),
                            row.band(), f.selfAssessed(), row.appraised(), row.late(), row.owed(), true);
        }
    }

    /** A level's results. */
    record ResultsJson(int year, BodyLevel level, IndexStatus status, List<ResultJson> bodies) {
    }

    /** The council's final score of a body's criterion. */
    record DecisionRequest(BigDecimal finalScore, @Schema(description = "Required; at most 2 000 characters")
            String reason) {
    }

    /** A body's result card. */
    record CardJson(int year, BodyLevel level, IndexStatus status, ResultJson result,
            List<IndexCards.DomainLine> domains, List<IndexCards.CriterionLine> criteria,
            List<IndexCards.TrendPoint> trend) {
    }

    private final IndexService indexes;
    private final IndexAppraisal appraisal;
    private final IndexResults results;
    private final IndexCards cards;
    private final IndexDownloads downloads;
    private final vn.parindex.web.KeptJson kept;

    IndexApiController(IndexService indexes, IndexAppraisal appraisal, IndexResults results, IndexCards cards,
            IndexDownloads downloads, vn.parindex.web.KeptJson kept) {
        this.kept = kept;
        this.indexes = indexes;
        this.appraisal = appraisal;
        this.results = results;
        this.cards = cards;
        this.downloads = downloads;
    }

    @Operation(summary = "The results as the decision's appendix (Excel)", description = "One row per body by rank: "
            + "score, maximum, index, rank, band; A4 landscape. Everyone once published; before, the province only.")
    @ApiResponse(responseCode = "200", description = "The workbook")
    @ApiResponse(responseCode = "403", description = "Not published yet, and not the province's")
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @GetMapping("/{year}/{level}/results.xlsx")
    ResponseEntity<byte[]> resultsXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level) throws java.io.IOException {
        return downloads.appendix(user, year, pathLevel(level, year), false);
    }

    @Operation(summary = "The results as the decision's appendix (Word)", description = "\"Phụ lục\" of the "
            + "province's decision (Nghị định 30/2020/NĐ-CP), in landscape: one row per body by rank. Everyone once "
            + "published; before, the province only.")
    @ApiResponse(responseCode = "200", description = "The document")
    @ApiResponse(responseCode = "403", description = "Not published yet, and not the province's")
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @GetMapping("/{year}/{level}/results.docx")
    ResponseEntity<byte[]> resultsDocx(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level) throws java.io.IOException {
        return downloads.appendix(user, year, pathLevel(level, year), true);
    }

    private IndexJson json(IndexYear index) {
        return BodyScope.callAll(() -> {
            IndexService.FrameworkSize framework = indexes.frameworkSize(index.getId());
            return new IndexJson(index.getYear(), index.getLevel(), index.getStatus(), index.isScaleTo100(),
                    index.getTieBreak().name(), index.getSelfAssessmentDue(), index.getExplanationFrom(),
                    index.getExplanationTo(), index.getOpenedAt(), index.getPublishedAt(), framework.maximum(),
                    framework.nodes(), indexes.bands(index.getId()).stream().map(BandJson::of).toList(),
                    index.getVersion());
        });
    }

    static BodyLevel level(String text) {
        BodyLevel level = BodyLevel.parse(text);
        if (level == null) {
            throw InvalidInputException.of("level", "body.levelInvalid");
        }
        return level;
    }

    /** The level of an address: an unknown one is no index (404). */
    private static BodyLevel pathLevel(String text, int year) {
        BodyLevel level = BodyLevel.parse(text);
        if (level == null) {
            throw new NotFoundException("notFound.index", text, year);
        }
        return level;
    }

    private static List<Band> bands(List<BandJson> bands) {
        return bands == null ? null : bands.stream().map(b -> b == null ? null : b.band()).toList();
    }

    @Operation(summary = "The province's indexes", description = "Every level's year on record, latest first.")
    @GetMapping
    List<IndexJson> list() {
        return indexes.all().stream().map(this::json).toList();
    }

    @Operation(summary = "A level's year", description = "Its settings, bands and where it stands.")
    @ApiResponse(responseCode = "200", description = "The index")
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @GetMapping("/{year}/{level}")
    IndexJson one(@PathVariable int year, @PathVariable String level) {
        return json(indexes.find(year, pathLevel(level, year)));
    }

    @Operation(summary = "Open a level's year (the province's Home Affairs)", description = "On the level's "
            + "framework, imported before (POST /api/v1/imports, kind=framework with level and year): every body of "
            + "the level gets its cycle of the year with the framework's criteria, or keeps its own cycle of the year "
            + "when it has the same criteria and maxima. The settings are optional here.")
    @ApiResponse(responseCode = "201", description = "Opened: the bodies given a cycle, and those that kept theirs")
    @ApiResponse(responseCode = "400", description = "No year, an unknown level, no framework imported for it, or "
            + "settings that cannot be (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs opens a year")
    @ApiResponse(responseCode = "409", description = "Already open or published; or a body's own cycle of the "
            + "year differs from the framework (the bodies in details)")
    @PostMapping
    ResponseEntity<OpenedJson> open(@AuthenticationPrincipal CurrentUser user, @RequestBody OpenRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.year() == null || request.year() < 2000 || request.year() > 2200) {
            errors.add("year", "cycle.yearRange");
        }
        if (BodyLevel.parse(request.level()) == null) {
            errors.add("level", "body.levelInvalid");
        }
        errors.throwIfAny();
        BodyLevel level = level(request.level());
        IndexService.Opened opened = indexes.open(user, request.year(), level, new IndexService.Settings(
                request.selfAssessmentDue(), request.explanationFrom(), request.explanationTo(),
                request.scaleTo100(), request.tieBreak(), bands(request.bands())));
        return ResponseEntity.created(URI.create("/api/v1/indexes/" + request.year() + "/" + level.name()))
                .body(new OpenedJson(json(opened.index()), opened.created(), opened.carriedOver()));
    }

    @Operation(summary = "Change a level's year's settings (the province's Home Affairs)", description = "The "
            + "self-assessment deadline, the explanation period, whether the index is scaled to 100, the tie-break, "
            + "the bands (from 0 to the top without gap or overlap). Fields left out stay as they are.")
    @ApiResponse(responseCode = "200", description = "The index with its new settings")
    @ApiResponse(responseCode = "400", description = "Settings that cannot be (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs")
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @ApiResponse(responseCode = "409", description = "Published already, or a stale version")
    @PutMapping("/{year}/{level}")
    IndexJson configure(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @RequestBody SettingsRequest request) {
        return json(indexes.configure(user, year, pathLevel(level, year), new IndexService.Settings(
                request.selfAssessmentDue(), request.explanationFrom(), request.explanationTo(),
                request.scaleTo100(), request.tieBreak(), bands(request.bands())), request.version()));
    }

    @Operation(summary = "Whether a criterion applies to a body (the province's Home Affairs)", description = "A "
            + "criterion that does not apply (không áp dụng), with the reason, leaves the body's maximum with "
            + "everything under it.")
    @ApiResponse(responseCode = "200", description = "The body's criterion as written")
    @ApiResponse(responseCode = "400", description = "No applies, or no reason for one that does not apply")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs")
    @ApiResponse(responseCode = "404", description = "No such index, body of the level, or criterion")
    @ApiResponse(responseCode = "409", description = "The index is not open, or published")
    @PutMapping("/{year}/{level}/bodies/{body}/criteria/{code}/applicability")
    CriterionJson applicability(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level, @PathVariable String body, @PathVariable String code,
            @RequestBody ApplicabilityRequest request) {
        Criterion c = appraisal.applicability(user, year, pathLevel(level, year), body, code, request.applies(),
                request.reason());
        return CriterionJson.of(body.toUpperCase(java.util.Locale.ROOT), c);
    }

    @Operation(summary = "Appraise a body's criterion (the province's Home Affairs)", description = "The appraised "
            + "score (0..maximum, at most 4 decimals) and the reason for any deduction below the self-assessed "
            + "score; the version is optional (the criterion as it now is).")
    @ApiResponse(responseCode = "200", description = "The body's criterion as appraised")
    @ApiResponse(responseCode = "400", description = "A score out of range, a criterion that does not apply, a "
            + "domain, a missing reason")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs")
    @ApiResponse(responseCode = "404", description = "No such index, body of the level, or criterion")
    @ApiResponse(responseCode = "409", description = "The index is not open, or published; a stale version")
    @PutMapping("/{year}/{level}/bodies/{body}/criteria/{code}/appraisal")
    CriterionJson appraise(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level, @PathVariable String body, @PathVariable String code,
            @RequestBody AppraisalRequest request) {
        String score = vn.parindex.appraisal.AppraisalService.scoreText(request.appraisedScore(), "appraisedScore",
                true);
        Criterion c = appraisal.appraise(user, year, pathLevel(level, year), body, code, score, request.reason(),
                request.version());
        return CriterionJson.of(body.toUpperCase(java.util.Locale.ROOT), c);
    }

    @Operation(summary = "Settle a body's criterion (the province's appraisal council)", description = "The "
            + "council's final score (0..maximum) with its reason, after the body's explanation: the criterion's "
            + "appraised score from now on; the appraisal before it stays in the history.")
    @ApiResponse(responseCode = "200", description = "The body's criterion as settled")
    @ApiResponse(responseCode = "400", description = "A score out of range, no reason, a domain, a criterion that "
            + "does not apply (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs")
    @ApiResponse(responseCode = "404", description = "No such index, body of the level, or criterion")
    @ApiResponse(responseCode = "409", description = "The index is not open, or the criterion not appraised yet")
    @PutMapping("/{year}/{level}/bodies/{body}/criteria/{code}/decision")
    CriterionJson decide(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level, @PathVariable String body, @PathVariable String code,
            @RequestBody DecisionRequest request) {
        String score = vn.parindex.appraisal.AppraisalService.scoreText(request.finalScore(), "finalScore", false);
        Criterion c = appraisal.decide(user, year, pathLevel(level, year), body, code, score, request.reason());
        return CriterionJson.of(body.toUpperCase(java.util.Locale.ROOT), c);
    }

    @Operation(summary = "A body's result card", description = "The body's figures, rank and band; its score by "
            + "domain against the level's average and best (percent of each domain's maximum; once published, or "
            + "for the province); every criterion with the deduction, its reason, the body's explanation and the "
            + "council's decision. A body's people read their own body's card only.")
    @ApiResponse(responseCode = "200", description = "The card")
    @ApiResponse(responseCode = "404", description = "No such index, or no body of the level the caller may read")
    @GetMapping("/{year}/{level}/bodies/{body}")
    ResponseEntity<CardJson> card(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level, @PathVariable String body) {
        IndexCards.Card card = cards.card(user, year, pathLevel(level, year), body);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new CardJson(year,
                card.index().getLevel(), card.index().getStatus(), card.row() == null ? null
                        : ResultJson.of(card.row()), card.domains(), card.criteria(), card.trend()));
    }

    @Operation(summary = "The results of a level's year", description = "Every body of the level with its score, "
            + "maximum (over the criteria that apply), index, rank and band, self-assessed total, whether it is "
            + "appraised and late. Before publication: provisional (an unappraised criterion counts its "
            + "self-assessed score), and a body's people read their own row only, without rank.")
    @ApiResponse(responseCode = "200", description = "The results, body by body",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ResultsJson.class)))
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @GetMapping("/{year}/{level}/results")
    ResponseEntity<byte[]> results(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
            @PathVariable String level) {
        BodyLevel parsed = pathLevel(level, year);
        boolean province = user.isProvince();
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        // kept per address, day, scope and data revision (web.KeptJson): the answer is the same for everyone of
        // one scope (the province's every body; a body's people their own row); 2,8 cpu-ms made each time
        return kept.ok(headers, () -> {
            IndexYear index = indexes.find(year, parsed);
            List<IndexResults.Row> rows;
            if (index.getStatus() == IndexStatus.PUBLISHED) {
                rows = BodyScope.callAll(() -> results.published(index));
            } else {
                // the caller's own scope: the province every body, ranked; a body's people their own row
                rows = province ? BodyScope.callAll(() -> results.live(index, true)) : results.live(index, false);
            }
            return new ResultsJson(index.getYear(), index.getLevel(), index.getStatus(),
                    rows.stream().map(ResultJson::of).toList());
        });
    }

    @Operation(summary = "Publish a level's results (the province's Home Affairs)", description = "Every body "
            + "appraised on every criterion that applies to it, and the bands set; the ranks and bands are then "
            + "kept as published and nothing of the year changes any more.")
    @ApiResponse(responseCode = "200", description = "The results as published")
    @ApiResponse(responseCode = "403", description = "Only the province's Home Affairs")
    @ApiResponse(responseCode = "404", description = "No index of that level and year")
    @ApiResponse(responseCode = "409", description = "Not open, published already, no bands, or bodies not "
            + "appraised yet (details)")
    @PostMapping("/{year}/{level}/publication")
    ResultsJson publish(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable String level,
            @RequestBody(required = false) PublishRequest request) {
        BodyLevel parsed = pathLevel(level, year);
        List<IndexResults.Row> rows = appraisal.publish(user, year, parsed, request == null ? null
                : request.version());
        return new ResultsJson(year, parsed, IndexStatus.PUBLISHED, rows.stream().map(ResultJson::of).toList());
    }
}
