package vn.parindex.system;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for text people type, wherever it comes in (form fields, query parameters, JSON strings, multipart
 * text parts, imported cells, the sign-in name): not longer than {@link #MAX_LINE_LENGTH} characters on one line
 * or {@link #MAX_TEXT_LENGTH} in a multi-line field, and none of the characters that no one types but that break
 * or disguise text: NUL (PostgreSQL refuses it in text), the other control characters (C0, DEL, C1; tab, line feed
 * and carriage return only in multi-line fields) and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which can make a name read differently from what it is. Each field still has its own, usually
 * shorter, limit in its service; this rule is the floor under all of them.
 */
public final class TextRule {

    /** Longest one-line value (a name, a title, a code, a search): the longest one-line column holds 2 000. */
    public static final int MAX_LINE_LENGTH = 2000;
    /**
     * Longest multi-line value (an explanation, a comment, a reason): the longest text column holds 10 000 (the
     * change history); each field's service has its own limit (comments {@value FieldErrors#MAX_COMMENT_LENGTH}),
     * which still answers for that field as it always did.
     */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /** Message key: too long. */
    public static final String TOO_LONG = "text.tooLong";
    /** Message key: a character that is not allowed (control, NUL, bidirectional override, line break on one line). */
    public static final String FORBIDDEN_CHARACTER = "text.forbiddenCharacter";

    /**
     * Fields written in several lines (textareas and their JSON twins), by name: everything else is one line. A
     * name is matched without its index or path ({@code results[12]} is {@code results}).
     */
    static final Set<String> MULTI_LINE_FIELDS = Set.of("comment", "description", "difficulties", "proposals",
            "reason", "note", "text", "mapping", "summary", "result", "results", "explanation", "weakness");

    private TextRule() {
    }

    /** The message key of what is wrong with {@code text} as a value of field {@code field}, or null when fine. */
    public static String problem(String field, String text) {
        return problem(text, isMultiLine(field));
    }

    /** The message key of what is wrong with {@code text}, or null when it is fine. */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        if (text.length() > (multiLine ? MAX_TEXT_LENGTH : MAX_LINE_LENGTH)) {
            return TOO_LONG;
        }
        return hasForbiddenCharacter(text, multiLine) ? FORBIDDEN_CHARACTER : null;
    }

    /** Whether {@code text} holds a character {@link #forbidden} (its length aside). */
    public static boolean hasForbiddenCharacter(String text, boolean multiLine) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (forbidden(text.charAt(i), multiLine)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code c} may not appear in text (a line break and a tab only in multi-line fields; Unicode's line and
     * paragraph separators are line breaks too).
     */
    public static boolean forbidden(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return !multiLine;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Whether the field of this name (a form parameter, a JSON property) is written in several lines. */
    public static boolean isMultiLine(String field) {
        return field != null && MULTI_LINE_FIELDS.contains(baseName(field));
    }

    /** Passwords are never stored as text (only their hash) and are checked by the password rules instead. */
    public static boolean isPassword(String field) {
        return field != null && field.toLowerCase(Locale.ROOT).contains("password");
    }

    /** {@code results[12]} → {@code results}; {@code tasks[0].result} → {@code result}. */
    static String baseName(String field) {
        String name = field;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        int bracket = name.indexOf('[');
        return bracket >= 0 ? name.substring(0, bracket) : name;
    }
}
