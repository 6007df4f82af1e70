package vn.parindex.backup;

import java.time.Instant;

/** A backup file kept on the server. */
public record StoredBackup(String fileName, long sizeBytes, Instant modified) {
}
