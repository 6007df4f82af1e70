package vn.parindex.system;

/**
 * A change based on a stale version was refused ("đã có người cập nhật…"): nothing was overwritten. 409 in the
 * API; pages show the message with the current values.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final long currentVersion;

    public ConflictException(String messageKey, long currentVersion) {
        super(messageKey);
        this.messageKey = messageKey;
        this.currentVersion = currentVersion;
    }

    public String messageKey() {
        return messageKey;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
