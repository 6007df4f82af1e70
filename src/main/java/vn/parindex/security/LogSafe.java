package vn.parindex.security;

/**
 * Makes a value someone else chose (a username, a path, an address from a header) safe to write into a log line:
 * control and formatting characters (CR, LF, tab, ESC, bidi overrides, line separators…) are written as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, so nobody can forge or hide log lines, and the
 * text is cut at {@value #MAX_LENGTH} characters.
 */
public final class LogSafe {

    static final int MAX_LENGTH = 100;

    private LogSafe() {
    }

    /** The value fit for a log line; {@code -} for none. */
    public static String of(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        int end = Math.min(text.length(), MAX_LENGTH);
        StringBuilder safe = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                case '\\' -> safe.append("\\\\");
                default -> {
                    int type = Character.getType(c);
                    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                            || (Character.isSurrogate(c) && !validSurrogate(text, i))) {
                        safe.append(String.format("\\u%04x", (int) c));
                    } else {
                        safe.append(c);
                    }
                }
            }
        }
        if (text.length() > end) {
            safe.append("…(").append(text.length()).append(" chars)");
        }
        return safe.toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
