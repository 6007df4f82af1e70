package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.CycleView;
import vn.parindex.criteria.ScoringMethod;
import vn.parindex.criteria.UnitRef;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.scoring.ScoreboardService;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.PublishedPlan;

/** The importer on real PostgreSQL: good tables load completely, bad ones are refused whole. */
@IntegrationTest
class PlanImporterIntegrationTest {

    private static final int YEAR = 2031;

    @Autowired
    PlanImporter importer;

    @Autowired
    CriteriaCatalog catalog;

    @Autowired
    ScoreboardService scoreboards;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeImportedCycles() {
        jdbc.update("delete from criterion_unit where criterion_id in "
                + "(select c.id from criterion c join cycle y on y.id = c.cycle_id where y.year >= 2030)");
        jdbc.update("delete from criterion where cycle_id in (select id from cycle where year >= 2030)");
        jdbc.update("delete from cycle where year >= 2030");
    }

    /** The published table, its year columns renamed for 2030 → 2031. */
    private static String publishedAs2031() {
        return PublishedPlan.text().replace("diem_2022", "diem_2030").replace("muc_tieu_2023", "muc_tieu_2031")
                .replace("ton_tai_han_che_2022", "ton_tai_han_che_2030");
    }

    private static PlanImportRequest request() {
        return new PlanImportRequest(YEAR, 2030, CycleStatus.PLANNING, "Thử", Map.of("6", List.of("TCKH", "Thanh tra")),
                Map.of("1", List.of("TUPHAP")));
    }

    private PlanImporter.Result load(String csv) {
        return importer.importPlan(new StringReader(csv), request());
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void loadsTheWholePublishedTable() {
        PlanImporter.Result result = load(publishedAs2031());
        assertThat(result.nodes()).isEqualTo(48);
        CycleView cycle = catalog.cycle(YEAR).orElseThrow();
        assertThat(cycle.baselineYear()).isEqualTo(2030);
        assertThat(cycle.status()).isEqualTo(CycleStatus.PLANNING);
        assertThat(cycle.recordedTotalBaseline()).isEqualByComparingTo("84.0256");
        assertThat(cycle.recordedTotalChange()).isEqualTo(8);
        CriterionView c13 = cycle.criteria().stream().filter(c -> c.code().equals("1.3")).findFirst().orElseThrow();
        assertThat(c13.weakness()).startsWith("Không tổ chức kiểm tra công tác CCHC");
        assertThat(c13.baselineScore()).isEqualByComparingTo("1");
        assertThat(c13.coordinatingUnits()).extracting(UnitRef::code).containsExactly("TUPHAP");
        CriterionView c64 = cycle.criteria().stream().filter(c -> c.code().equals("6.4")).findFirst().orElseThrow();
        assertThat(c64.leadUnits()).extracting(UnitRef::code).containsExactly("TCKH", "THANHTRA");
        assertThat(scoreboards.forYear(YEAR).orElseThrow().discrepancies()).hasSize(1);
    }

    @Test
    void depthAndNumberOfDomainsComeFromTheData() {
        StringBuilder csv = new StringBuilder("stt,ten,diem_toi_da,diem_2030,muc_tieu_2031,co_quan_chu_tri\n");
        for (int domain = 1; domain <= 8; domain++) {
            csv.append(domain).append(",Lĩnh vực ").append(domain).append(",\"3,5\",,,Phòng Nội vụ\n");
        }
        csv.append("8.1,Tiêu chí,\"3,5\",,,\n8.1.1,Thành phần một,\"1,5\",1,\"1,25\",\n8.1.2,Thành phần hai,2,2,2,"
                + "Điểm điều tra XHH\n8.1.2.1,Chi tiết,2,2,2,\n");
        load(csv.toString());
        var board = scoreboards.forYear(YEAR).orElseThrow();
        assertThat(board.domains()).hasSize(8);
        assertThat(board.row("8.1.2.1").criterion().level()).isEqualTo(4);
        assertThat(board.row("8.1.2.1").criterion().scoringMethod()).isEqualTo(ScoringMethod.SURVEY);
        assertThat(board.row("8.1").figures().max()).isEqualByComparingTo("3.5");
        assertThat(board.row("8").figures().baseline()).isEqualByComparingTo("3");
        assertThat(board.total().target()).isEqualByComparingTo("3.25");
        assertThat(board.rows()).extracting(r -> r.code())
                .containsSubsequence("8", "8.1", "8.1.1", "8.1.2", "8.1.2.1");
    }

    /** Each bad table: refused with the line and column named, and nothing loaded. */
    private void assertRefused(String csv, int line, String column, Kind kind) {
        long cycles = rows("cycle");
        long criteria = rows("criterion");
        long links = rows("criterion_unit");
        assertThatThrownBy(() -> load(csv))
                .isInstanceOfSatisfying(PlanImportException.class, e -> {
                    assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::kind)
                            .contains(tuple(line, column, kind));
                    assertThat(e.getMessage()).contains("Dòng " + line + ", cột " + column);
                });
        assertThat(catalog.cycle(YEAR)).isEmpty();
        assertThat(rows("cycle")).isEqualTo(cycles);
        assertThat(rows("criterion")).isEqualTo(criteria);
        assertThat(rows("criterion_unit")).isEqualTo(links);
    }

