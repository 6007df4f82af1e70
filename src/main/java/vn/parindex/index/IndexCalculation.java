package vn.parindex.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The province's figures of one body and of a level (pure, exact decimals, four places): a body's score and maximum
 * over the criteria that apply to it, its index, the level's bands and ranks.
 * <ul>
 *   <li>A criterion marked "không áp dụng" takes itself and everything under it out of the body's maximum.</li>
 *   <li>The score is summed over the leaves that apply: the appraised score (the council's final one once it
 *       settled), else the self-assessed one (then the body is not appraised yet).</li>
 *   <li>The index is the score over the maximum scaled to 100 (four places, half up) when the framework says so,
 *       else the score itself.</li>
 * </ul>
 */
public final class IndexCalculation {

    /** Four decimal places everywhere. */
    public static final int SCALE = 4;

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private IndexCalculation() {
    }

    /**
     * A node of a body's criteria tree: the code, its parent's (null for a domain), the maximum, the self-assessed
     * and appraised scores (null where none; the appraised one is the council's final score once it settled), and
     * whether it was marked as applying.
     */
    public record Node(String code, String parentCode, BigDecimal max, BigDecimal selfAssessed, BigDecimal appraised,
            boolean applies) {
    }

    /**
     * A body's figures: score and maximum over the applicable leaves, index, the self-assessed total, how many leaves
     * apply, how many of them the body has self-assessed and how many the province has appraised.
     */
    public record Figures(BigDecimal score, BigDecimal maximum, BigDecimal index, BigDecimal selfAssessed,
            int applicableLeaves, int selfAssessedLeaves, int appraisedLeaves) {

        /** Every applicable leaf appraised: the figures are the province's, not provisional. */
        public boolean appraised() {
            return appraisedLeaves == applicableLeaves;
        }

        /** The leaves that apply still without a self-assessed score. */
        public int owed() {
            return applicableLeaves - selfAssessedLeaves;
        }

        /** The points the appraisal took off the self-assessment (never below zero). */
        public BigDecimal deduction() {
            BigDecimal d = selfAssessed.subtract(score);
            return d.signum() < 0 ? BigDecimal.ZERO.setScale(SCALE) : d;
        }
    }

    /** The figures of one body's tree. */
    public static Figures figures(List<Node> nodes, boolean scaleTo100) {
        Map<String, Node> byCode = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (Node n : nodes) {
            byCode.put(n.code(), n);
            if (n.parentCode() != null) {
                parents.add(n.parentCode());
            }
        }
        BigDecimal score = zero();
        BigDecimal maximum = zero();
        BigDecimal selfAssessed = zero();
        int leaves = 0;
        int assessed = 0;
        int appraised = 0;
        for (Node n : nodes) {
            if (parents.contains(n.code()) || !applies(n, byCode)) {
                continue;
            }
            leaves++;
            maximum = maximum.add(n.max());
            assessed += n.selfAssessed() == null ? 0 : 1;
            BigDecimal self = n.selfAssessed() == null ? BigDecimal.ZERO : n.selfAssessed();
            selfAssessed = selfAssessed.add(self);
            BigDecimal official = n.appraised();
            if (official != null) {
                appraised++;
                score = score.add(official);
            } else {
                score = score.add(self);
            }
        }
        return new Figures(four(score), four(maximum), index(score, maximum, scaleTo100), four(selfAssessed), leaves,
                assessed, appraised);
    }

    /**
     * Each domain's figures (the nodes without a parent, in their order): score and maximum over its own applicable
     * leaves, its index being the score over its maximum in percent (null over a maximum of zero).
     */
    public static Map<String, Figures> domains(List<Node> nodes) {
        Map<String, Node> byCode = new HashMap<>();
        for (Node n : nodes) {
            byCode.put(n.code(), n);
        }
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (Node n : nodes) {
            Node root = n;
            Set<String> seen = new HashSet<>();
            while (root.parentCode() != null && byCode.containsKey(root.parentCode()) && seen.add(root.code())) {
                root = byCode.get(root.parentCode());
            }
            groups.computeIfAbsent(root.code(), c -> new ArrayList<>()).add(n);
        }
        Map<String, Figures> domains = new LinkedHashMap<>();
        groups.forEach((code, group) -> domains.put(code, figures(group, true)));
        return domains;
    }

    /** The mean of some values, four places half up; null when there is none. */
    public static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** The index of a score over a maximum: scaled to 100 or the score itself; null over a maximum of zero. */
    public static BigDecimal index(BigDecimal score, BigDecimal maximum, boolean scaleTo100) {
        if (!scaleTo100) {
            return score.setScale(SCALE, RoundingMode.HALF_UP);
        }
        if (maximum.signum() == 0) {
            return null;
        }
        return score.multiply(HUNDRED).divide(maximum, SCALE, RoundingMode.HALF_UP);
    }

