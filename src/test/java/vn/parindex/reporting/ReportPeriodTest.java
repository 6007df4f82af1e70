package vn.parindex.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Report periods: their codes, days, deadlines and names. */
class ReportPeriodTest {

    @Test
    void eachCodeNamesItsPeriod() {
        assertThat(ReportPeriod.parse("2023-03")).contains(new ReportPeriod(2023, ReportPeriod.Kind.MONTH, 3));
        assertThat(ReportPeriod.parse("2023-Q1")).contains(new ReportPeriod(2023, ReportPeriod.Kind.QUARTER, 1));
        assertThat(ReportPeriod.parse("2023-H1")).contains(new ReportPeriod(2023, ReportPeriod.Kind.HALF, 1));
        assertThat(ReportPeriod.parse("2023")).contains(new ReportPeriod(2023, ReportPeriod.Kind.YEAR, 1));
        for (ReportPeriod period : ReportPeriod.of(2023)) {
            assertThat(ReportPeriod.parse(period.code())).contains(period);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-Q5", "2023-Q0", "2023-13", "2023-00", "2023-3", "2023-H2", "2023-q1", "23",
            "2023-", "2023-Q1 ", "", "２０２３", "2023-003", "0999"})
    void anythingElseIsNoPeriod(String code) {
        assertThat(ReportPeriod.parse(code)).isEmpty();
    }