    /** The published table with one line (1 = header) replaced. */
    private static String withLine(int line, String replacement) {
        List<String> lines = new java.util.ArrayList<>(publishedAs2031().lines().toList());
        lines.set(line - 1, replacement);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void missingColumnIsRefused() {
        String csv = publishedAs2031().replace("diem_2030,", "diem_cu,");
        assertRefused(csv, 1, "diem_2030", Kind.MISSING_COLUMN);
        assertRefused("", 1, "stt", Kind.MISSING_COLUMN);
    }

    @Test
    void nonNumericScoreIsRefused() {
        assertRefused(withLine(5, "1.3,Công tác kiểm tra CCHC,\"2,50\",một,\"2,00\",+ 1,Phòng Nội vụ,"), 5,
                "diem_2030", Kind.NOT_A_NUMBER);
        assertRefused(withLine(5, "1.3,Công tác kiểm tra CCHC,,1,\"2,00\",+ 1,Phòng Nội vụ,"), 5,
                "diem_toi_da", Kind.MISSING_VALUE);
        assertRefused(withLine(5, "1.3,Công tác kiểm tra CCHC,\"2,50\",1,\"2,00\",nhiều,Phòng Nội vụ,"), 5,
                "tang_giam_in_tren_ke_hoach", Kind.NOT_A_NUMBER);
        assertRefused(withLine(5, "1.3,Công tác kiểm tra CCHC,\"2,50\",\"1,00001\",\"2,00\",+ 1,Phòng Nội vụ,"), 5,
                "diem_2030", Kind.TOO_MANY_DECIMALS);
    }

    @Test
    void scoreAboveItsMaximumIsRefused() {
        assertRefused(withLine(3, "1.1,Kế hoạch CCHC năm,\"3,00\",\"2,8919\",\"3,50\",0,Phòng Nội vụ,"), 3,
                "muc_tieu_2031", Kind.ABOVE_MAXIMUM);
    }

    @Test
    void duplicateCodeIsRefused() {
        assertRefused(withLine(4, "1.1,Trùng mã,\"2,00\",\"1,5000\",\"2,00\",+ 1,Phòng Nội vụ,"), 4, "stt",
                Kind.DUPLICATE_CODE);
    }

    @Test
    void childWithoutParentIsRefused() {
        assertRefused(publishedAs2031().replace("TOTAL,", "9.1,Mồ côi,1,1,1,0,,\nTOTAL,"), 50, "stt",
                Kind.MISSING_PARENT);
    }

    @Test
    void unknownUnitInvalidCodeAndWrongFieldCountAreRefused() {
        assertRefused(withLine(3, "1.1,Kế hoạch CCHC năm,\"3,00\",\"2,8919\",\"3,00\",0,Phòng Không Có,"), 3,
                "co_quan_chu_tri", Kind.UNKNOWN_UNIT);
        assertRefused(withLine(3, "1..1,Kế hoạch CCHC năm,\"3,00\",\"2,8919\",\"3,00\",0,Phòng Nội vụ,"), 3,
                "stt", Kind.INVALID_CODE);
        assertRefused(withLine(3, "1.1,Kế hoạch CCHC năm,\"3,00\""), 3, "stt", Kind.WRONG_FIELD_COUNT);
    }

    @Test
    void anExistingYearIsRefused() {
        long criteria = rows("criterion");
        assertThatThrownBy(() -> importer.importPlan(new StringReader(PublishedPlan.text()),
                PlanImportRequest.of(2023, 2022)))
                .isInstanceOfSatisfying(PlanImportException.class,
                        e -> assertThat(e.problems()).extracting(ImportProblem::kind).containsExactly(Kind.CYCLE_EXISTS));
        assertThat(rows("criterion")).isEqualTo(criteria);
    }

    @Test
    void everyProblemOfATableIsListedAtOnce() {
        String csv = withLine(3, "1.1,Kế hoạch CCHC năm,\"3,00\",abc,\"3,50\",0,Phòng Không Có,");
        assertThatThrownBy(() -> load(csv)).isInstanceOfSatisfying(PlanImportException.class,
                e -> assertThat(e.problems()).extracting(ImportProblem::column)
                        .containsExactlyInAnyOrder("diem_2030", "muc_tieu_2031", "co_quan_chu_tri"));
    }
}
