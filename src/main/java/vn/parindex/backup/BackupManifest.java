package vn.parindex.backup;

import java.util.List;

/**
 * The first entry of a backup file ({@code manifest.json}): what the file holds and which schema it was taken from.
 *
 * @param format the layout of the file ({@link #FORMAT}); a reader refuses formats it does not know
 * @param application always {@code par-index-tracker}
 * @param appVersion the application's version that took the backup
 * @param schemaVersion the last Flyway migration applied to the database backed up
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param tables every table of the schema, in foreign-key order (referenced tables first)
 */
public record BackupManifest(int format, String application, String appVersion, String schemaVersion,
        String createdAt, List<Table> tables) {

    public static final int FORMAT = 1;
    public static final String APPLICATION = "par-index-tracker";
    public static final String ENTRY = "manifest.json";

    /**
     * One table: its rows are in {@code file}, PostgreSQL CSV with a header line naming {@code columns}.
     */
    public record Table(String name, String file, List<String> columns, long rows) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
