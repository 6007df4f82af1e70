package vn.parindex.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import vn.parindex.database.OwnerConnections;

/**
 * Restores a backup file into an empty database, as the schema owner and in one transaction: a damaged or
 * truncated file, a database that already holds data, or a backup of another schema version writes nothing.
 * After the rows, every identity sequence continues after the largest id and the data revision moves on, past any
 * revision an instance running before the restore may have kept things under.
 */
@Component
public class BackupRestorer {

    /** Tables a freshly migrated database already fills: not looked at when deciding whether it is empty. */
    static final Set<String> NOT_RESTORED = Set.of(SchemaCatalog.FLYWAY_HISTORY, SchemaCatalog.DATA_REVISION);

    /**
     * Tables a freshly migrated database fills that the backup's rows replace: the deployment's bodies (V17 adds the
     * first one), not looked at when deciding whether the database is empty, emptied before the backup's are copied.
     */
    static final Set<String> REPLACED = Set.of("body");

    private final OwnerConnections owner;
    private final BackupSigning signing;

    BackupRestorer(OwnerConnections owner, BackupSigning signing) {
        this.owner = owner;
        this.signing = signing;
    }

    /**
     * Restores into the configured database, connected as its owner: only a file whose signature holds
     * ({@link BackupSigning}).
     */
    public RestoreResult restore(Path file) throws SQLException {
        verify(file);
        try (Connection connection = owner.open()) {
            return restore(file, connection);
        }
    }

    /** {@link #restore(Path)} into the database of {@code connection}. */
    RestoreResult restoreSigned(Path file, Connection connection) throws SQLException {
        verify(file);
        return restore(file, connection);
    }

