package vn.parindex.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.CycleView;
import vn.parindex.organisation.BodyLevel;
import vn.parindex.organisation.BodyWording;
import vn.parindex.scoring.Figures;
import vn.parindex.scoring.ScoreRow;
import vn.parindex.scoring.Scoreboard;

/**
 * The appendix as the plan prints it, line by line, for a spreadsheet: STT, name, maximum, the baseline year's
 * score, the target, the change as printed ({@code + 1}, {@code 0}) and the lead unit, then the current score,
 * the gap to the target and a status. The whole district's, or one unit's: the criteria it leads with the rows
 * above them for context and a total of what it leads. Pure: built from a {@link Scoreboard}.
 */
public record AppendixSheet(int year, int baselineYear, BodyWording body, String unitName, List<Line> lines) {

    /** A district's sheet (Tân Yên's 2023 plan), named by the district's name, or by no place when null. */
    public AppendixSheet(int year, int baselineYear, String districtName, String unitName, List<Line> lines) {
        this(year, baselineYear, districtName == null ? null : new BodyWording(BodyLevel.DISTRICT, districtName, ""),
                unitName, lines);
    }

    /** What the lead column says for a criterion scored by the province's sociological survey. */
    public static final String SURVEY = "Điểm điều tra XHH";

    /** The column headers, in the plan's words. */
    public List<String> headers() {
        return List.of("STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm năm " + baselineYear,
                "Mục tiêu năm " + year, "Tăng/ giảm so với năm " + baselineYear, "Cơ quan chủ trì", "Điểm hiện tại",
                "Còn thiếu so với mục tiêu", "Trạng thái");
    }

    /** What a line is: a domain (bold), a criterion or sub-criterion, a row shown for context, or the total. */
    public enum Kind { DOMAIN, CRITERION, TOTAL }

    /**
     * One printed line.
     *
     * @param change the change column as printed: the plan's own where it recorded one, else the target's gain
     *        over the baseline in whole points
     * @param gap target − projection (what is still missing), null without a target
     */
    public record Line(Kind kind, String code, String name, int level, BigDecimal max, BigDecimal baseline,
            BigDecimal target, String change, String lead, BigDecimal current, BigDecimal gap, String status) {
    }

    /** The whole body's appendix, the body named as {@code body} says (null: no place in its title). */
    public static AppendixSheet of(Scoreboard board, BodyWording body) {
        CycleView cycle = board.cycle();
        List<Line> lines = new ArrayList<>();
        for (ScoreRow row : board.rows()) {
            lines.add(line(row));
        }
        lines.add(total(board.total(), cycle.recordedTotalChange()));
        return new AppendixSheet(cycle.year(), cycle.baselineYear(), body, null, List.copyOf(lines));
    }

    /**
     * One unit's criteria: every node it leads (its own assignment or inherited), with the rows above them for
     * context, and a total of the topmost nodes it leads (a node and its parts are counted once).
     */
    public static AppendixSheet ofUnit(Scoreboard board, BodyWording body, long unitId, String unitName) {
        CycleView cycle = board.cycle();
        Set<String> led = board.rows().stream()
                .filter(r -> r.criterion().leadUnits().stream().anyMatch(u -> u.id() == unitId))
                .map(ScoreRow::code).collect(Collectors.toSet());
        Set<String> shown = new HashSet<>(led);
        for (String code : led) {
            for (String p = board.row(code).criterion().parentCode(); p != null; p = board.row(p).criterion().parentCode()) {
                shown.add(p);
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Figures> topmost = new ArrayList<>();
        for (ScoreRow row : board.rows()) {
            if (shown.contains(row.code())) {
                lines.add(line(row));
            }
            String parent = row.criterion().parentCode();
            if (led.contains(row.code()) && (parent == null || !led.contains(parent))) {
                topmost.add(row.figures());
            }
        }
        lines.add(total(sum(topmost), null));
        return new AppendixSheet(cycle.year(), cycle.baselineYear(), body, unitName,
                List.copyOf(lines));
    }

    private static Line line(ScoreRow row) {
        CriterionView c = row.criterion();
        Figures f = row.figures();
        String lead = c.isSurvey() ? SURVEY : c.leadUnitsInherited() ? ""
                : c.leadUnits().stream().map(u -> u.name()).collect(Collectors.joining("; "));
        return new Line(row.isDomain() ? Kind.DOMAIN : Kind.CRITERION, c.code(), c.name(), c.level(), f.max(),
                f.baseline(), f.target(), change(c.recordedChange(), f), lead, f.current(), f.remainingToTarget(),
                status(f));
    }

    private static Line total(Figures f, Integer recordedChange) {
        return new Line(Kind.TOTAL, "", "Tổng điểm", 0, f.max(), f.baseline(), f.target(), change(recordedChange, f),
                "", f.current(), f.remainingToTarget(), status(f));
    }

    /** The change as the plan prints it: {@code + 3}, {@code 0}, {@code - 1}. */
    static String change(Integer recorded, Figures f) {
        Integer whole = recorded;
        if (whole == null) {
            BigDecimal gain = f.targetGain();
            if (gain == null) {
                return "";
            }
            whole = gain.setScale(0, RoundingMode.HALF_UP).intValueExact();
        }
        return whole == 0 ? "0" : (whole > 0 ? "+ " : "- ") + Math.abs(whole);
    }

    /** Whether the target is reached by the current score, in words for officials. */
    static String status(Figures f) {
        if (f.current() == null) {
            return "Chưa có điểm";
        }
        if (f.target() == null) {
            return "Đã có điểm";
        }
        return f.current().compareTo(f.target()) >= 0 ? "Đạt mục tiêu" : "Chưa đạt mục tiêu";
    }

    private static Figures sum(List<Figures> parts) {
        return new Figures(add(parts, Figures::max), add(parts, Figures::baseline), add(parts, Figures::target),
                parts.stream().allMatch(Figures::assessed) ? add(parts, Figures::current) : null,
                add(parts, Figures::projection));
    }

    private static BigDecimal add(List<Figures> parts, java.util.function.Function<Figures, BigDecimal> figure) {
        BigDecimal sum = BigDecimal.ZERO.setScale(4);
        for (Figures f : parts) {
            BigDecimal v = figure.apply(f);
            if (v == null) {
                return null;
            }
            sum = sum.add(v);
        }
        return sum;
    }
}
