package vn.parindex.backup;

/** A backup that cannot be restored here: the message says why, in words for the operator; nothing was written. */
public class RestoreRefusedException extends RuntimeException {

    RestoreRefusedException(String message) {
        super(message);
    }

    RestoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
