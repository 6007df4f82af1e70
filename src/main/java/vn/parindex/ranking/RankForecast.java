package vn.parindex.ranking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Where a score would rank among the other districts' published totals: 1 + the number of districts above it
 * (a tie shares the rank), and how many points a wanted rank needs.
 */
public final class RankForecast {

    private final List<BigDecimal> others;

    /** @param others the other districts' totals, in any order */
    public RankForecast(List<BigDecimal> others) {
        this.others = others.stream().sorted(Comparator.reverseOrder()).toList();
    }

    public boolean isEmpty() {
        return others.isEmpty();
    }

    public int districtCount() {
        return others.size() + 1;
    }

    /** The rank the score would earn; null without a score or without other districts. */
    public Integer rankOf(BigDecimal score) {
        if (score == null || others.isEmpty()) {
            return null;
        }
        return 1 + (int) others.stream().filter(other -> other.compareTo(score) > 0).count();
    }

    /**
     * Points to add to {@code score} to reach {@code rank} (ties share a rank): 0 when already there; null when
     * it cannot be told.
     */
    public BigDecimal pointsNeededFor(int rank, BigDecimal score) {
        if (score == null || others.isEmpty() || rank < 1) {
            return null;
        }
        if (rank > others.size()) {
            return BigDecimal.ZERO;
        }
        BigDecimal toMatch = others.get(rank - 1);
        return toMatch.compareTo(score) > 0 ? toMatch.subtract(score) : BigDecimal.ZERO;
    }

    /** The average of all districts' totals, this one's included. */
    public BigDecimal averageWith(BigDecimal score) {
        if (score == null || others.isEmpty()) {
            return null;
        }
        BigDecimal sum = others.stream().reduce(score, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(districtCount()), 4, java.math.RoundingMode.HALF_UP);
    }
}
