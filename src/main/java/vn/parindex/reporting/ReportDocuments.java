package vn.parindex.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.parindex.criteria.UnitRef;
import vn.parindex.reporting.ReportViews.DistrictReport;
import vn.parindex.reporting.ReportViews.TaskResult;
import vn.parindex.reporting.ReportViews.UnitInput;
import vn.parindex.reporting.ReportViews.UnitStatus;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.tasks.TaskView;
import vn.parindex.web.VietnameseNumbers;

/**
 * The reports as Word documents, in Vietnamese (they go to the province): the district's compiled report for a
 * period, and one unit's input. Numbers are written the Vietnamese way (84,0256).
 */
@Component
public class ReportDocuments {

    /** The media type of a .docx file. */
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final VietnameseNumbers fmt;

    ReportDocuments(VietnameseNumbers fmt) {
        this.fmt = fmt;
    }

    /** The district's report (Báo cáo kết quả thực hiện công tác CCHC …) for the period. */
    public void district(DistrictReport report, OutputStream out) throws IOException {
        String district = report.districtName() == null ? "…" : report.districtName();
        ReportPeriod period = report.period();
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading("Ủy ban nhân dân", "Huyện " + district, "Số:       /BC-UBND", district, report.compiledOn());
            doc.title("BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính " + period.vietnameseName());

            Figures total = report.scores().total();
            int year = period.year();
            doc.section("I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
            doc.paragraph("Năm " + (year - 1) + ", Chỉ số cải cách hành chính (Par Index) của huyện đạt "
                    + fmt.score(total.baseline()) + "/" + fmt.max(total.max()) + " điểm; mục tiêu năm " + year
                    + " đạt " + fmt.score(total.target()) + " điểm. Đến ngày "
                    + report.compiledOn().format(vn.parindex.tasks.TaskDraft.DAY_MONTH_YEAR)
                    + ", điểm dự kiến (điểm tự đánh giá của các tiêu chí đã chấm, điểm năm " + (year - 1)
                    + " của các tiêu chí chưa chấm) là " + fmt.score(total.projection()) + " điểm, còn "
                    + fmt.score(total.remainingToTarget()) + " điểm so với mục tiêu.");
            List<List<String>> rows = new ArrayList<>();
            for (ScoreRow row : report.scores().domains()) {
                Figures f = row.figures();
                rows.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()), fmt.score(f.baseline()),
                        fmt.score(f.target()), fmt.score(f.projection()), fmt.signedScore(f.remainingToTarget())));
            }
            rows.add(List.of("", "Tổng điểm", fmt.max(total.max()), fmt.score(total.baseline()),
                    fmt.score(total.target()), fmt.score(total.projection()),
                    fmt.signedScore(total.remainingToTarget())));
            doc.table(List.of("TT", "Lĩnh vực", "Điểm tối đa", "Năm " + (year - 1), "Mục tiêu " + year,
                    "Dự kiến hiện tại", "Còn thiếu"),
                    new double[] {0.06, 0.36, 0.1, 0.12, 0.12, 0.12, 0.12},
                    new boolean[] {false, false, true, true, true, true, true}, rows, 12);

            var a = report.assessments();
            doc.section("II. TÌNH HÌNH TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC TIÊU CHÍ");
            doc.paragraph("Trong " + a.criteria() + " tiêu chí, tiêu chí thành phần do các cơ quan tự đánh giá: "
                    + a.approved() + " đã được Phòng Nội vụ rà soát, thống nhất điểm; " + a.submitted()
                    + " đang chờ Phòng Nội vụ rà soát; "
                    + a.returned() + " bị trả lại để bổ sung; " + a.notSubmitted() + " chưa có bản tự đánh giá.");

            var t = report.tasks();
            doc.section("III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP");
            doc.paragraph("Kế hoạch năm " + year + " có " + t.total() + " nhiệm vụ: " + t.done() + " đã hoàn thành; "
                    + t.inProgress() + " đang thực hiện; " + t.notStarted() + " chưa bắt đầu; " + t.overdue()
                    + " quá hạn chưa hoàn thành.");
            List<TaskResult> results = report.inputs().stream().flatMap(i -> i.tasks().stream())
                    .filter(r -> !r.result().isBlank()).toList();
            if (results.isEmpty()) {
                doc.note("Chưa có đơn vị nào gửi kết quả thực hiện nhiệm vụ trong kỳ.");
            }
            for (UnitInput input : report.inputs()) {
                List<TaskResult> done = input.tasks().stream().filter(r -> !r.result().isBlank()).toList();
                if (done.isEmpty()) {
                    continue;
                }
                doc.subheading(input.status().unit().name());
                for (TaskResult r : done) {
                    doc.labelled("- " + r.task().title() + " (" + statusName(r.task()) + "): ", r.result());
                }
            }

            doc.section("IV. TỒN TẠI, HẠN CHẾ");
            listByUnit(doc, report.inputs(), true);
            doc.section("V. ĐỀ XUẤT, KIẾN NGHỊ");
            listByUnit(doc, report.inputs(), false);

            doc.section("VI. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ");
            doc.paragraph("Hạn gửi báo cáo " + period.vietnameseName() + ": ngày "
                    + report.deadline().format(vn.parindex.tasks.TaskDraft.DAY_MONTH_YEAR) + ".");
            List<List<String>> units = new ArrayList<>();
            int n = 0;
            for (UnitStatus u : report.units()) {
                units.add(List.of(Integer.toString(++n), u.unit().name(), statusName(u.status()),
                        u.submittedAt() == null ? "" : fmt.dateTime(u.submittedAt()),
                        u.late() ? (u.status() == ReportInputStatus.RETURNED ? "Chậm (chưa gửi lại)" : "Chậm (chưa gửi)")
                                : u.submittedLate() ? "Gửi chậm" : ""));
            }
            doc.table(List.of("TT", "Cơ quan, đơn vị", "Tình trạng", "Gửi lúc", "Ghi chú"),
                    new double[] {0.07, 0.38, 0.2, 0.18, 0.17}, new boolean[5], units, 12);

            doc.closing(List.of("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);", "- TT Huyện ủy, TT HĐND huyện (b/c);",
                    "- Chủ tịch, các PCT UBND huyện;", "- Các cơ quan, đơn vị thuộc UBND huyện;", "- Lưu: VT, NV."),
                    List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"));

            doc.pageBreak();
            doc.title("PHỤ LỤC", "Điểm các lĩnh vực, tiêu chí, tiêu chí thành phần Chỉ số CCHC năm " + year
                    + " (số liệu đến ngày " + report.compiledOn().format(vn.parindex.tasks.TaskDraft.DAY_MONTH_YEAR)
                    + ")");
            List<List<String>> appendix = new ArrayList<>();
            for (ScoreRow row : report.scores().rows()) {
                Figures f = row.figures();
                appendix.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()), fmt.score(f.baseline()),
                        fmt.score(f.target()), fmt.score(f.current()), units(row.criterion().leadUnits())));
            }
            appendix.add(List.of("", "Tổng điểm", fmt.max(total.max()), fmt.score(total.baseline()),
                    fmt.score(total.target()), fmt.score(total.current()), ""));
            doc.table(List.of("TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm " + (year - 1),
                    "Mục tiêu " + year, "Điểm hiện tại", "Cơ quan chủ trì"),
                    new double[] {0.07, 0.37, 0.09, 0.11, 0.11, 0.11, 0.14},
                    new boolean[] {false, false, true, true, true, true, false}, appendix, 10);
            doc.write(out);
        }
    }

    /** One unit's input for a period, as the unit sends it to Home Affairs. */
    public void unit(UnitInput input, String districtName, java.time.LocalDate on, OutputStream out)
            throws IOException {
        String district = districtName == null ? "…" : districtName;
        ReportPeriod period = input.period();
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading("UBND huyện " + district, input.status().unit().name(), "Số:       /BC-", district, on);
            doc.title("BÁO CÁO", "Kết quả thực hiện nhiệm vụ cải cách hành chính " + period.vietnameseName());
            doc.section("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
            List<TaskResult> done = input.tasks().stream().filter(r -> !r.result().isBlank()).toList();
            if (done.isEmpty()) {
                doc.note("Chưa có nội dung.");
            }
            int n = 0;
            for (TaskResult r : done) {
                doc.labelled((++n) + ". " + r.task().title() + " (" + statusName(r.task()) + "): ", r.result());
            }
            doc.section("II. TỒN TẠI, HẠN CHẾ");
            doc.paragraph(input.difficulties().isBlank() ? "Không." : input.difficulties());
            doc.section("III. ĐỀ XUẤT, KIẾN NGHỊ");
            doc.paragraph(input.proposals().isBlank() ? "Không." : input.proposals());
            doc.closing(List.of("- Phòng Nội vụ (t/h);", "- Lưu: VT."), List.of("THỦ TRƯỞNG CƠ QUAN"));
            doc.write(out);
        }
    }

    /**
     * The self-assessment report (Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC): the self-assessed scores by domain and
     * criterion with whether each criterion's evidence is complete, the lead units' explanations for criteria whose
     * evidence is not, then the difficulties and recommendations the units gave for the year.
     */
    public void selfAssessment(DistrictReport year, vn.parindex.assessment.DossierService.Overview dossier,
            OutputStream out) throws IOException {
        String district = year.districtName() == null ? "…" : year.districtName();
        int y = year.period().year();
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.heading("Ủy ban nhân dân", "Huyện " + district, "Số:       /BC-UBND", district, year.compiledOn());
            doc.title("BÁO CÁO", "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm " + y);
            Figures total = year.scores().total();
            doc.section("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM");
            long assessed = year.scores().assessedLeafCount();
            doc.paragraph("Huyện " + district + " đã tự đánh giá, chấm điểm " + assessed + "/"
                    + year.scores().leafCount() + " tiêu chí, tiêu chí thành phần. Tổng điểm dự kiến (điểm tự đánh giá "
                    + "của các tiêu chí đã chấm, điểm năm " + (y - 1) + " của các tiêu chí chưa chấm) là "
                    + fmt.score(total.projection()) + "/" + fmt.max(total.max()) + " điểm; mục tiêu năm " + y + " là "
                    + fmt.score(total.target()) + " điểm.");
            List<List<String>> domains = new ArrayList<>();
            for (ScoreRow row : year.scores().domains()) {
                Figures f = row.figures();
                domains.add(List.of(row.code(), row.criterion().name(), fmt.max(f.max()), fmt.score(f.current()),
                        fmt.score(f.projection()), fmt.percent(f.projectionPercent())));
            }
            domains.add(List.of("", "Tổng điểm", fmt.max(total.max()), fmt.score(total.current()),
                    fmt.score(total.projection()), fmt.percent(total.projectionPercent())));
            doc.table(List.of("TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm dự kiến", "Tỷ lệ"),
                    new double[] {0.06, 0.44, 0.12, 0.13, 0.13, 0.12},
                    new boolean[] {false, false, true, true, true, true}, domains, 12);
            java.util.Map<String, vn.parindex.assessment.DossierService.CriterionDossier> byCode =
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
                        f.current() == null ? "Chưa chấm" : fmt.score(f.current()), evidence,
                        units(row.criterion().leadUnits())));
            }
            doc.table(List.of("TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
                    "Tài liệu kiểm chứng", "Cơ quan chủ trì"), new double[] {0.07, 0.39, 0.1, 0.12, 0.12, 0.2},
                    new boolean[] {false, false, true, true, false, false}, criteria, 11);

            doc.section("II. GIẢI TRÌNH CÁC TIÊU CHÍ CHƯA ĐỦ TÀI LIỆU KIỂM CHỨNG");
            boolean any = false;
            for (var d : dossier.criteria()) {
                if (d.complete()) {
                    continue;
                }
                any = true;
                doc.labelled("- Tiêu chí " + d.criterion().code() + " " + d.criterion().name() + " ("
                        + units(d.criterion().leadUnits()) + "): ", d.explanation() == null
                                ? "chưa có giải trình." : d.explanation().text());
            }
            if (!any) {
                doc.note("Tất cả các tiêu chí đã có đủ tài liệu kiểm chứng.");
            }
            doc.section("III. KHÓ KHĂN, VƯỚNG MẮC");
            listByUnit(doc, year.inputs(), true);
            doc.section("IV. ĐỀ XUẤT, KIẾN NGHỊ");
            listByUnit(doc, year.inputs(), false);
            doc.closing(List.of("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);", "- Chủ tịch, các PCT UBND huyện;",
                    "- Lưu: VT, NV."), List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"));
            doc.write(out);
        }
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

    static String statusName(TaskView task) {
        String status = switch (task.status()) {
            case DONE -> "hoàn thành";
            case IN_PROGRESS -> "đang thực hiện";
            case NOT_STARTED -> "chưa bắt đầu";
        };
        return task.overdue() ? status + ", quá hạn" : status;
    }

    static String statusName(ReportInputStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Chưa thực hiện";
            case DRAFT -> "Đang soạn";
            case SUBMITTED -> "Đã gửi";
            case RETURNED -> "Bị trả lại";
            case ACCEPTED -> "Đã tiếp nhận";
        };
    }
}
