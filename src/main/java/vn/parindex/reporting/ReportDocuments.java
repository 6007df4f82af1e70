package vn.parindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.UnitRef;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.TaskResult;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;
import vn.parindex.tasks.TaskDraft;
import vn.parindex.tasks.TaskStatus;
import vn.parindex.web.VietnameseNumbers;

/**
 * The reports as Word documents, in Vietnamese (they go to the province), laid out by {@link OfficialDocx}: the
 * district's compiled report for a period with its appendix, one unit's input, and the self-assessment report.
 * Scores are written the Vietnamese way with 4 decimals (84,0256); what is missing to a target has no sign.
 */
@Component
public class ReportDocuments {

    /** The media type of a .docx file. */
    public static final String DOCX = vn.parindex.web.Attachment.DOCX;

    private final VietnameseNumbers fmt;

    ReportDocuments(VietnameseNumbers fmt) {
        this.fmt = fmt;
    }

    /**
     * The district's report (Báo cáo kết quả thực hiện công tác CCHC …) for the period, as it goes to the province:
     * the index's figures, the self-assessment's progress, the tasks' results with their status, the units'
     * difficulties and proposals; who sent their input late to Phòng Nội vụ is internal and stays on its pages. The
     * appendix (landscape) gives every criterion's figures; a domain's or the total's self-assessed score only once
     * every criterion under it is scored (a partial sum would read as the district's score), the projection
     * always.
     */
    public void district(DistrictReport report, OutputStream out) throws IOException {
        BodyWording body = report.body();
        ReportPeriod period = report.period();
        Issuer issuer = Issuer.of(body);
        String on = report.compiledOn().format(TaskDraft.DAY_MONTH_YEAR);
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading(issuer, issuer.number("BC"), body.place(), report.compiledOn());
            doc.title("BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính " + period.vietnameseName());

            Scoreboard board = report.scores();
            Figures total = board.total();
            int year = period.year();
            doc.section("I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
            doc.paragraph("Năm " + (year - 1) + ", Chỉ số cải cách hành chính (Par Index) của " + body.levelWord() + " đạt "
                    + fmt.score(total.baseline()) + "/" + fmt.max(total.max()) + " điểm; mục tiêu năm " + year
                    + " đạt " + fmt.score(total.target()) + " điểm. Đến ngày " + on + ", các cơ quan đã tự đánh giá, "
                    + "chấm điểm " + board.assessedLeafCount() + "/" + board.leafCount() + " tiêu chí, tiêu chí thành "
                    + "phần; điểm dự kiến của " + body.levelWord() + " (điểm tự đánh giá của các tiêu chí đã chấm, điểm năm " + (year - 1)
                    + " của các tiêu chí chưa chấm) là " + fmt.score(total.projection()) + " điểm, "
                    + (total.remainingToTarget() != null && total.remainingToTarget().signum() > 0
                            ? "còn thiếu " + fmt.score(total.remainingToTarget()) + " điểm so với mục tiêu."
                            : "đạt mục tiêu đề ra.")
                    + (total.official() == null ? ""
                            : " Điểm thẩm định của tỉnh: " + fmt.score(total.official()) + " điểm."));
            List<List<String>> rows = new ArrayList<>();
            for (ScoreRow row : board.domains()) {
                Figures f = row.figures();
                rows.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()), fmt.score(f.baseline()),
                        fmt.score(f.target()), fmt.score(f.projection()), shortfall(f)));
            }
            rows.add(List.of("", "Tổng điểm", fmt.max(total.max()), fmt.score(total.baseline()),
                    fmt.score(total.target()), fmt.score(total.projection()), shortfall(total)));
            doc.table(List.of("TT", "Lĩnh vực", "Điểm tối đa", "Điểm năm " + (year - 1), "Mục tiêu năm " + year,
                    "Điểm dự kiến", "Còn thiếu so với mục tiêu"),
                    new double[] {0.06, 0.36, 0.1, 0.12, 0.12, 0.12, 0.12},
                    new boolean[] {false, false, true, true, true, true, true}, rows, 12,
                    i -> i == rows.size() - 1);

            var a = report.assessments();
            doc.section("II. TÌNH HÌNH TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC TIÊU CHÍ");
            doc.paragraph("Trong " + a.criteria() + " tiêu chí, tiêu chí thành phần do các cơ quan của " + body.levelWord()
                    + " tự đánh giá, chấm điểm: " + a.approved() + " đã thống nhất điểm; " + a.submitted()
                    + " đang được thẩm định, thống nhất điểm; " + (a.returned() + a.notSubmitted())
                    + " đang hoàn thiện bản tự đánh giá.");

            var t = report.tasks();
            doc.section("III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP");
            doc.paragraph("Kế hoạch năm " + year + " có " + t.total() + " nhiệm vụ: " + t.done() + " đã hoàn thành; "
                    + t.inProgress() + " đang thực hiện; " + t.notStarted() + " chưa bắt đầu; trong đó "
                    + t.overdue() + " nhiệm vụ đã quá hạn mà chưa hoàn thành.");
            List<TaskResult> results = report.inputs().stream().flatMap(i -> i.tasks().stream())
                    .filter(r -> !r.result().isBlank()).toList();
            if (results.isEmpty()) {
                doc.note("Chưa có kết quả thực hiện nhiệm vụ trong kỳ.");
            }
            for (UnitInput input : report.inputs()) {
                List<TaskResult> done = input.tasks().stream().filter(r -> !r.result().isBlank()).toList();
                if (done.isEmpty()) {
                    continue;
                }
                doc.subheading(input.status().unit().name());
                for (TaskResult r : done) {
                    // the status the unit reported with this result, so the two agree whatever happened since
                    doc.labelled("- " + r.task().title() + " (" + statusName(r.statusReported(), r.task().dueDate(),
                            report.compiledOn()) + "): ", r.result());
                }
            }

            doc.section("IV. TỒN TẠI, HẠN CHẾ");
            listByUnit(doc, report.inputs(), true);
            doc.section("V. ĐỀ XUẤT, KIẾN NGHỊ");
            listByUnit(doc, report.inputs(), false);

            doc.closing(recipients(body, true), issuer);

            doc.landscape();
            doc.appendixTitle("Điểm các lĩnh vực, tiêu chí, tiêu chí thành phần Chỉ số cải cách hành chính năm "
                    + year + " (số liệu đến ngày " + on + ")", attachedTo(issuer, body,
                    OfficialDocx.dateLine(report.compiledOn())));
            List<List<String>> appendix = new ArrayList<>();
            for (ScoreRow row : board.rows()) {
                Figures f = row.figures();
                appendix.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()), fmt.score(f.baseline()),
                        fmt.score(f.target()), selfAssessed(board, row), fmt.score(f.projection()), shortfall(f),
                        lead(row)));
            }
            appendix.add(List.of("", "Tổng điểm", fmt.max(total.max()), fmt.score(total.baseline()),
                    fmt.score(total.target()),
                    board.assessedLeafCount() == board.leafCount() ? fmt.score(total.current()) : "",
                    fmt.score(total.projection()), shortfall(total), ""));
            doc.table(List.of("TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm năm " + (year - 1),
                    "Mục tiêu năm " + year, "Điểm tự đánh giá", "Điểm dự kiến", "Còn thiếu so với mục tiêu",
                    "Cơ quan chủ trì"),
                    new double[] {0.05, 0.31, 0.07, 0.08, 0.08, 0.09, 0.08, 0.09, 0.15},
                    new boolean[] {false, false, true, true, true, true, true, true, false}, appendix, 10,
                    i -> i == board.rows().size() || board.rows().get(i).isDomain());
            doc.note("Điểm tự đánh giá của lĩnh vực và của tổng điểm chỉ ghi khi mọi tiêu chí thuộc đó đã được chấm "
                    + "(đến ngày " + on + ", đã chấm " + board.assessedLeafCount() + "/" + board.leafCount()
                    + " tiêu chí, tiêu chí thành phần). Điểm dự kiến: điểm tự đánh giá của các tiêu chí đã chấm, điểm "
                    + "năm " + (year - 1) + " của các tiêu chí chưa chấm.");
            doc.write(out);
        }
    }

    /**
     * "(Kèm theo Báo cáo số       /BC-UBND ngày 05 tháng 02 năm 2023 của UBND huyện Tân Yên)", the date written as
     * Nghị định 30 writes it ({@code on} from {@link OfficialDocx#dateLine}); the number left blank.
     */
    static String attachedTo(Issuer issuer, String district, String on) {
        return attachedTo(issuer, new BodyWording(BodyLevel.DISTRICT, district, ""), on);
    }

    /** "(Kèm theo Báo cáo số       /BC-UBND ngày … của UBND xã Cao Xá)"; "… của Sở Tư pháp)". */
    static String attachedTo(Issuer issuer, BodyWording body, String on) {
        return "(Kèm theo Báo cáo số       /BC-" + issuer.abbreviation() + " " + on + " của " + body.committee() + ")";
    }

    /**
     * Where the body's report goes (Nơi nhận): the province's People's Committee and Home Affairs (not itself, for
     * Sở Nội vụ's own), for the compiled report the party committee's and the council's standing members (a People's
     * Committee's), the body's leaders, for the compiled report its units; filed by the clerk (VT) and, in a district,
     * Phòng Nội vụ (NV).
     */
    static List<String> recipients(BodyWording body, boolean compiled) {
        List<String> to = new ArrayList<>();
        to.add("- UBND tỉnh (b/c);");
        if (!body.committee().equalsIgnoreCase("Sở Nội vụ")) {
            to.add("- Sở Nội vụ (b/c);");
        }
        if (compiled && body.isPeoplesCommittee()) {
            String party = body.level() == BodyLevel.DISTRICT ? "Huyện ủy" : "Đảng ủy";
            to.add("- TT " + party + ", TT HĐND " + body.levelWord() + " (b/c);");
        }
        to.add("- " + body.leaders() + ";");
        if (compiled) {
            to.add(body.isPeoplesCommittee() ? "- Các cơ quan, đơn vị thuộc " + body.committeeOfLevel() + ";"
                    : "- Các phòng, đơn vị thuộc " + body.levelWord() + ";");
        }
        to.add(body.level() == BodyLevel.DISTRICT ? "- Lưu: VT, NV." : "- Lưu: VT.");
        return to;
    }

    /**
     * A row's self-assessed score: a criterion's own ("Chưa chấm" before), a domain's or parent's only once every
     * criterion under it is scored, else blank.
     */
    private String selfAssessed(Scoreboard board, ScoreRow row) {
        if (!board.hasChildren(row.code())) {
            // a survey-scored criterion is not self-assessed: its score comes with the province's survey
            return row.figures().current() != null ? fmt.score(row.figures().current())
                    : row.criterion().isSurvey() ? "Chờ kết quả điều tra" : "Chưa chấm";
        }
        boolean all = board.descendants(row.code()).stream().filter(r -> !board.hasChildren(r.code()))
                .allMatch(r -> r.criterion().currentScore() != null);
        return all ? fmt.score(row.figures().current()) : "";
    }

    /** What is still missing to the target, without a sign; "Đạt" once reached by a score of this year. */
    private String shortfall(Figures f) {
        String text = fmt.shortfall(f.remainingToTarget(), f.assessed());
        return VietnameseNumbers.REACHED.equals(text) ? "Đạt" : text;
    }

    private static String lead(ScoreRow row) {
        if (row.criterion().isSurvey()) {
            return "Điều tra XHH";
        }
        return row.criterion().leadUnitsInherited() ? "" : units(row.criterion().leadUnits());
    }

    /**
     * One unit's input for a period, as the unit sends it to Home Affairs: under "UBND HUYỆN …" in its own name,
     * numbered with its abbreviation ({@code /BC-TP}) and signed by its head's title; each task's result with the
     * status the input gives it with that result (else the task's own), so a result and its status agree.
     */
    public void unit(UnitInput input, Issuer issuer, BodyWording body, java.time.LocalDate on, OutputStream out)
            throws IOException {
        ReportPeriod period = input.period();
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading(issuer, issuer.number("BC"), body.place(), on);
            doc.title("BÁO CÁO", "Kết quả thực hiện nhiệm vụ cải cách hành chính " + period.vietnameseName());
            doc.section("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
            List<TaskResult> done = input.tasks().stream().filter(r -> !r.result().isBlank()).toList();
            if (done.isEmpty()) {
                doc.note("Chưa có nội dung.");
            }
            int n = 0;
            for (TaskResult r : done) {
                TaskStatus status = r.statusReported();
                doc.labelled((++n) + ". " + r.task().title() + " (" + statusName(status, r.task().dueDate(), on)
                        + "): ", r.result());
            }
            doc.section("II. TỒN TẠI, HẠN CHẾ");
            doc.paragraph(input.difficulties().isBlank() ? "Không." : input.difficulties());
            doc.section("III. ĐỀ XUẤT, KIẾN NGHỊ");
            doc.paragraph(input.proposals().isBlank() ? "Không." : input.proposals());
            doc.closing(List.of("- " + compiler(body) + " (t/h);", "- Lưu: VT."), issuer);
            doc.write(out);
        }
    }

    /**
     * The self-assessment report (Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC): the self-assessed scores by domain and
     * criterion with whether each criterion's evidence is complete, the lead units' explanations for criteria whose
     * evidence is not, then the difficulties and recommendations the units gave for the year.
     */
    public void selfAssessment(DistrictReport year, vn.parindex.dossier.DossierService.Overview dossier,
            OutputStream out) throws IOException {
        BodyWording body = year.body();
        int y = year.period().year();
        Issuer issuer = Issuer.of(body);
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading(issuer, issuer.number("BC"), body.place(), year.compiledOn());
            doc.title("BÁO CÁO", "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm " + y);
            Figures total = year.scores().total();
            doc.section("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM");
            long assessed = year.scores().assessedLeafCount();
            doc.paragraph(body.sentenceStart() + " đã tự đánh giá, chấm điểm " + assessed + "/"
                    + year.scores().leafCount() + " tiêu chí, tiêu chí thành phần. Tổng điểm dự kiến (điểm tự đánh giá "
                    + "của các tiêu chí đã chấm, điểm năm " + (y - 1) + " của các tiêu chí chưa chấm) là "
                    + fmt.score(total.projection()) + "/" + fmt.max(total.max()) + " điểm; mục tiêu năm " + y + " là "
                    + fmt.score(total.target()) + " điểm.");
            List<List<String>> domains = new ArrayList<>();
            for (ScoreRow row : year.scores().domains()) {
                Figures f = row.figures();
                // a domain's self-assessed score only once all its criteria are scored: a partial sum is no score
                domains.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()),
                        selfAssessed(year.scores(), row), fmt.score(f.projection()),
                        fmt.percent(f.projectionPercent())));
            }
            domains.add(List.of("", "Tổng điểm", fmt.max(total.max()),
                    assessed == year.scores().leafCount() ? fmt.score(total.current()) : "",
                    fmt.score(total.projection()), fmt.percent(total.projectionPercent())));
            doc.table(List.of("TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm dự kiến", "Tỷ lệ"),
                    new double[] {0.06, 0.44, 0.12, 0.13, 0.13, 0.12},
                    new boolean[] {false, false, true, true, true, true}, domains, 12, i -> i == domains.size() - 1);
            if (assessed < year.scores().leafCount()) {
                doc.note("Điểm tự đánh giá của lĩnh vực và của tổng điểm ghi khi mọi tiêu chí thuộc đó đã được chấm "
                        + "(đã chấm " + assessed + "/" + year.scores().leafCount() + " tiêu chí, tiêu chí thành phần).");
            }
            java.util.Map<String, vn.parindex.dossier.DossierService.CriterionDossier> byCode =
                    new java.util.HashMap<>();
            dossier.criteria().forEach(d -> byCode.put(d.criterion().code(), d));
            List<List<String>> criteria = new ArrayList<>();
            for (ScoreRow row : year.scores().rows()) {
                if (year.scores().hasChildren(row.code())) {
                    continue;
                }
                Figures f = row.figures();
                var d = byCode.get(row.code());
                String evidence = row.criterion().isSurvey() ? "Điều tra XHH" : d == null ? ""
                        : d.complete() ? "Đủ" : "Chưa đủ";
                criteria.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()),
                        f.current() != null ? fmt.score(f.current())
                                : row.criterion().isSurvey() ? "Chờ kết quả điều tra" : "Chưa chấm", evidence,
                        units(row.criterion().leadUnits())));
            }
            doc.table(List.of("TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
                    "Tài liệu kiểm chứng", "Cơ quan chủ trì"), new double[] {0.07, 0.36, 0.09, 0.14, 0.12, 0.22},
                    new boolean[] {false, false, true, true, false, false}, criteria, 11);

            doc.section("II. GIẢI TRÌNH CÁC TIÊU CHÍ CHƯA ĐỦ TÀI LIỆU KIỂM CHỨNG");
            List<String> unexplained = new ArrayList<>();
            boolean any = false;
            for (var d : dossier.criteria()) {
                if (d.complete()) {
                    continue;
                }
                any = true;
                if (d.explanation() == null) {
                    unexplained.add(d.criterion().code());
                    continue;
                }
                doc.labelled("- Tiêu chí " + d.criterion().code() + " " + d.criterion().name() + " ("
                        + units(d.criterion().leadUnits()) + "): ", d.explanation().text());
            }
            if (!unexplained.isEmpty()) {
                // said once, with the criteria it concerns, not once per criterion
                doc.labelled("- Chưa có giải trình (" + unexplained.size() + " tiêu chí, tiêu chí thành phần): ",
                        String.join(", ", unexplained) + ".");
            }
            if (!any) {
                doc.note("Tất cả các tiêu chí đã có đủ tài liệu kiểm chứng.");
            }
            doc.section("III. KHÓ KHĂN, VƯỚNG MẮC");
            listByUnit(doc, year.inputs(), true);
            doc.section("IV. ĐỀ XUẤT, KIẾN NGHỊ");
            listByUnit(doc, year.inputs(), false);
            doc.closing(recipients(body, false), issuer);
            doc.write(out);
        }
    }

    /**
     * Who compiles the units' inputs, to whom a unit's input goes: Phòng Nội vụ in a district; the Văn phòng HĐND và
     * UBND in a commune, ward or special zone (since 2025 it advises the committee on administrative reform); a
     * department's Văn phòng.
     */
    static String compiler(BodyWording body) {
        if (body.level() == BodyLevel.DISTRICT) {
            return "Phòng Nội vụ";
        }
        return body.isPeoplesCommittee() ? "Văn phòng HĐND và UBND" : "Văn phòng";
    }

    private static void listByUnit(OfficialDocx doc, List<UnitInput> inputs, boolean difficulties) {
        boolean any = false;
        for (UnitInput input : inputs) {
            String text = difficulties ? input.difficulties() : input.proposals();
            if (!text.isBlank()) {
                doc.labelled("- " + input.status().unit().name() + ": ", text);
                any = true;
            }
        }
        if (!any) {
            doc.note("Các cơ quan, đơn vị chưa nêu nội dung này.");
        }
    }

    private static String units(List<UnitRef> units) {
        return units.stream().map(UnitRef::name).collect(Collectors.joining(", "));
    }

    /** A task's status in words, with "quá hạn" when not done past its due date on that day. */
    static String statusName(TaskStatus status, java.time.LocalDate due, java.time.LocalDate on) {
        String name = switch (status) {
            case DONE -> "hoàn thành";
            case IN_PROGRESS -> "đang thực hiện";
            case NOT_STARTED -> "chưa bắt đầu";
        };
        return status != TaskStatus.DONE && on.isAfter(due) ? name + ", quá hạn" : name;
    }
}