    /** Whether a node and every node above it apply. */
    private static boolean applies(Node node, Map<String, Node> byCode) {
        Set<String> seen = new HashSet<>();
        for (Node n = node; n != null && seen.add(n.code()); n = n.parentCode() == null ? null
                : byCode.get(n.parentCode())) {
            if (!n.applies()) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    private static BigDecimal four(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A band of the level's classification: from (inclusive) to (exclusive; the top band includes it). */
    public record Band(String name, BigDecimal from, BigDecimal to) {
    }

    /** Longest band name kept. */
    public static final int MAX_BAND_NAME = 50;

    /** Most bands a year's table may have. */
    public static final int MAX_BANDS = 10;

    /**
     * What is wrong with a band table covering 0 to {@code top}, as message keys (empty when nothing): each band
     * named (unique names), from below to, no gap and no overlap between neighbours in order of their lower bounds,
     * the lowest from 0 and the highest to {@code top}.
     */
    public static List<String> bandProblems(List<Band> bands, BigDecimal top) {
        List<String> problems = new ArrayList<>();
        if (bands == null || bands.isEmpty()) {
            problems.add("index.bands.required");
            return problems;
        }
        if (bands.size() > MAX_BANDS) {
            problems.add("index.bands.tooMany");
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (Band b : bands) {
            if (b == null || b.name() == null || b.name().isBlank() || b.name().strip().length() > MAX_BAND_NAME
                    || b.from() == null || b.to() == null) {
                problems.add("index.bands.incomplete");
                return problems;
            }
            if (vn.parindex.system.TextRule.hasForbiddenCharacter(b.name(), false)) {
                problems.add("index.bands.incomplete");
                return problems;
            }
            if (b.from().stripTrailingZeros().scale() > SCALE || b.to().stripTrailingZeros().scale() > SCALE) {
                problems.add("index.bands.decimals");
                return problems;
            }
            if (!names.add(b.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                problems.add("index.bands.duplicateName");
            }
            if (b.from().compareTo(b.to()) >= 0) {
                problems.add("index.bands.empty");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<Band> ordered = bands.stream().sorted(Comparator.comparing(Band::from)).toList();
        if (ordered.get(0).from().signum() != 0) {
            problems.add("index.bands.notFromZero");
        }
        if (ordered.get(ordered.size() - 1).to().compareTo(top) != 0) {
            problems.add("index.bands.notToTop");
        }
        for (int i = 1; i < ordered.size(); i++) {
            int c = ordered.get(i).from().compareTo(ordered.get(i - 1).to());
            if (c > 0) {
                problems.add("index.bands.gap");
            } else if (c < 0) {
                problems.add("index.bands.overlap");
            }
        }
        return problems.stream().distinct().toList();
    }

    /** The band of an index in a valid table: from ≤ index < to, the top band up to its end; null when none. */
    public static String bandOf(List<Band> bands, BigDecimal index) {
        if (index == null || bands == null) {
            return null;
        }
        BigDecimal top = bands.stream().map(Band::to).max(Comparator.naturalOrder()).orElse(null);
        for (Band b : bands) {
            boolean above = index.compareTo(b.from()) >= 0;
            boolean below = index.compareTo(b.to()) < 0 || b.to().compareTo(top) == 0 && index.compareTo(top) == 0;
            if (above && below) {
                return b.name();
            }
        }
        return null;
    }

    /** How equal indexes are ranked: sharing the rank, or the smaller deduction by the appraisal first. */
    public enum TieBreak {
        /** Equal indexes share a rank (1, 2, 2, 4). */
        SHARED,
        /** Between equal indexes, the body whose self-assessment the appraisal cut less ranks first. */
        SMALLER_DEDUCTION;

        public static TieBreak parse(String text) {
            if (text == null) {
                return null;
            }
            for (TieBreak t : values()) {
                if (t.name().equalsIgnoreCase(text.strip())) {
                    return t;
                }
            }
            return null;
        }
    }

    /** One body to rank: its code, index (null: none, ranked last) and deduction. */
    public record Ranked(String code, BigDecimal index, BigDecimal deduction) {
    }

    /**
     * The ranks of bodies within their level (code → rank): by index, highest first, ties by the rule; bodies
     * still equal share a rank and the next rank skips (1, 2, 2, 4). A body without an index has no rank.
     */
    public static Map<String, Integer> ranks(List<Ranked> bodies, TieBreak rule) {
        Comparator<Ranked> byIndex = Comparator.comparing(Ranked::index, Comparator.reverseOrder());
        Comparator<Ranked> order = rule == TieBreak.SMALLER_DEDUCTION
                ? byIndex.thenComparing(Ranked::deduction, Comparator.naturalOrder()) : byIndex;
        List<Ranked> ranked = bodies.stream().filter(b -> b.index() != null)
                .sorted(order.thenComparing(Ranked::code)).toList();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            Ranked b = ranked.get(i);
            boolean tied = i > 0 && order.compare(ranked.get(i - 1), b) == 0;
            ranks.put(b.code(), tied ? ranks.get(ranked.get(i - 1).code()) : i + 1);
        }
        return ranks;
    }
}
