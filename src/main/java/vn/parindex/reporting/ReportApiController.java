package vn.parindex.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.RefusedWhenClosed;
import vn.parindex.criteria.YearWriters;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.PeriodSummary;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.scoring.Figures;
import vn.parindex.security.CurrentUser;

/** The reporting calendar, the units' inputs and the district's report (HTTP Basic; rules in the service). */
@RestController
@RequestMapping("/api/v1/cycles/{year}")
@Tag(name = "Reports", description = "Report periods and deadlines, the units' inputs (kết quả, tồn tại, đề xuất) and "
        + "the district's compiled report, also as a Word document")
class ReportApiController {

    record CalendarJson(int monthDueDay, int quarterDueDay, int halfDueDay, int yearDueDay,
            LocalDate selfAssessmentDue, long version) {

        static CalendarJson of(ReportCalendar c) {
            return new CalendarJson(c.monthDueDay(), c.quarterDueDay(), c.halfDueDay(), c.yearDueDay(),
                    c.selfAssessmentDue(), c.version());
        }
    }

    @Schema(description = "Deadlines: units' inputs are due on that day (1–31) of each period's last month; "
            + "selfAssessmentDue as yyyy-MM-dd or dd/MM/yyyy within the cycle's year, or null for none")
    record CalendarRequest(Integer monthDueDay, Integer quarterDueDay, Integer halfDueDay, Integer yearDueDay,
            String selfAssessmentDue, Long version) {
    }

    record PeriodJson(String period, String name, LocalDate start, LocalDate end, LocalDate deadline, int expected,
            int notStarted, int drafts, int submitted, int returned, int accepted, int late) {

        static PeriodJson of(PeriodSummary s) {
            ReportPeriod p = s.period();
            return new PeriodJson(p.code(), p.vietnameseName(), p.start(), p.end(), s.deadline(), s.expected(),
                    s.notStarted(), s.drafts(), s.submitted(), s.returned(), s.accepted(), s.late());
        }
    }

    record UnitStatusJson(String unitCode, String unitName, String status, boolean late, boolean submittedLate,
            OffsetDateTime submittedAt, String submittedBy, OffsetDateTime reviewedAt, String reviewedBy,
            String returnReason, long version) {

        static UnitStatusJson of(UnitStatus s) {
            return new UnitStatusJson(s.unit().code(), s.unit().name(), s.status().name(), s.late(),
                    s.submittedLate(), s.submittedAt(), s.submittedBy(), s.reviewedAt(), s.reviewedBy(),
                    s.returnReason(), s.version());
        }
    }

    record FiguresJson(String code, String name, BigDecimal max, BigDecimal baseline, BigDecimal target,
            BigDecimal current, BigDecimal projection) {

        static FiguresJson of(String code, String name, Figures f) {
            return new FiguresJson(code, name, f.max(), f.baseline(), f.target(), f.current(), f.projection());
        }
    }

    record ReportJson(String period, String name, LocalDate deadline, FiguresJson total, List<FiguresJson> domains,
            ReportViews.AssessmentCounts assessments, ReportViews.TaskCounts tasks, List<UnitStatusJson> units) {

        static ReportJson of(DistrictReport r) {
            return new ReportJson(r.period().code(), r.period().vietnameseName(), r.deadline(),
                    FiguresJson.of(null, null, r.scores().total()),
                    r.scores().domains().stream()
                            .map(d -> FiguresJson.of(d.code(), d.criterion().name(), d.figures())).toList(),
                    r.assessments(), r.tasks(), r.units().stream().map(UnitStatusJson::of).toList());
        }
    }

    @Schema(description = "A task the unit leads: its status now, whether overdue, what the input says was done and "
            + "the status the input gives it (applied to the task when the input is sent; null without a result)")
    record TaskResultJson(long taskId, String title, String status, boolean overdue, String result,
            String reportedStatus) {
    }

    record InputJson(String period, LocalDate deadline, UnitStatusJson unit, List<TaskResultJson> tasks,
            String difficulties, String proposals) {

        static InputJson of(UnitInput i) {
            return new InputJson(i.period().code(), i.deadline(), UnitStatusJson.of(i.status()),
                    i.tasks().stream().map(t -> new TaskResultJson(t.task().id(), t.task().title(),
                            t.task().status().name(), t.task().overdue(), t.result(),
                            t.reportedStatus() == null ? null : t.reportedStatus().name())).toList(),
                    i.difficulties(), i.proposals());
        }
    }

