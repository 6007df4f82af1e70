package vn.parindex.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: one zip holding {@code manifest.json} and every table of schema {@code public} as
 * {@code tables/<name>.csv} ({@code COPY ... TO STDOUT} in CSV with a header), all read in one REPEATABLE READ,
 * READ ONLY transaction, so the file is one consistent snapshot while the application keeps working. Rows go
 * from the database into the zip as they arrive: the backup is never held in memory. The last entry signs all the
 * others ({@link BackupSigning}).
 */
@Component
class BackupWriter {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final BackupSigning signing;
    private final String appVersion;
    private final Clock clock = Clock.systemUTC();

    BackupWriter(DataSource dataSource, BackupSigning signing, Environment environment) {
        this.dataSource = dataSource;
        this.signing = signing;
        String version = environment.getProperty("spring.application.version",
                BackupWriter.class.getPackage().getImplementationVersion());
        this.appVersion = version == null ? "unknown" : version;
    }

    /** Writes the whole backup to {@code out} (not closed) and returns its manifest. */
    BackupManifest write(OutputStream out) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                BackupManifest manifest = write(connection, out);
                connection.commit();
                return manifest;
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private BackupManifest write(Connection connection, OutputStream out) throws IOException, SQLException {
        // the first statement fixes the snapshot; the counts, the schema version and every COPY read that one
        List<SchemaCatalog.Table> tables = SchemaCatalog.tables(connection);
        List<BackupManifest.Table> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (SchemaCatalog.Table table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from "
                        + SchemaCatalog.quote(table.name()))) {
                    count.next();
                    entries.add(new BackupManifest.Table(table.name(), "tables/" + table.name() + ".csv",
                            table.columns(), count.getLong(1)));
                }
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.APPLICATION, appVersion,
                SchemaCatalog.schemaVersion(connection), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                List.copyOf(entries));
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller closes the stream it gave
            }
        });
        // every entry feeds the signature, written last (BackupSigning)
        BackupSigning.Signer signer = signing.signer();
        OutputStream signed = signer.stream(zip);
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        signer.entry(BackupManifest.ENTRY);
        signed.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        signer.endEntry();
        zip.closeEntry();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table table : manifest.tables()) {
            zip.putNextEntry(new ZipEntry(table.file()));
            signer.entry(table.file());
            long rows = copy.copyOut("COPY " + source(table) + " TO STDOUT WITH (FORMAT csv, HEADER true)", signed);
            if (rows != table.rows()) {
                throw new IllegalStateException("Table " + table.name() + " gave " + rows + " rows, counted "
                        + table.rows() + " in the same snapshot");
            }
            signer.endEntry();
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(BackupSigning.ENTRY));
        zip.write(signer.signature());
        zip.closeEntry();
        zip.finish();
        zip.close();
        return manifest;
    }

    /**
     * What a table's entry is copied from: the table, except the accounts in a body's backup, where the province's
     * accounts (which every body reads: their names on its records) come without their password hash and e-mail, and
     * disabled: a body's Home Affairs downloading its backup gets no secret of the province's.
     */
    static String source(BackupManifest.Table table) {
        String columns = SchemaCatalog.columnList(table.columns());
        if (!"app_user".equals(table.name()) || vn.parindex.system.BodyScope.current().all()) {
            return SchemaCatalog.quote(table.name()) + " (" + columns + ")";
        }
        String select = table.columns().stream().map(column -> switch (column) {
            // no hash (a BCrypt text that matches no password) and disabled: it signs in nowhere it is restored
            case "password_hash" -> "case when body_id is null then '{bcrypt}-' else password_hash end as password_hash";
            case "enabled" -> "case when body_id is null then false else enabled end as enabled";
            case "email" -> "case when body_id is null then null else email end as email";
            default -> SchemaCatalog.quote(column);
        }).collect(java.util.stream.Collectors.joining(", "));
        return "(select " + select + " from app_user order by id)";
    }
}
