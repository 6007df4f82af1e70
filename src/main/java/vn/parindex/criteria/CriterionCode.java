package vn.parindex.criteria;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Dotted criterion codes ({@code 1}, {@code 1.1}, {@code 1.1.2}) and their natural order: segment by segment,
 * numbers as numbers, so {@code 6.9} comes before {@code 6.10} and a parent before its children.
 */
public final class CriterionCode {

    private static final Pattern VALID = Pattern.compile("[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Natural order of codes. */
    public static final Comparator<String> NATURAL_ORDER = CriterionCode::compare;

    private CriterionCode() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() <= 32 && VALID.matcher(code).matches();
    }

    /** Number of segments: 1 for {@code 3}, 2 for {@code 3.1}. */
    public static int level(String code) {
        return code.split("\\.").length;
    }

    /** The parent's code, or null for a top-level code. */
    public static String parentOf(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    public static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareSegment(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareSegment(String a, String b) {
        boolean numericA = DIGITS.matcher(a).matches();
        boolean numericB = DIGITS.matcher(b).matches();
        if (numericA && numericB) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareToIgnoreCase(b);
    }
}
