package vn.parindex.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ranking rules alone (no Spring, no database): rank = 1 + the districts strictly above (ties share a rank),
 * the points a rank needs, the average — checked against tables worked out by hand and against a brute-force count.
 */
class RankForecastRulesTest {

    /** Bắc Giang's ten districts in 2022 without Tân Yên (84,0256, 8th), as the ranking page records them. */
    static final List<BigDecimal> OTHERS = List.of(d("90.1000"), d("89.2000"), d("88.4000"), d("87.5000"),
            d("87.0000"), d("86.3000"), d("85.1000"), d("83.9000"), d("80.2000"));

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    final RankForecast forecast = new RankForecast(OTHERS);

    @ParameterizedTest(name = "{0} points rank {1}")
    @CsvSource({
            "95, 1", "90.1000, 1", "90.0999, 2", "89.2, 2", "88.5, 3", "87.5, 4", "87.2, 5", "87, 5", "86.9999, 6",
            "86.3, 6", "85.2, 7", "84.0256, 8", "83.9, 8", "83.8999, 9", "80.2, 9", "80.1999, 10", "0, 10"})
    void rankIsOnePlusTheDistrictsStrictlyAbove(String score, int rank) {
        assertThat(forecast.rankOf(d(score))).isEqualTo(rank);
    }

    @ParameterizedTest(name = "rank {0} from {1} needs {2}")
    @CsvSource({
            "1, 84.0256, 6.0744", "2, 84.0256, 5.1744", "3, 84.0256, 4.3744", "4, 84.0256, 3.4744",
            "5, 84.0256, 2.9744", "6, 84.0256, 2.2744", "7, 84.0256, 1.0744", "8, 84.0256, 0",
            "9, 84.0256, 0", "10, 84.0256, 0", "11, 84.0256, 0", "5, 87, 0", "5, 86.9999, 0.0001", "1, 90.1, 0"})
    void pointsARankNeedsAreTheGapToTheDistrictHoldingIt(int rank, String score, String needed) {
        assertThat(forecast.pointsNeededFor(rank, d(score))).isEqualByComparingTo(needed);
    }

    @Test
    void addingThePointsNeededReachesTheRankAndOneTenThousandthLessDoesNot() {
        BigDecimal score = d("84.0256");
        for (int rank = 1; rank <= 7; rank++) {
            BigDecimal needed = forecast.pointsNeededFor(rank, score);
            assertThat(forecast.rankOf(score.add(needed))).as("rank %d", rank).isLessThanOrEqualTo(rank);
            assertThat(forecast.rankOf(score.add(needed).subtract(d("0.0001")))).as("just short of rank %d", rank)
                    .isGreaterThan(rank);
        }
    }

    @Test
    void theOrderOfTheOtherDistrictsDoesNotMatter() {
        List<BigDecimal> shuffled = new ArrayList<>(OTHERS);
        Collections.shuffle(shuffled, new Random(7));
        RankForecast other = new RankForecast(shuffled);
        for (String score : List.of("80", "84.0256", "87", "92")) {
            assertThat(other.rankOf(d(score))).isEqualTo(forecast.rankOf(d(score)));
            assertThat(other.pointsNeededFor(3, d(score))).isEqualByComparingTo(forecast.pointsNeededFor(3, d(score)));
        }
    }

    @Test
    void tiesAmongOtherDistrictsShareARankAndTheNextRankSkips() {
        RankForecast tied = new RankForecast(List.of(d("90"), d("88"), d("88"), d("85")));
        assertThat(tied.rankOf(d("89"))).isEqualTo(2);
        assertThat(tied.rankOf(d("88"))).as("level with the two at 88").isEqualTo(2);
        assertThat(tied.rankOf(d("87.9999"))).as("below both: two districts at rank 2, then 4").isEqualTo(4);
        assertThat(tied.pointsNeededFor(3, d("86"))).isEqualByComparingTo("2");
        assertThat(tied.pointsNeededFor(2, d("86"))).isEqualByComparingTo("2");
        assertThat(tied.districtCount()).isEqualTo(5);
    }

    @Test
    void aRankMatchesACountOfTheDistrictsAboveForManyScores() {
        Random random = new Random(2023);
        List<BigDecimal> others = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            others.add(BigDecimal.valueOf(random.nextInt(1_000_000), 4));
        }
        RankForecast many = new RankForecast(others);
        for (int i = 0; i < 500; i++) {
            BigDecimal score = BigDecimal.valueOf(random.nextInt(1_000_000), 4);
            int above = 0;
            for (BigDecimal other : others) {
                if (other.compareTo(score) > 0) {
                    above++;
                }
            }
            assertThat(many.rankOf(score)).isEqualTo(above + 1);
        }
    }

    @Test
    void theAverageCountsThisDistrictToo() {
        // (90.1 + 89.2 + 88.4 + 87.5 + 87 + 86.3 + 85.1 + 83.9 + 80.2 + 84.0256) / 10 = 861.7256 / 10
        assertThat(forecast.averageWith(d("84.0256"))).isEqualTo(d("86.1726"));
        assertThat(new RankForecast(List.of(d("1"), d("2"))).averageWith(d("2"))).isEqualTo(d("1.6667"));
        assertThat(forecast.averageWith(null)).isNull();
    }

    @Test
    void withNothingToCompareNothingIsForecast() {
        RankForecast none = new RankForecast(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.districtCount()).isEqualTo(1);
        assertThat(none.rankOf(d("90"))).isNull();
        assertThat(none.pointsNeededFor(1, d("90"))).isNull();
        assertThat(forecast.isEmpty()).isFalse();
        assertThat(forecast.districtCount()).isEqualTo(10);
        assertThat(forecast.pointsNeededFor(1, null)).isNull();
        assertThat(forecast.pointsNeededFor(-1, d("1"))).isNull();
    }
}
