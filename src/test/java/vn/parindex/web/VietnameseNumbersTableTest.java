package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as the plan prints them, as a table (no Spring): decimal comma, dot between thousands, half-up. */
class VietnameseNumbersTableTest {

    final VietnameseNumbers fmt = new VietnameseNumbers();

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource(delimiter = '|', value = {"0|0,0000", "84.0256|84,0256", "92|92,0000", "0.5|0,5000",
            "1234.5|1.234,5000", "1234567.891|1.234.567,8910", "2.00005|2,0001", "2.00004|2,0000", "-0.0434|−0,0434"})
    void scores(String value, String printed) {
        assertThat(fmt.score(new BigDecimal(value))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "max {0} → {1}")
    @CsvSource(delimiter = '|', value = {"14|14,00", "2.5|2,50", "100.0000|100,00", "0.125|0,13", "0.124|0,12",
            "1000|1.000,00"})
    void maxima(String value, String printed) {
        assertThat(fmt.max(new BigDecimal(value))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "percent {0} → {1}")
    @CsvSource(delimiter = '|', value = {"68.87|68,87%", "100|100,00%", "0|0,00%", "33.335|33,34%", "12.5|12,50%"})
    void percentages(String value, String printed) {
        assertThat(fmt.percent(new BigDecimal(value))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "signed {0} → {1}")
    @CsvSource(delimiter = '|', value = {"2.6081|+2,6081", "-0.0434|−0,0434", "0|0,0000", "0.0000|0,0000", "-12|−12,0000",
            "0.00001|+0,0000"})
    void signedScores(String value, String printed) {
        assertThat(fmt.signedScore(new BigDecimal(value))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "change {0} → {1}")
    @CsvSource(delimiter = '|', value = {"3|+ 3", "0|0", "-1|− 1", "0.49|0", "0.5|+ 1", "-0.5|− 1", "2.4999|+ 2",
            "-0.4999|0", "12.25|+ 12"})
    void changes(String value, String printed) {
        assertThat(fmt.change(new BigDecimal(value))).isEqualTo(printed);
    }

    @ParameterizedTest(name = "{0} bytes → {1}")
    @CsvSource(delimiter = '|', value = {"0|0 B", "1023|1023 B", "1024|1,0 KB", "1536|1,5 KB", "1048575|1.024,0 KB",
            "1048576|1,0 MB", "1572864|1,5 MB", "20971520|20,0 MB", "1073741824|1.024,0 MB"})
    void sizes(long size, String printed) {
        assertThat(fmt.bytes(size)).isEqualTo(printed);
    }

    @Test
    void momentsAreShownInVietnamsTime() {
        assertThat(fmt.dateTime(OffsetDateTime.of(2026, 11, 24, 7, 5, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("24/11/2026 14:05");
        assertThat(fmt.dateTime(OffsetDateTime.of(2026, 12, 31, 20, 0, 0, 0, ZoneOffset.UTC)))
                .as("past midnight in Hà Nội is the next day, the next year").isEqualTo("01/01/2027 03:00");
        assertThat(fmt.dateTime(OffsetDateTime.of(2026, 1, 1, 9, 30, 0, 0, ZoneOffset.ofHours(9))))
                .isEqualTo("01/01/2026 07:30");
        assertThat(fmt.dateTime(null)).isEmpty();
    }

    @Test
    void absentFiguresArePrintedAsNothing() {
        assertThat(fmt.score(null)).isEmpty();
        assertThat(fmt.max(null)).isEmpty();
        assertThat(fmt.percent(null)).isEmpty();
        assertThat(fmt.signedScore(null)).isEmpty();
        assertThat(fmt.change(null)).isEmpty();
    }
}
