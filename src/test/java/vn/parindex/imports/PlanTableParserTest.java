package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.parindex.imports.ImportProblem.Kind;
import vn.parindex.imports.PlanTableParser.Node;
import vn.parindex.imports.PlanTableParser.Plan;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitKind;

/**
 * The plan table parser alone (no Spring, no database): a small valid table, then one bad row or header at a time,
 * each reported with its line (1 = the header) and column, and nothing returned.
 */
class PlanTableParserTest {

    static final String HEADER = "stt,ten,diem_toi_da,diem_2022,muc_tieu_2023,tang_giam_in_tren_ke_hoach,"
            + "co_quan_chu_tri,ton_tai_han_che_2022";

    /** Lines 2 to 6 of a valid table: two domains, three criteria, the total. */
    static final List<String> ROWS = List.of(
            "1,Công tác chỉ đạo,\"5,00\",\"4,0000\",\"5,00\",+ 1,Phòng Nội vụ,",
            "1.1,Kế hoạch CCHC năm,\"3,00\",\"2,5000\",\"3,00\",0,Phòng Nội vụ,Chưa kịp thời",
            "1.2,Tuyên truyền CCHC,\"2,00\",\"1,5000\",\"2,00\",+ 1,Phòng VH-TT,",
            "2,Văn bản QPPL,\"3,00\",\"2,4300\",\"2,50\",0,Điểm điều tra XHH,",
            "TOTAL,Tổng điểm,\"8,00\",\"6,4300\",\"7,50\",+ 1,,");

    static final List<Unit> UNITS = List.of(
            new Unit("NOIVU", "Phòng Nội vụ", UnitKind.DISTRICT_OFFICE, Set.of()),
            new Unit("VHTT", "Phòng Văn hóa – Thông tin", UnitKind.DISTRICT_OFFICE, Set.of("Phòng VH-TT")),
            new Unit("TUPHAP", "Phòng Tư pháp", UnitKind.DISTRICT_OFFICE, Set.of()));

    static Plan parse(String csv) {
        return new PlanTableParser(PlanImportRequest.of(2023, 2022), UNITS).parse(new StringReader(csv));
    }

