package vn.parindex.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field errors while checking input; {@link #throwIfAny()} refuses the whole input. */
public final class FieldErrors {

    /** Longest explanation, comment or reason people may write (the database checks it too, V5). */
    public static final int MAX_COMMENT_LENGTH = 4000;

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Refuses a comment longer than {@link #MAX_COMMENT_LENGTH} ({@code comment.tooLong}). */
    public FieldErrors commentLength(String field, String text) {
        if (text != null && text.length() > MAX_COMMENT_LENGTH) {
            add(field, "comment.tooLong");
        }
        return this;
    }

    public FieldErrors add(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
