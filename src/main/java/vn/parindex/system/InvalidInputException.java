package vn.parindex.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input, field by field (field → message key); nothing was changed. 400 with the fields in the API; pages
 * show each message next to its field ({@code web.FormPage}).
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("Invalid input: " + fieldErrors);
        // in the order they were found: the first is what a page shows when it can show one only
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(Map.of(field, messageKey));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
