package vn.parindex.system;

/**
 * Something asked for does not exist, with a message for people (a message key and its arguments). Plain Java: the
 * web layer answers it with 404 ({@code web.ApiExceptionHandler} for the API, {@code web.PageConflictAdvice} for
 * pages and downloads).
 */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey + java.util.Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The cycle of the given year does not exist. */
    public static NotFoundException cycle(int year) {
        return new NotFoundException("notFound.cycle", year);
    }

    /** The criterion of the given code does not exist in the cycle of the given year (a long code is cut short). */
    public static NotFoundException criterion(int year, String code) {
        String shown = code == null ? "" : code.length() > 40 ? code.substring(0, 40) + "…" : code;
        return new NotFoundException("notFound.criterion", shown, year);
    }

    /** No cycle exists yet. */
    public static NotFoundException noCycle() {
        return new NotFoundException("notFound.noCycle");
    }
}