    static String table(String... extraRows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        ROWS.forEach(row -> csv.append(row).append('\n'));
        for (String row : extraRows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    static List<ImportProblem> problems(String csv) {
        PlanImportException e = catchThrowableOfType(PlanImportException.class, () -> parse(csv));
        assertThat(e).as("the table should have been refused").isNotNull();
        return e.problems();
    }

    @Test
    void aValidTableGivesItsNodesInNaturalOrderWithParentsUnitsAndTotals() {
        Plan plan = parse(table());
        assertThat(plan.nodes()).extracting(Node::code).containsExactly("1", "1.1", "1.2", "2");
        assertThat(plan.nodes()).extracting(Node::parentCode).containsExactly(null, "1", "1", null);
        Node planning = plan.nodes().get(1);
        assertThat(planning.line()).isEqualTo(3);
        assertThat(planning.max()).isEqualByComparingTo("3");
        assertThat(planning.baseline()).isEqualByComparingTo("2.5");
        assertThat(planning.baseline().scale()).isEqualTo(4);
        assertThat(planning.target()).isEqualByComparingTo("3");
        assertThat(planning.recordedChange()).isZero();
        assertThat(planning.weakness()).isEqualTo("Chưa kịp thời");
        assertThat(planning.leadUnits()).extracting(Unit::getCode).containsExactly("NOIVU");
        // a unit found by the alias the plan prints
        assertThat(plan.nodes().get(2).leadUnits()).extracting(Unit::getCode).containsExactly("VHTT");
        assertThat(plan.nodes().get(2).weakness()).as("an empty weakness is none").isNull();
        // the survey marker is no unit
        Node survey = plan.nodes().get(3);
        assertThat(survey.survey()).isTrue();
        assertThat(survey.leadUnits()).isEmpty();
        assertThat(plan.nodes().get(0).recordedChange()).isEqualTo(1);
        assertThat(plan.totals().max()).isEqualByComparingTo("8");
        assertThat(plan.totals().baseline()).isEqualByComparingTo("6.43");
        assertThat(plan.totals().target()).isEqualByComparingTo("7.5");
        assertThat(plan.totals().recordedChange()).isEqualTo(1);
    }

    @Test
    void rowsInAnyOrderComeOutParentsFirstAndByNumberNotByText() {
        String csv = HEADER + "\n"
                + "1.10,Mười,\"1,00\",1,1,0,Phòng Nội vụ,\n"
                + "1.9,Chín,\"1,00\",1,1,0,Phòng Nội vụ,\n"
                + "1,Một,\"3,00\",2,2,0,Phòng Nội vụ,\n"
                + "1.2,Hai,\"1,00\",1,1,0,Phòng Nội vụ,\n";
        Plan plan = parse(csv);
        assertThat(plan.nodes()).extracting(Node::code).containsExactly("1", "1.2", "1.9", "1.10");
        // position is the order in the file, kept for printing as published
        assertThat(plan.nodes()).extracting(Node::position).containsExactly(3, 4, 2, 1);
        assertThat(plan.totals()).as("no total row").isNull();
    }

    @Test
    void headersAreReadWhateverTheirCaseSpacingOrAByteOrderMark() {
        String csv = "\uFEFF STT , Ten,DIEM_TOI_DA,diem_2022,Muc_Tieu_2023,tang_giam_in_tren_ke_hoach,co_quan_chu_tri\r\n"
                + "1,Một,\"2,00\",\"1,5\",2,− 1,Phòng Tư pháp\r\n";
        Plan plan = parse(csv);
        assertThat(plan.nodes()).singleElement().satisfies(node -> {
            assertThat(node.code()).isEqualTo("1");
            assertThat(node.baseline()).isEqualByComparingTo("1.5");
            assertThat(node.recordedChange()).as("a typographic minus").isEqualTo(-1);
            assertThat(node.leadUnits()).extracting(Unit::getCode).containsExactly("TUPHAP");
            assertThat(node.weakness()).as("no weakness column at all").isNull();
        });
    }

    @Test
    void severalLeadUnitsAndSpellingVariantsResolve() {
        Plan plan = parse(table("3,Tổ chức bộ máy,\"2,00\",1,2,0,phòng  nội VỤ ; Phòng VH – TT ;,"));
        assertThat(plan.nodes().get(4).leadUnits()).extracting(Unit::getCode).containsExactly("NOIVU", "VHTT");
    }

    @Test
    void aQuotedCellOverSeveralLinesKeepsLaterLineNumbersRight() {
        List<ImportProblem> problems = problems(table(
                "3,\"Tên dài\nxuống dòng\",\"1,00\",1,1,0,Phòng Nội vụ,",
                "4,Bốn,\"1,00\",x,1,0,Phòng Nội vụ,"));
        // row 3 starts on line 7 and takes two lines: row 4 is on line 9
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo("diem_2022");
            assertThat(p.kind()).isEqualTo(Kind.NOT_A_NUMBER);
        });
    }

