package vn.parindex.backup;

/**
 * A backup (or a body's file) that cannot be restored or imported here: the message says why, in words for the
 * operator; {@link #reason()} names the kind of refusal for people (the message key {@code bodyImport.refused.<reason>});
 * nothing was written.
 */
public class RestoreRefusedException extends RuntimeException {

    /** The file is not a PAR Index backup, or it is damaged or truncated: the reason when none is named. */
    static final String DAMAGED = "damaged";

    private final String reason;

    RestoreRefusedException(String message) {
        this(DAMAGED, message);
    }

    RestoreRefusedException(String message, Throwable cause) {
        super(message, cause);
        this.reason = DAMAGED;
    }

    RestoreRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@code damaged}, {@code signature}, {@code version}, {@code bodies}, {@code accounts}… */
    public String reason() {
        return reason;
    }
}
