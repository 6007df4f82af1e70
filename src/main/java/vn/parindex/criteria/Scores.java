package vn.parindex.criteria;

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

    /** Longest score text looked at: 3 integer digits, a separator and 4 decimals, with room for zeros. */
    public static final int MAX_TEXT_LENGTH = 32;

    /** Scores are numeric(7,4): at most 3 digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 3;

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
        if (text != null && text.length() > MAX_TEXT_LENGTH * 4) {
            throw new IllegalArgumentException("score.invalid");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH || !SHAPE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("score.invalid");
        }
        BigDecimal value = new BigDecimal(trimmed.replace(',', '.'));
        if (value.scale() > SCALE) {
            value = value.stripTrailingZeros();
            if (value.scale() > SCALE) {
                throw new IllegalArgumentException("score.tooManyDecimals");
            }
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("score.aboveMax");
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /**
     * Checks a number that arrived already parsed (JSON) against what a score can be — non-negative, at most 3
     * integer digits and 4 decimals — looking only at its precision and scale (never at its digits written out,
     * which for {@code 1e999999999} would be a billion characters), and returns it as plain text for
     * {@link #parse(String)}.
     *
     * @throws IllegalArgumentException with a message key: {@code score.invalid} when negative,
     *         {@code score.aboveMax} when too large for a score, {@code score.tooManyDecimals}
     */
    public static String plainText(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("score.invalid");
        }
        if (value.signum() == 0) {
            return "0";
        }
        // precision - scale = digits before the point (may be negative for 0.000x); both are ints, no expansion
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("score.aboveMax");
        }
        if (value.scale() > SCALE) {
            // at most 1000 digits (Jackson's number length limit) past the checks above: stripping is cheap
            if (value.scale() > SCALE + 1000 || value.stripTrailingZeros().scale() > SCALE) {
                throw new IllegalArgumentException("score.tooManyDecimals");
            }
        }
        return value.setScale(SCALE, RoundingMode.DOWN).toPlainString();
    }

    /** The value with exactly 4 decimals; null stays null. */
    public static BigDecimal normalise(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
