package vn.parindex.backup;

/** What a restore wrote. */
public record RestoreResult(int tables, long rows, String schemaVersion, String createdAt, String appVersion) {
}