    @Schema(description = "What was done on a task and the status it gives the task: IN_PROGRESS or DONE (none: the "
            + "task's own, IN_PROGRESS for a task not started; NOT_STARTED with a result is refused); applied to the "
            + "task, on its history, when the input is sent")
    record TaskResultRequest(Long taskId, String result, String status) {
    }

    @Schema(description = "A unit's input: per task it leads, what was done and the task's status; its difficulties "
            + "and proposals; "
            + "submit true sends it to Home Affairs (false keeps it as a draft); version: the input's version "
            + "(required once it exists)")
    record InputRequest(Long version, List<TaskResultRequest> tasks, String difficulties, String proposals,
            Boolean submit) {
    }

    record InputReviewRequest(Long version, String reason) {
    }

    private final ReportService reports;
    private final ReportCalendars calendars;
    private final ReportInputs writes;
    private final DistrictReports district;
    private final ReportDownloads downloads;
    private final vn.parindex.web.KeptJson kept;

    ReportApiController(ReportService reports, ReportCalendars calendars, ReportInputs writes,
            DistrictReports district, ReportDownloads downloads, vn.parindex.web.KeptJson kept) {
        this.kept = kept;
        this.reports = reports;
        this.calendars = calendars;
        this.writes = writes;
        this.district = district;
        this.downloads = downloads;
    }

    @Operation(summary = "The cycle's deadlines")
    @ApiResponse(responseCode = "200", description = "The deadlines (defaults where none were set)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarJson.class)))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/calendar")
    CalendarJson calendar(Cycle cycle) {
        return CalendarJson.of(calendars.calendar(cycle));
    }

