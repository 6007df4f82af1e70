package vn.parindex.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input, field by field (field → message key); nothing was changed. 400 with the fields in the API; pages
 * show each message next to its field.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("Invalid input: " + fieldErrors);
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(Map.of(field, messageKey));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * Adds these errors to a form's binding result, so that the page shows each next to its field
     * ({@code th:errors}); an error about a name the form has no field for becomes an error of the whole form.
     */
    public void rejectInto(org.springframework.validation.Errors errors) {
        Object target = errors instanceof org.springframework.validation.BindingResult result
                ? result.getTarget() : null;
        var fields = target == null ? null
                : org.springframework.beans.PropertyAccessorFactory.forBeanPropertyAccess(target);
        fieldErrors.forEach((field, messageKey) -> {
            if (fields != null && fields.isReadableProperty(field)) {
                errors.rejectValue(field, messageKey);
            } else {
                errors.reject(messageKey);
            }
        });
    }
}
