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
}