    @Operation(summary = "Set the cycle's deadlines", description = "Home Affairs only.")
    @ApiResponse(responseCode = "200", description = "The deadlines now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarJson.class)))
    @ApiResponse(responseCode = "400", description = "A day outside 1–31, a date that is none or outside the "
            + "cycle's year, version missing (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Not Home Affairs")
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @ApiResponse(responseCode = "409", description = "Changed meanwhile, or the cycle is closed")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PutMapping("/calendar")
    CalendarJson changeCalendar(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @RequestBody CalendarRequest r) {
        return CalendarJson.of(calendars.changeCalendar(user, cycle, r.monthDueDay(), r.quarterDueDay(),
                r.halfDueDay(), r.yearDueDay(), r.selfAssessmentDue(), r.version()));
    }

    @Operation(summary = "The cycle's report periods", description = "Each month, quarter, the first half and the "
            + "year, with the deadline for units' inputs and how many units stand where.")
    @ApiResponse(responseCode = "200", description = "The periods", content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PeriodJson.class))))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/reports")
    List<PeriodJson> periods(Cycle cycle) {
        return reports.periods(cycle).stream().map(PeriodJson::of).toList();
    }

    @Operation(summary = "The district's report for a period", description = "Period 2023-03 (a month), 2023-Q1, "
            + "2023-H1 or 2023: the scores per domain against the baseline and targets, the self-assessments, the "
            + "tasks, and which units sent their input (late: the deadline passed and nothing sent).")
    @ApiResponse(responseCode = "200", description = "The report's figures",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportJson.class)))
    @ApiResponse(responseCode = "400", description = "Not a period of the cycle's year (errors[].field = period)")
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/reports/{period}")
    ResponseEntity<byte[]> report(Cycle cycle, @PathVariable String period) {
        ReportPeriod p = calendars.period(cycle, period);
        // kept per data revision and day (who is late changes at midnight)
        return kept.ok(() -> ReportJson.of(district.compile(cycle, p)));
    }

    @Operation(summary = "The self-assessment report as a Word document", description = "Báo cáo tự đánh giá, chấm "
            + "điểm: the self-assessed scores by domain and criterion with the state of each criterion's evidence, "
            + "the explanations for criteria without complete evidence, the difficulties and recommendations; "
            + "Nghị định 30/2020/NĐ-CP layout.")
    @ApiResponse(responseCode = "200", description = "The .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/self-assessment.docx")
    ResponseEntity<byte[]> selfAssessment(Cycle cycle) throws IOException {
        return downloads.selfAssessment(cycle);
    }

    @Operation(summary = "The district's report as a Word document", description = "Laid out as Nghị định "
            + "30/2020/NĐ-CP asks (A4, Times New Roman), for officials to edit before signing.")
    @ApiResponse(responseCode = "200", description = "The .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Not a period of the cycle's year")
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/reports/{period}.docx")
    ResponseEntity<byte[]> document(Cycle cycle, @PathVariable String period) throws IOException {
        return downloads.district(cycle, calendars.period(cycle, period));
    }

    @Operation(summary = "A unit's input for a period")
    @ApiResponse(responseCode = "200", description = "The input (empty, NOT_STARTED, when nothing is on record)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputJson.class)))
    @ApiResponse(responseCode = "400", description = "Not a period of the cycle's year, or not a unit code")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, no unit of that code, or a draft "
            + "(not sent) of another unit: a draft is its unit's and Home Affairs'")
    @GetMapping("/reports/{period}/units/{unitCode}")
    InputJson input(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode) {
        return InputJson.of(reports.input(user, cycle, calendars.period(cycle, period), unitCode));
    }

    @Operation(summary = "A unit's input as a Word document")
    @ApiResponse(responseCode = "200", description = "The .docx file",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "Not a period of the cycle's year, or not a unit code")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @GetMapping("/reports/{period}/units/{unitCode}.docx")
    ResponseEntity<byte[]> inputDocument(@AuthenticationPrincipal CurrentUser user, Cycle cycle,
            @PathVariable String period, @PathVariable String unitCode) throws IOException {
        return downloads.unit(user, cycle, calendars.period(cycle, period), unitCode);
    }

    @Operation(summary = "Write a unit's input for a period", description = "The unit's head or Home Affairs: per "
            + "task the unit leads, what was done (at most 4 000 characters each), difficulties and proposals; "
            + "submit true sends it (at least one task's result needed).")
    @ApiResponse(responseCode = "200", description = "The input now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputJson.class)))
    @ApiResponse(responseCode = "400", description = "A task the unit does not lead, a text too long, nothing to "
            + "send, not a period of the cycle's year (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Another unit's head, or a leader")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @ApiResponse(responseCode = "409", description = "Already accepted, changed meanwhile, or the cycle is closed")
    @RefusedWhenClosed(InputWriters.class)
    @PutMapping("/reports/{period}/units/{unitCode}")
    InputJson save(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @RequestBody InputRequest r) {
        ReportPeriod p = calendars.period(cycle, period);
        Map<Long, String> results = new LinkedHashMap<>();
        Map<Long, String> statuses = new LinkedHashMap<>();
        if (r.tasks() != null) {
            r.tasks().forEach(t -> results.put(t == null ? null : t.taskId(), t == null ? null : t.result()));
            r.tasks().stream().filter(t -> t != null && t.status() != null)
                    .forEach(t -> statuses.put(t.taskId(), t.status()));
        }
        return InputJson.of(writes.save(user, cycle, p, unitCode, new ReportInputs.InputDraft(r.version(), results,
                statuses, r.difficulties(), r.proposals(), Boolean.TRUE.equals(r.submit()))));
    }

    @Operation(summary = "Return a unit's input", description = "Home Affairs returns a sent input with a reason.")
    @ApiResponse(responseCode = "200", description = "The input now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputJson.class)))
    @ApiResponse(responseCode = "400", description = "No reason, or version missing (errors[].field)")
    @ApiResponse(responseCode = "403", description = "Not Home Affairs")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @ApiResponse(responseCode = "409", description = "Not sent, changed meanwhile, or the cycle is closed")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/reports/{period}/units/{unitCode}/return")
    InputJson returnInput(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @RequestBody InputReviewRequest r) {
        return InputJson.of(writes.returnInput(user, cycle, calendars.period(cycle, period), unitCode, r.version(),
                r.reason()));
    }

    @Operation(summary = "Accept a unit's input", description = "Home Affairs accepts a sent input; it no longer "
            + "changes.")
    @ApiResponse(responseCode = "200", description = "The input now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputJson.class)))
    @ApiResponse(responseCode = "400", description = "version missing")
    @ApiResponse(responseCode = "403", description = "Not Home Affairs")
    @ApiResponse(responseCode = "404", description = "No cycle of that year, or no unit of that code")
    @ApiResponse(responseCode = "409", description = "Not sent, changed meanwhile, or the cycle is closed")
    @RefusedWhenClosed(YearWriters.HomeAffairs.class)
    @PostMapping("/reports/{period}/units/{unitCode}/accept")
    InputJson accept(@AuthenticationPrincipal CurrentUser user, Cycle cycle, @PathVariable String period,
            @PathVariable String unitCode, @RequestBody InputReviewRequest r) {
        return InputJson.of(writes.accept(user, cycle, calendars.period(cycle, period), unitCode, r.version()));
    }
}
