package vn.parindex.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Scores are exact decimals with 4 places. People type them with a decimal comma ({@code 9,6419}) or a
 * decimal point ({@code 9.6419}); both are accepted, nothing else is.
 */
public final class Scores {

    /** Decimal places of every stored score. */
    public static final int SCALE = 4;

    private static final Pattern SHAPE = Pattern.compile("[0-9]+([.,][0-9]+)?");

    private Scores() {
    }

    /**
     * Parses a non-negative score typed the Vietnamese or the English way.
     *
     * @throws IllegalArgumentException with a message key: {@code score.invalid} when it is no number,
     *         {@code score.tooManyDecimals} when it has more than 4 decimals
     */
    public static BigDecimal parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!SHAPE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("score.invalid");
        }
        BigDecimal value = new BigDecimal(trimmed.replace(',', '.'));
        if (value.scale() > SCALE) {
            value = value.stripTrailingZeros();
            if (value.scale() > SCALE) {
                throw new IllegalArgumentException("score.tooManyDecimals");
            }
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** The value with exactly 4 decimals; null stays null. */
    public static BigDecimal normalise(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
