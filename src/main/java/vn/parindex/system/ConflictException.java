package vn.parindex.system;

/**
 * A change based on a stale version was refused ("đã có người cập nhật…"): nothing was overwritten. 409 in the
 * API; pages show the message with the current values.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final long currentVersion;
    private final transient java.util.List<String> details;

    public ConflictException(String messageKey, long currentVersion) {
        this(messageKey, currentVersion, java.util.List.of());
    }

    /** A refusal that names what stands in the way ({@code details}: one line each, for people). */
    public ConflictException(String messageKey, long currentVersion, java.util.List<String> details) {
        super(messageKey);
        this.messageKey = messageKey;
        this.currentVersion = currentVersion;
        this.details = java.util.List.copyOf(details);
    }

    /** What stands in the way, one line each; empty when the message says it all. */
    public java.util.List<String> details() {
        return details;
    }

    public String messageKey() {
        return messageKey;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