    /** One bad thing each: the row added (line 7) or the table, and the problem expected. */
    static Stream<Arguments> badTables() {
        return Stream.of(
                Arguments.of("a required column missing", HEADER.replace("muc_tieu_2023", "muc_tieu_2024") + "\n"
                        + ROWS.get(0), 1, "muc_tieu_2023", Kind.MISSING_COLUMN),
                Arguments.of("the baseline column of another year", HEADER.replace("diem_2022", "diem_2021") + "\n"
                        + ROWS.get(0), 1, "diem_2022", Kind.MISSING_COLUMN),
                Arguments.of("a quote never closed", table("3,\"Tên chưa đóng,1,1,1,0,,"), 1, "-", Kind.UNREADABLE),
                Arguments.of("too few fields", table("3,Ba,\"1,00\""), 7, "stt", Kind.WRONG_FIELD_COUNT),
                Arguments.of("too many fields", table("3,Ba,1,1,1,0,Phòng Nội vụ,,thừa"), 7, "stt",
                        Kind.WRONG_FIELD_COUNT),
                Arguments.of("no code", table(",Ba,1,1,1,0,Phòng Nội vụ,"), 7, "stt", Kind.MISSING_VALUE),
                Arguments.of("a code used twice", table("1.1,Lần hai,1,1,1,0,Phòng Nội vụ,"), 7, "stt",
                        Kind.DUPLICATE_CODE),
                Arguments.of("a code used twice, other case", table("total,Tổng lần hai,1,1,1,0,,"), 7, "stt",
                        Kind.DUPLICATE_CODE),
                Arguments.of("an empty segment", table("1..3,Ba,1,1,1,0,Phòng Nội vụ,"), 7, "stt", Kind.INVALID_CODE),
                Arguments.of("a roman numeral with a dot", table("II.,Hai,1,1,1,0,Phòng Nội vụ,"), 7, "stt",
                        Kind.INVALID_CODE),
                Arguments.of("a space in the code", table("3 1,Ba,1,1,1,0,Phòng Nội vụ,"), 7, "stt", Kind.INVALID_CODE),
                Arguments.of("a child with no parent in the table", table("5.1,Năm một,1,1,1,0,Phòng Nội vụ,"), 7,
                        "stt", Kind.MISSING_PARENT),
                Arguments.of("no name", table("3,,1,1,1,0,Phòng Nội vụ,"), 7, "ten", Kind.MISSING_VALUE),
                Arguments.of("no maximum", table("3,Ba,,1,1,0,Phòng Nội vụ,"), 7, "diem_toi_da", Kind.MISSING_VALUE),
                Arguments.of("a maximum in words", table("3,Ba,hai,1,1,0,Phòng Nội vụ,"), 7, "diem_toi_da",
                        Kind.NOT_A_NUMBER),
                Arguments.of("a negative baseline", table("3,Ba,2,-1,1,0,Phòng Nội vụ,"), 7, "diem_2022",
                        Kind.NOT_A_NUMBER),
                Arguments.of("a thousands separator", table("3,Ba,2,\"1.000,5\",1,0,Phòng Nội vụ,"), 7, "diem_2022",
                        Kind.NOT_A_NUMBER),
                Arguments.of("a four-digit score", table("3,Ba,1000,1,1,0,Phòng Nội vụ,"), 7, "diem_toi_da",
                        Kind.NOT_A_NUMBER),
                Arguments.of("five decimals", table("3,Ba,2,1,\"1,23456\",0,Phòng Nội vụ,"), 7, "muc_tieu_2023",
                        Kind.TOO_MANY_DECIMALS),
                Arguments.of("a baseline above the maximum", table("3,Ba,\"2,00\",\"2,0001\",1,0,Phòng Nội vụ,"), 7,
                        "diem_2022", Kind.ABOVE_MAXIMUM),
                Arguments.of("a target above the maximum", table("3,Ba,\"2,00\",1,\"2,50\",0,Phòng Nội vụ,"), 7,
                        "muc_tieu_2023", Kind.ABOVE_MAXIMUM),
                Arguments.of("a change that is no whole number", table("3,Ba,2,1,1,\"+ 0,5\",Phòng Nội vụ,"), 7,
                        "tang_giam_in_tren_ke_hoach", Kind.NOT_A_NUMBER),
                Arguments.of("a change in words", table("3,Ba,2,1,1,tăng,Phòng Nội vụ,"), 7,
                        "tang_giam_in_tren_ke_hoach", Kind.NOT_A_NUMBER),
                Arguments.of("a unit nobody knows", table("3,Ba,2,1,1,0,Phòng Kinh tế,"), 7, "co_quan_chu_tri",
                        Kind.UNKNOWN_UNIT),
                Arguments.of("one known and one unknown unit", table("3,Ba,2,1,1,0,Phòng Nội vụ; Sở Nội vụ,"), 7,
                        "co_quan_chu_tri", Kind.UNKNOWN_UNIT),
                Arguments.of("only criteria, no domain", HEADER + "\nTOTAL,Tổng,8,6,7,0,,\n", 1, "stt", Kind.NO_DOMAINS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void aBadTableIsRefusedNamingTheLineAndColumn(String what, String csv, int line, String column, Kind kind) {
        List<ImportProblem> problems = problems(csv);
        assertThat(problems).as(what).singleElement().satisfies(p -> {
            assertThat(p.line()).as("line").isEqualTo(line);
            assertThat(p.column()).as("column").isEqualTo(column);
            assertThat(p.kind()).as("kind").isEqualTo(kind);
            assertThat(p.message()).as("a message for people").isNotBlank();
            assertThat(p.toString()).startsWith("Dòng " + line + ", cột " + column + ": ");
        });
    }

    @Test
    void anEmptyFileLacksEveryRequiredColumn() {
        assertThat(problems("")).extracting(ImportProblem::column).containsExactly("stt", "ten", "diem_toi_da",
                "diem_2022", "muc_tieu_2023", "co_quan_chu_tri");
        assertThat(problems("\n\n")).hasSize(6).allMatch(p -> p.line() == 1 && p.kind() == Kind.MISSING_COLUMN);
    }

    @Test
    void theMessagesSayWhatIsWrongInVietnamese() {
        assertThat(problems(table("1.1,Lần hai,1,1,1,0,Phòng Nội vụ,")).get(0).message())
                .isEqualTo("mã '1.1' trùng với dòng 3");
        assertThat(problems(table("3,Ba,\"2,00\",1,\"2,50\",0,Phòng Nội vụ,")).get(0).message())
                .isEqualTo("điểm 2,50 vượt điểm tối đa 2,00");
        assertThat(problems(table("3,Ba,2,1,1,0,Phòng Kinh tế,")).get(0).message())
                .isEqualTo("không có đơn vị nào tên 'Phòng Kinh tế'");
        assertThat(problems(table("5.1,Năm một,1,1,1,0,Phòng Nội vụ,")).get(0).message())
                .isEqualTo("tiêu chí '5.1' không có mục cha '5' trong bảng");
    }

    @Test
    void everyProblemIsReportedAtOnceInLineOrder() {
        List<ImportProblem> problems = problems(table(
                "3,,x,1,1,0,Phòng Kinh tế,",
                "1.1,Trùng,1,1,1,0,Phòng Nội vụ,",
                "4.1,Không cha,1,\"1,00001\",1,0,Phòng Nội vụ,"));
        assertThat(problems).extracting(ImportProblem::line, ImportProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, Kind.NOT_A_NUMBER),
                org.assertj.core.groups.Tuple.tuple(7, Kind.MISSING_VALUE),
                org.assertj.core.groups.Tuple.tuple(7, Kind.UNKNOWN_UNIT),
                org.assertj.core.groups.Tuple.tuple(8, Kind.DUPLICATE_CODE),
                org.assertj.core.groups.Tuple.tuple(9, Kind.TOO_MANY_DECIMALS),
                org.assertj.core.groups.Tuple.tuple(9, Kind.MISSING_PARENT));
        // the exception's own message lists them all, one a line
        assertThatThrownBy(() -> parse(table("3,,x,1,1,0,Phòng Kinh tế,")))
                .hasMessageStartingWith("Bảng kế hoạch không hợp lệ, không có dữ liệu nào được nạp:")
                .hasMessageContaining("Dòng 7, cột diem_toi_da:")
                .hasMessageContaining("Dòng 7, cột ten:")
                .hasMessageContaining("Dòng 7, cột co_quan_chu_tri:");
    }

    @Test
    void blankLinesAreSkippedAndDoNotShiftLineNumbers() {
        List<ImportProblem> problems = problems(table("", ",,,,,,,", "3,Ba,2,x,1,0,Phòng Nội vụ,"));
        assertThat(problems).singleElement().extracting(ImportProblem::line).isEqualTo(9);
    }

    @Test
    void theTotalRowIsCheckedLikeAnyOther() {
        String csv = table().replace("TOTAL,Tổng điểm,\"8,00\",\"6,4300\",\"7,50\"", "TOTAL,Tổng điểm,\"8,00\",\"9,00\",\"7,50\"");
        assertThat(problems(csv)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.kind()).isEqualTo(Kind.ABOVE_MAXIMUM);
            assertThat(p.column()).isEqualTo("diem_2022");
        });
    }

    @Test
    void optionalScoresMayBeLeftEmpty() {
        Plan plan = parse(table("3,Ba,\"2,00\",,,,Phòng Nội vụ,"));
        Node node = plan.nodes().get(4);
        assertThat(node.baseline()).isNull();
        assertThat(node.target()).isNull();
        assertThat(node.recordedChange()).isNull();
        assertThat(node.max()).isEqualTo(new BigDecimal("2.0000"));
    }
}
