package vn.parindex.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import org.springframework.stereotype.Component;

/**
 * Numbers written the Vietnamese way, as the plan prints them: decimal comma, dot between thousands
 * ({@code 84,0256}, {@code 14,00}, {@code 68,87%}, {@code + 3}). Used in templates as {@code @fmt}.
 */
@Component("fmt")
public class VietnameseNumbers {

    private static final DecimalFormatSymbols SYMBOLS = symbols();

    /** A score with 4 decimals: {@code 84,0256}; blank when absent. */
    public String score(BigDecimal value) {
        return format(value, 4);
    }

    /** A maximum with 2 decimals: {@code 14,00}. */
    public String max(BigDecimal value) {
        return format(value, 2);
    }

    /** A percentage with 2 decimals: {@code 68,87%}. */
    public String percent(BigDecimal value) {
        return value == null ? "" : format(value, 2) + "%";
    }

    /**
     * A signed score difference with 4 decimals: {@code +2,6081}, {@code −0,0434}, {@code 0,0000} (no sign: nothing
     * changed), the sign always next to the figure.
     */
    public String signedScore(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (value.signum() == 0) {
            return format(BigDecimal.ZERO, 4);
        }
        return (value.signum() > 0 ? "+" : "\u2212") + format(value.abs(), 4);
    }

    /**
     * A shortfall to a target (target − figure) as a table shows it: {@code 1,0000} while points are missing (no sign:
     * "còn thiếu" says which way), an empty text once the target is reached (the page writes "Đạt"), blank without
     * a target. See {@link #REACHED}.
     */
    public String shortfall(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return value.signum() <= 0 ? REACHED : format(value, 4);
    }

    /**
     * As {@link #shortfall(BigDecimal)}, "Đạt" only once the criterion has a score this year ({@code scored}): before,
     * a projection at target is last year's score, and the page writes {@code 0,0000}.
     */
    public String shortfall(BigDecimal value, boolean scored) {
        return value != null && value.signum() <= 0 && !scored ? format(BigDecimal.ZERO, 4) : shortfall(value);
    }

    /** A shortfall in a headline card: as {@link #shortfall}, with 2 decimals ({@code 0,07}). */
    public String headlineShortfall(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        // rounded up: 0,001 still missing is "0,01", never "0,00" next to a target not reached
        return value.signum() <= 0 ? REACHED : format(value.setScale(2, RoundingMode.CEILING), 2);
    }

    /** As {@link #headlineShortfall(BigDecimal)}, "Đạt" only once there is a score this year ({@code 0,00} before). */
    public String headlineShortfall(BigDecimal value, boolean scored) {
        return value != null && value.signum() <= 0 && !scored ? format(BigDecimal.ZERO, 2) : headlineShortfall(value);
    }

    /** What {@link #shortfall} writes once the target is reached: the page shows its own word ("Đạt"). */
    public static final String REACHED = "";

    /** What {@link #shortfall} writes without a target. */
    public static final String NONE = "\u2014";

    /** A score in a headline card, with 2 decimals as the plan's prose writes it: {@code 84,03}. */
    public String headline(BigDecimal value) {
        return format(value, 2);
    }

    /** A whole-point change as the plan prints it: {@code + 3}, {@code 0}, {@code − 1}. */
    public String change(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal whole = value.setScale(0, RoundingMode.HALF_UP);
        if (whole.signum() == 0) {
            return "0";
        }
        return (whole.signum() > 0 ? "+ " : "\u2212 ") + whole.abs().toPlainString();
    }

    /** A moment in Vietnam's time: {@code 24/11/2026 14:05}. */
    public String dateTime(java.time.OffsetDateTime at) {
        return at == null ? "" : DATE_TIME.format(at.atZoneSameInstant(VIETNAM));
    }

    /** A size in bytes for people: {@code 1,5 MB}. */
    public String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return format(BigDecimal.valueOf(size).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP), 1)
                    + " KB";
        }
        return format(BigDecimal.valueOf(size).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP), 1)
                + " MB";
    }

    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static String format(BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('\u2212');
        return symbols;
    }
}
