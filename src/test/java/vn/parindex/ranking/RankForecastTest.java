package vn.parindex.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankForecastTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Nine other districts, seven of them above 84,0256 (so 84,0256 ranks 8th of 10). */
    private final RankForecast forecast = new RankForecast(List.of(d("90.1"), d("89.5"), d("88.2"), d("87.9"),
            d("87.0"), d("86.6"), d("85.3"), d("83.9"), d("80.2")));

    @Test
    void rankIsOnePlusTheDistrictsAbove() {
        assertThat(forecast.districtCount()).isEqualTo(10);
        assertThat(forecast.rankOf(d("84.0256"))).isEqualTo(8);
        assertThat(forecast.rankOf(d("92"))).isEqualTo(1);
        assertThat(forecast.rankOf(d("79"))).isEqualTo(10);
        assertThat(forecast.rankOf(d("87.0"))).as("a tie shares the rank").isEqualTo(5);
    }

    @Test
    void pointsNeededForARank() {
        assertThat(forecast.pointsNeededFor(5, d("84.0256"))).isEqualByComparingTo("2.9744");
        assertThat(forecast.pointsNeededFor(5, d("87.5"))).isEqualByComparingTo("0");
        assertThat(forecast.pointsNeededFor(1, d("84.0256"))).isEqualByComparingTo("6.0744");
        assertThat(forecast.pointsNeededFor(10, d("1"))).isEqualByComparingTo("0");
        assertThat(forecast.pointsNeededFor(0, d("1"))).isNull();
    }

    @Test
    void averageIncludesTheDistrict() {
        assertThat(forecast.averageWith(d("84.0256"))).isEqualByComparingTo("86.2726");
    }

    @Test
    void withoutOtherDistrictsNothingIsForecast() {
        RankForecast empty = new RankForecast(List.of());
        assertThat(empty.rankOf(d("84"))).isNull();
        assertThat(empty.pointsNeededFor(5, d("84"))).isNull();
        assertThat(empty.averageWith(d("84"))).isNull();
        assertThat(forecast.rankOf(null)).isNull();
    }
}
