package vn.parindex.system;

/**
 * The request cannot be served now because the same work is already running (e.g. a backup); answered 429 with
 * {@code Retry-After}: try again later.
 */
public class BusyException extends RuntimeException {

    private final String messageKey;
    private final int retryAfterSeconds;

    public BusyException(String messageKey, int retryAfterSeconds) {
        super(messageKey);
        this.messageKey = messageKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String messageKey() {
        return messageKey;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
