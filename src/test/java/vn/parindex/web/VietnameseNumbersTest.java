package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VietnameseNumbersTest {

    private final VietnameseNumbers fmt = new VietnameseNumbers();

    @Test
    void writesScoresTheVietnameseWay() {
        assertThat(fmt.score(new BigDecimal("84.0256"))).isEqualTo("84,0256");
        assertThat(fmt.score(new BigDecimal("92"))).isEqualTo("92,0000");
        assertThat(fmt.score(new BigDecimal("1234.5"))).isEqualTo("1.234,5000");
        assertThat(fmt.max(new BigDecimal("14.0000"))).isEqualTo("14,00");
        assertThat(fmt.percent(new BigDecimal("68.87"))).isEqualTo("68,87%");
        assertThat(fmt.score(null)).isEmpty();
    }

    @Test
    void writesChangesAsThePlanPrintsThem() {
        assertThat(fmt.change(new BigDecimal("3"))).isEqualTo("+ 3");
        assertThat(fmt.change(new BigDecimal("0"))).isEqualTo("0");
        assertThat(fmt.change(new BigDecimal("-1"))).isEqualTo("\u2212 1");
        assertThat(fmt.signedScore(new BigDecimal("-0.0434"))).isEqualTo("\u22120,0434");
        assertThat(fmt.signedScore(new BigDecimal("7.9744"))).isEqualTo("+7,9744");
        assertThat(fmt.signedScore(BigDecimal.ZERO)).isEqualTo("0,0000");
        assertThat(fmt.shortfall(new BigDecimal("1.0000"))).isEqualTo("1,0000");
        assertThat(fmt.shortfall(new BigDecimal("-0.5"))).isEqualTo(VietnameseNumbers.REACHED);
        assertThat(fmt.shortfall(BigDecimal.ZERO)).isEqualTo(VietnameseNumbers.REACHED);
        assertThat(fmt.shortfall(null)).isEqualTo("\u2014");
        assertThat(fmt.headline(new BigDecimal("84.0256"))).isEqualTo("84,03");
        // "Đạt" only once there is a score this year; a card rounds what is missing up, never to 0,00
        assertThat(fmt.shortfall(BigDecimal.ZERO, false)).isEqualTo("0,0000");
        assertThat(fmt.shortfall(BigDecimal.ZERO, true)).isEqualTo(VietnameseNumbers.REACHED);
        assertThat(fmt.shortfall(new BigDecimal("0.5"), false)).isEqualTo("0,5000");
        assertThat(fmt.headlineShortfall(new BigDecimal("0.001"))).isEqualTo("0,01");
        assertThat(fmt.headlineShortfall(new BigDecimal("-0.001"), true)).isEqualTo(VietnameseNumbers.REACHED);
        assertThat(fmt.headlineShortfall(new BigDecimal("-0.001"), false)).isEqualTo("0,00");
        assertThat(fmt.headline(new BigDecimal("92"))).isEqualTo("92,00");
    }
}
