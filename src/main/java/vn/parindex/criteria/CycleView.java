package vn.parindex.criteria;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cycle with its whole criteria tree, nodes in natural code order (parents before children), and the
 * printed total row as recorded (null fields where the table has none).
 */
public record CycleView(long id, int year, int baselineYear, CycleStatus status, String title,
        BigDecimal recordedTotalMax, BigDecimal recordedTotalBaseline, BigDecimal recordedTotalTarget,
        Integer recordedTotalChange, Integer baselineRank, Integer targetRank, Integer districtCount,
        String districtName, List<CriterionView> criteria) {
}
