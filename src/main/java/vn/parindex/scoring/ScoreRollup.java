package vn.parindex.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls a criteria tree up, in linear time: a parent's figures are the sums of its children's, except where a
 * figure is recorded (published) on the parent. Official figures win: the recorded figure is kept, and where
 * the sum of its parts differs, the difference is reported as a {@link Discrepancy}.
 */
public final class ScoreRollup {

    /** The code of the total row, parent of every domain. */
    public static final String TOTAL = "TOTAL";

    private ScoreRollup() {
    }

    /**
     * The rollup's result.
     *
     * @param figures effective figures by code, in input order, then {@link #TOTAL}
     * @param discrepancies recorded figures that disagree with their parts
     */
    public record Result(Map<String, Figures> figures, List<Discrepancy> discrepancies) {

        public Figures total() {
            return figures.get(TOTAL);
        }
    }

    /**
     * @param nodes the tree's nodes, parents before children (any such order)
     * @param total the figures recorded on the total row (code and parent ignored); null when none
     */
    public static Result rollUp(List<RecordedFigures> nodes, RecordedFigures total) {
        RecordedFigures root = total == null
                ? new RecordedFigures(TOTAL, null, null, null, null, null, null)
                : new RecordedFigures(TOTAL, null, total.max(), total.baseline(), total.target(), total.current(),
                        total.recordedChange(), total.appraised());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (index.put(nodes.get(i).code(), i) != null) {
                throw new IllegalArgumentException("Duplicate code " + nodes.get(i).code());
            }
        }
        int n = nodes.size();
        Sums sums = new Sums(n + 1); // slot n is the total
        Figures[] effective = new Figures[n + 1];
        List<Discrepancy> discrepancies = new ArrayList<>();
        // children come after their parents: walking backwards, every node's parts are summed before it
        for (int i = n - 1; i >= 0; i--) {
            RecordedFigures node = nodes.get(i);
            effective[i] = sums.settle(i, node, discrepancies);
            sums.add(parentIndex(node, index, n, i), effective[i]);
        }
        effective[n] = sums.settle(n, root, discrepancies);
        Map<String, Figures> byCode = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byCode.put(nodes.get(i).code(), effective[i]);
        }
        byCode.put(TOTAL, effective[n]);
        Map<String, Integer> order = new HashMap<>(index);
        order.put(TOTAL, n);
        discrepancies.sort(Comparator.comparing((Discrepancy d) -> order.get(d.code()))
                .thenComparing(Discrepancy::field));
        return new Result(byCode, List.copyOf(discrepancies));
    }

    private static int parentIndex(RecordedFigures node, Map<String, Integer> index, int total, int self) {
        if (node.parentCode() == null) {
            return total;
        }
        Integer parent = index.get(node.parentCode());
        if (parent == null || parent >= self) {
            throw new IllegalArgumentException("The parent of " + node.code() + " must come before it");
        }
        return parent;
    }

    /** Per-node running sums of the children's figures, one array per field. */
    private static final class Sums {
        private final BigDecimal[] max;
        private final BigDecimal[] baseline;
        private final BigDecimal[] target;
        private final BigDecimal[] current;
        private final BigDecimal[] appraised;
        /** Whether some child has no appraised score (then the parent's sum is no official figure). */
        private final boolean[] unappraisedPart;
        /** Sum of the children's changes (projection − baseline) and whether the node has children at all. */
        private final BigDecimal[] change;
        private final boolean[] parent;

        Sums(int size) {
            change = new BigDecimal[size];
            parent = new boolean[size];
            max = new BigDecimal[size];
            baseline = new BigDecimal[size];
            target = new BigDecimal[size];
            current = new BigDecimal[size];
            appraised = new BigDecimal[size];
            unappraisedPart = new boolean[size];
        }

        void add(int node, Figures child) {
            add(max, node, child.max());
            add(baseline, node, child.baseline());
            add(target, node, child.target());
            add(current, node, child.current());
            add(appraised, node, child.appraised());
            unappraisedPart[node] |= child.appraised() == null;
            add(change, node, changeOf(child));
            parent[node] = true;
        }

        private static BigDecimal changeOf(Figures figures) {
            if (figures.projection() == null) {
                return null;
            }
            return figures.baseline() == null ? figures.projection() : figures.projection().subtract(figures.baseline());
        }

        /** The node's effective figures, each recorded if published (reporting a disagreement), else summed. */
        Figures settle(int slot, RecordedFigures node, List<Discrepancy> out) {
            BigDecimal effectiveBaseline = settle(baseline[slot], node.baseline(), node.code(),
                    ScoreField.BASELINE_SCORE, out);
            BigDecimal effectiveCurrent = settle(current[slot], node.current(), node.code(),
                    ScoreField.CURRENT_SCORE, out);
            BigDecimal projection;
            if (parent[slot]) {
                projection = effectiveBaseline == null ? change[slot]
                        : change[slot] == null ? effectiveBaseline : effectiveBaseline.add(change[slot]);
            } else {
                projection = effectiveCurrent != null ? effectiveCurrent : effectiveBaseline;
            }
            Figures figures = new Figures(
                    settle(max[slot], node.max(), node.code(), ScoreField.MAX_SCORE, out),
                    effectiveBaseline,
                    settle(target[slot], node.target(), node.code(), ScoreField.TARGET_SCORE, out),
                    effectiveCurrent, projection,
                    settle(unappraisedPart[slot] ? null : appraised[slot], node.appraised(), node.code(),
                            ScoreField.APPRAISED_SCORE, out));
            BigDecimal rounded = figures.targetGainRounded();
            if (node.recordedChange() != null && rounded != null
                    && rounded.compareTo(BigDecimal.valueOf(node.recordedChange())) != 0) {
                out.add(new Discrepancy(node.code(), ScoreField.TARGET_GAIN_ROUNDED,
                        BigDecimal.valueOf(node.recordedChange()), rounded));
            }
            return figures;
        }

        private static void add(BigDecimal[] sums, int node, BigDecimal value) {
            if (value != null) {
                sums[node] = sums[node] == null ? value : sums[node].add(value);
            }
        }

        private static BigDecimal settle(BigDecimal parts, BigDecimal recorded, String code, ScoreField field,
                List<Discrepancy> out) {
            if (recorded == null) {
                return parts;
            }
            if (parts != null && parts.compareTo(recorded) != 0) {
                out.add(new Discrepancy(code, field, recorded, parts));
            }
            return recorded;
        }
    }
}