    /** Refuses a file whose signature is missing or wrong before anything is opened in the database. */
    private void verify(Path file) {
        try (ZipFile zip = open(file)) {
            signing.verify(zip);
        } catch (ZipException e) {
            throw new RestoreRefusedException(file + " is not a PAR Index backup, or it is damaged or truncated ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RestoreRefusedException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Restores into the database of {@code connection} (which must be allowed to write every table). */
    static RestoreResult restore(Path file, Connection connection) throws SQLException {
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = manifest(zip);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                RestoreResult result = restore(zip, manifest, connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                if (e instanceof RestoreRefusedException refused) {
                    throw refused;
                }
                throw new RestoreRefusedException("The backup could not be restored ("
                        + String.valueOf(e.getMessage()).strip() + "); nothing was written", e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (IOException e) {
            throw new RestoreRefusedException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new RestoreRefusedException("No such file: " + file);
        } catch (ZipException e) {
            throw new RestoreRefusedException(file + " is not a PAR Index backup, or it is damaged or truncated ("
                    + e.getMessage() + ")");
        }
    }

    /** The manifest of {@code file}, checked as a restore checks it (refused: not a backup, damaged, unknown format). */
    static BackupManifest manifest(Path file) {
        try (ZipFile zip = open(file)) {
            return manifest(zip);
        } catch (IOException e) {
            throw new RestoreRefusedException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new RestoreRefusedException(zip.getName() + " is not a PAR Index backup (no "
                    + BackupManifest.ENTRY + ")");
        }
        BackupManifest manifest;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            byte[] json = in.readAllBytes();
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new RestoreRefusedException("The backup is damaged: its manifest fails its checksum");
            }
            manifest = BackupWriter.JSON.readValue(json, BackupManifest.class);
        } catch (ZipException e) {
            throw new RestoreRefusedException("The backup is damaged: " + e.getMessage());
        } catch (JacksonException e) {
            throw new RestoreRefusedException("The manifest of " + zip.getName() + " is damaged: "
                    + e.getOriginalMessage());
        }
        if (!BackupManifest.APPLICATION.equals(manifest.application()) || manifest.tables() == null
                || manifest.schemaVersion() == null) {
            throw new RestoreRefusedException(zip.getName() + " is not a PAR Index backup");
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new RestoreRefusedException("Backup format " + manifest.format()
                    + " is not known to this version of the application (it reads format " + BackupManifest.FORMAT
                    + "): use the version that made it (" + manifest.appVersion() + ") or a newer one");
        }
        return manifest;
    }

    private static RestoreResult restore(ZipFile zip, BackupManifest manifest, Connection connection)
            throws SQLException, IOException {
        String databaseVersion = SchemaCatalog.schemaVersion(connection);
        if (databaseVersion == null) {
            throw new RestoreRefusedException("The database has no schema: it must be migrated by this "
                    + "application first");
        }
        int comparison = SchemaCatalog.compareVersions(manifest.schemaVersion(), databaseVersion);
        if (comparison > 0) {
            throw new RestoreRefusedException("The backup is of schema version " + manifest.schemaVersion()
                    + " (application " + manifest.appVersion() + "), newer than this application's "
                    + databaseVersion + ": restore it with that version of the application or a newer one");
        }
        if (comparison < 0) {
            throw new RestoreRefusedException("The backup is of schema version " + manifest.schemaVersion()
                    + " (application " + manifest.appVersion() + "), older than this application's "
                    + databaseVersion + ", and this database was migrated past it: restore it into a new, empty "
                    + "database (a new data directory) that was never started, and the restore command upgrades it "
                    + "after the restore; or restore it with the application " + manifest.appVersion()
                    + " and start this version on that database once");
        }
        Map<String, SchemaCatalog.Table> tables = SchemaCatalog.tables(connection).stream()
                .collect(Collectors.toMap(SchemaCatalog.Table::name, Function.identity()));
        List<String> holdingData = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            // no one writes while we look and copy (the application is not running, but be sure)
            for (String table : tables.keySet()) {
                if (!NOT_RESTORED.contains(table)) {
                    if (REPLACED.contains(table)) {
                        statement.execute("lock table " + SchemaCatalog.quote(table) + " in exclusive mode");
                        continue;
                    }
                    statement.execute("lock table " + SchemaCatalog.quote(table) + " in exclusive mode");
                    try (ResultSet any = statement.executeQuery("select exists (select 1 from "
                            + SchemaCatalog.quote(table) + ")")) {
                        any.next();
                        if (any.getBoolean(1)) {
                            holdingData.add(table);
                        }
                    }
                }
            }
        }
        if (!holdingData.isEmpty()) {
            throw new RestoreRefusedException("The database is not empty (" + String.join(", ",
                    holdingData.stream().sorted().toList()) + " hold data): a backup is only restored into an "
                    + "empty database; nothing was changed");
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int restoredTables = 0;
        long restoredRows = 0;
        for (BackupManifest.Table table : manifest.tables()) {
            if (NOT_RESTORED.contains(table.name())) {
                continue;
            }
            SchemaCatalog.Table target = tables.get(table.name());
            if (target == null || !target.columns().containsAll(table.columns())) {
                throw new RestoreRefusedException("Table " + table.name() + " of the backup does not fit this "
                        + "database's schema");
            }
            if (REPLACED.contains(table.name())) {
                try (Statement statement = connection.createStatement()) {
                    // nothing refers to them: every other table was found empty
                    statement.execute("delete from " + SchemaCatalog.quote(table.name()));
                }
            }
            long rows = copyIn(zip, table, SchemaCatalog.quote(table.name()), copy);
            restoredTables++;
            restoredRows += rows;
        }
        verifyTheRest(zip, manifest);
        continueSequences(connection);
        try (Statement statement = connection.createStatement()) {
            // past any revision an instance may still hold from the database it used before (kept pages, kept
            // accounts): the milliseconds of the clock, far above what one write at a time reaches
            statement.executeUpdate("update " + SchemaCatalog.DATA_REVISION + " set revision = greatest(revision + 1, "
                    + "(extract(epoch from clock_timestamp()) * 1000)::bigint)");
        }
        return new RestoreResult(restoredTables, restoredRows, manifest.schemaVersion(), manifest.createdAt(),
                manifest.appVersion());
    }

    /**
     * Copies the entry of {@code table} into {@code target} (a table of the same columns), checked as it arrives:
     * the entry's checksum and its row count against the manifest's; returns the rows.
     */
    static long copyIn(ZipFile zip, BackupManifest.Table table, String target, CopyManager copy)
            throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(table.file());
        if (entry == null) {
            throw new RestoreRefusedException("The backup is incomplete: " + table.file() + " is missing");
        }
        long rows;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            rows = copy.copyIn("COPY " + target + " (" + SchemaCatalog.columnList(table.columns())
                    + ") FROM STDIN WITH (FORMAT csv, HEADER MATCH)", in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new RestoreRefusedException("The backup is damaged: " + table.file()
                    + " fails its checksum; nothing was written");
        }
        if (rows != table.rows()) {
            throw new RestoreRefusedException("The backup is damaged: " + table.file() + " holds " + rows
                    + " rows, its manifest says " + table.rows() + "; nothing was written");
        }
        return rows;
    }

    /** The entries not copied (the migrations' own tables, anything else) pass their checksums too. */
    private static void verifyTheRest(ZipFile zip, BackupManifest manifest) throws IOException {
        Set<String> copied = manifest.tables().stream().filter(t -> !NOT_RESTORED.contains(t.name()))
                .map(BackupManifest.Table::file).collect(Collectors.toSet());
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (copied.contains(entry.getName())) {
                continue;
            }
            CRC32 crc = new CRC32();
            try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new RestoreRefusedException("The backup is damaged: " + entry.getName()
                        + " fails its checksum; nothing was written");
            }
        }
    }

    /** Every identity (or serial) column's sequence continues after the largest value restored. */
    private static void continueSequences(Connection connection) throws SQLException {
        List<String[]> sequences = new ArrayList<>();
        SchemaCatalog.identities(connection).forEach((table, identity) ->
                sequences.add(new String[] {table, identity.column(), identity.sequence()}));
        for (String[] sequence : sequences) {
            try (PreparedStatement statement = connection.prepareStatement("select setval(?::regclass, "
                    + "coalesce((select max(" + SchemaCatalog.quote(sequence[1]) + ") from "
                    + SchemaCatalog.quote(sequence[0]) + "), 1), "
                    + "(select max(" + SchemaCatalog.quote(sequence[1]) + ") from "
                    + SchemaCatalog.quote(sequence[0]) + ") is not null)")) {
                statement.setString(1, sequence[2]);
                statement.execute();
            }
        }
    }
}
