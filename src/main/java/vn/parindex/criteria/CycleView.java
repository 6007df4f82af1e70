package vn.parindex.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cycle with its whole criteria tree, nodes in natural code order (parents before children), and the
 * printed total row as recorded (null fields where the table has none), the level of its body
 * ({@code BodyLevel}'s name; null when not known) and its published rank ({@link PublishedRank}'s text).
 */
public record CycleView(long id, int year, int baselineYear, CycleStatus status, String title,
        BigDecimal recordedTotalMax, BigDecimal recordedTotalBaseline, BigDecimal recordedTotalTarget,
        Integer recordedTotalChange, Integer baselineRank, Integer targetRank, Integer districtCount,
        String districtName, List<CriterionView> criteria, String bodyLevel, String published) {

    /** A cycle whose body's level is not known: its pages use the words that fit every level. */
    public CycleView(long id, int year, int baselineYear, CycleStatus status, String title,
            BigDecimal recordedTotalMax, BigDecimal recordedTotalBaseline, BigDecimal recordedTotalTarget,
            Integer recordedTotalChange, Integer baselineRank, Integer targetRank, Integer districtCount,
            String districtName, List<CriterionView> criteria) {
        this(id, year, baselineYear, status, title, recordedTotalMax, recordedTotalBaseline, recordedTotalTarget,
                recordedTotalChange, baselineRank, targetRank, districtCount, districtName, criteria, null, null);
    }

    /** The body's rank as the province published it for the year, or null while none is. */
    public PublishedRank publishedRank() {
        return PublishedRank.of(published);
    }

    /** The key part of the words for the body's peers ({@code body.peers.COMMUNE}), {@code ANY} when not known. */
    public String peerWords() {
        return bodyLevel == null ? "ANY" : bodyLevel;
    }
}