    @Test
    void daysDeadlinesAndNames() {
        ReportPeriod q1 = ReportPeriod.parse("2023-Q1").orElseThrow();
        assertThat(q1.start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(q1.deadline(15)).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(q1.vietnameseName()).isEqualTo("quý I năm 2023");
        ReportPeriod february = ReportPeriod.parse("2023-02").orElseThrow();
        assertThat(february.deadline(31)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(ReportPeriod.parse("2024-02").orElseThrow().deadline(31)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(february.vietnameseName()).isEqualTo("tháng 2 năm 2023");
        ReportPeriod half = ReportPeriod.parse("2023-H1").orElseThrow();
        assertThat(half.end()).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(half.vietnameseName()).isEqualTo("6 tháng đầu năm 2023");
        assertThat(ReportPeriod.parse("2023-Q4").orElseThrow().vietnameseName()).isEqualTo("quý IV năm 2023");
        assertThat(ReportPeriod.parse("2023").orElseThrow().deadline(5)).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(ReportPeriod.parse("2023-Q1").orElseThrow().englishName()).isEqualTo("Q1 2023");
    }

    @Test
    void theYearsPeriodsComeInTheOrderOfTheirDeadlines() {
        List<ReportPeriod> all = ReportPeriod.of(2023);
        assertThat(all).hasSize(18);
        ReportCalendar calendar = ReportCalendar.DEFAULTS;
        for (int i = 1; i < all.size(); i++) {
            assertThat(calendar.deadline(all.get(i))).isAfterOrEqualTo(calendar.deadline(all.get(i - 1)));
        }
    }

    @Test
    void textThatXmlCannotHoldBecomesSpacesInADocument() {
        assertThat(OfficialDocx.xmlSafe("a\u0001b\u0000c\u000Bd\tè\uFFFFf\uD800g")).isEqualTo("a b c d\tè f g");
        assertThat(OfficialDocx.xmlSafe("Tân Yên \uD83D\uDCC4")).isEqualTo("Tân Yên \uD83D\uDCC4");
        assertThat(OfficialDocx.xmlSafe(null)).isEmpty();
    }

    @Test
    void theDateLineOfADocumentPadsAsTheDecreeAsks() {
        assertThat(OfficialDocx.dateLine(LocalDate.of(2023, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2023");
        assertThat(OfficialDocx.dateLine(LocalDate.of(2023, 3, 15))).isEqualTo("ngày 15 tháng 3 năm 2023");
        assertThat(OfficialDocx.dateLine(LocalDate.of(2023, 12, 9))).isEqualTo("ngày 09 tháng 12 năm 2023");
    }
    @ParameterizedTest
    @ValueSource(strings = {"1900", "9999", "1900-01", "9999-12", "2024-Q4", "2023-12"})
    void theFirstAndLastPossiblePeriodsAreRead(String code) {
        assertThat(ReportPeriod.parse(code)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899", "1899-12", "0000-Q1", "12023", "2023-Q10", "2023-H", "2023-H1-", "2023 Q1",
            "2023/03", "2023-1Q", "-2023", "+2023", "2023\n", "٢٠٢٣"})
    void yearsOutOfRangeAndOtherShapesAreNoPeriod(String code) {
        assertThat(ReportPeriod.parse(code)).isEmpty();
    }

    @Test
    void noCodeIsNoPeriodAndALongCodeIsNotRead() {
        assertThat(ReportPeriod.parse(null)).isEmpty();
        assertThat(ReportPeriod.parse("2023-0" + "1".repeat(10_000))).isEmpty();
    }

    @Test
    void aPeriodThatCannotBeIsRefusedWhenMade() {
        for (int[] bad : new int[][] {{2023, 0}, {2023, 13}, {1899, 1}, {10_000, 1}}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ReportPeriod(bad[0], ReportPeriod.Kind.MONTH, bad[1]));
        }
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportPeriod(2023, ReportPeriod.Kind.QUARTER, 5));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportPeriod(2023, ReportPeriod.Kind.HALF, 2));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportPeriod(2023, ReportPeriod.Kind.YEAR, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1} to {2}")
    @org.junit.jupiter.params.provider.CsvSource({"2023-Q1, 2023-01-01, 2023-03-31", "2023-Q2, 2023-04-01, 2023-06-30",
            "2023-Q3, 2023-07-01, 2023-09-30", "2023-Q4, 2023-10-01, 2023-12-31", "2023-H1, 2023-01-01, 2023-06-30",
            "2023, 2023-01-01, 2023-12-31", "2024-02, 2024-02-01, 2024-02-29", "2023-11, 2023-11-01, 2023-11-30"})
    void eachPeriodStartsAndEndsOnItsDays(String code, LocalDate start, LocalDate end) {
        ReportPeriod period = ReportPeriod.parse(code).orElseThrow();
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.lastMonth()).isEqualTo(java.time.YearMonth.from(end));
        assertThat(period.toString()).isEqualTo(code);
    }

    @Test
    void aDeadlineDayOutsideTheMonthIsHeldToIt() {
        ReportPeriod april = ReportPeriod.parse("2023-04").orElseThrow();
        assertThat(april.deadline(0)).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(april.deadline(-5)).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(april.deadline(30)).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(april.deadline(31)).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(april.deadline(Integer.MAX_VALUE)).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(ReportPeriod.parse("2023-H1").orElseThrow().deadline(31)).isEqualTo(LocalDate.of(2023, 6, 30));
    }

    @Test
    void theYearsPeriodsAreEachKindInTheirNumbers() {
        List<ReportPeriod> all = ReportPeriod.of(2024);
        assertThat(all).filteredOn(p -> p.kind() == ReportPeriod.Kind.MONTH).hasSize(12);
        assertThat(all).filteredOn(p -> p.kind() == ReportPeriod.Kind.QUARTER).extracting(ReportPeriod::code)
                .containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
        assertThat(all).extracting(ReportPeriod::code).startsWith("2024-01", "2024-02", "2024-03", "2024-Q1")
                .contains("2024-06", "2024-Q2", "2024-H1").endsWith("2024-12", "2024-Q4", "2024");
        assertThat(all).allSatisfy(p -> assertThat(p.year()).isEqualTo(2024)).doesNotHaveDuplicates();
    }

    @Test
    void englishNamesOfEachKind() {
        assertThat(ReportPeriod.parse("2023-03").orElseThrow().englishName()).isEqualTo("March 2023");
        assertThat(ReportPeriod.parse("2023-12").orElseThrow().englishName()).isEqualTo("December 2023");
        assertThat(ReportPeriod.parse("2023-H1").orElseThrow().englishName()).isEqualTo("first half of 2023");
        assertThat(ReportPeriod.parse("2023").orElseThrow().englishName()).isEqualTo("2023");
        assertThat(ReportPeriod.parse("2023").orElseThrow().vietnameseName()).isEqualTo("năm 2023");
        assertThat(ReportPeriod.parse("2023-Q2").orElseThrow().vietnameseName()).isEqualTo("quý II năm 2023");
        assertThat(ReportPeriod.parse("2023-Q3").orElseThrow().vietnameseName()).isEqualTo("quý III năm 2023");
    }
}
