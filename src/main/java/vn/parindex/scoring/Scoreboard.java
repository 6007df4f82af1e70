package vn.parindex.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.parindex.criteria.CycleView;

/**
 * A cycle's scores: every node with its effective figures (parents before children), the total, and every
 * published figure that disagrees with its parts.
 */
public final class Scoreboard {

    private final CycleView cycle;
    private final List<ScoreRow> rows;
    private final Figures total;
    private final List<Discrepancy> discrepancies;
    private final Map<String, ScoreRow> byCode = new HashMap<>();
    private final Map<String, List<ScoreRow>> children;
    private final Set<String> codesWithDiscrepancy = new HashSet<>();

    public Scoreboard(CycleView cycle, List<ScoreRow> rows, Figures total, List<Discrepancy> discrepancies) {
        this.cycle = cycle;
        this.rows = List.copyOf(rows);
        this.total = total;
        this.discrepancies = List.copyOf(discrepancies);
        rows.forEach(r -> byCode.put(r.code(), r));
        this.children = rows.stream().filter(r -> !r.isDomain())
                .collect(Collectors.groupingBy(r -> r.criterion().parentCode()));
        discrepancies.forEach(d -> codesWithDiscrepancy.add(d.code()));
    }

    public CycleView cycle() {
        return cycle;
    }

    /** Every node, parents before children, natural code order. */
    public List<ScoreRow> rows() {
        return rows;
    }

    public List<ScoreRow> domains() {
        return rows.stream().filter(ScoreRow::isDomain).toList();
    }

    public List<ScoreRow> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** Every node below {@code code} (children, their children…), in the order of {@link #rows()}. */
    public List<ScoreRow> descendants(String code) {
        List<ScoreRow> below = new java.util.ArrayList<>();
        java.util.ArrayDeque<ScoreRow> stack = new java.util.ArrayDeque<>();
        List<ScoreRow> first = children(code);
        for (int i = first.size() - 1; i >= 0; i--) {
            stack.push(first.get(i));
        }
        while (!stack.isEmpty()) {
            ScoreRow row = stack.pop();
            below.add(row);
            List<ScoreRow> next = children(row.code());
            for (int i = next.size() - 1; i >= 0; i--) {
                stack.push(next.get(i));
            }
        }
        return below;
    }

    /** Whether the node has parts (its figures are the sums of theirs). */
    public boolean hasChildren(String code) {
        return children.containsKey(code);
    }

    public ScoreRow row(String code) {
        return byCode.get(code);
    }

    public Figures total() {
        return total;
    }

    public List<Discrepancy> discrepancies() {
        return discrepancies;
    }

    public boolean hasDiscrepancy(String code) {
        return codesWithDiscrepancy.contains(code);
    }

    /** Number of criteria without children (the ones that are assessed) and how many of them are. */
    public long leafCount() {
        return rows.stream().filter(r -> !children.containsKey(r.code())).count();
    }

    public long assessedLeafCount() {
        return rows.stream().filter(r -> !children.containsKey(r.code()) && r.criterion().currentScore() != null)
                .count();
    }
}
