package vn.parindex.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Helpers of the backup tests: rewriting entries of a backup file, and reading whole tables. */
final class BackupFiles {

    private BackupFiles() {
    }

    /** A copy of {@code source} whose entry {@code name} is replaced by {@code change} of its bytes. */
    static Path rewrite(Path source, Path target, String name, UnaryOperator<byte[]> change) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    /** Every table of schema public with its rows as text, sorted (so two databases compare row for row). */
    static Map<String, List<String>> contents(Connection connection) throws SQLException {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (SchemaCatalog.Table table : SchemaCatalog.tables(connection)) {
            String query = table.name().equals(SchemaCatalog.FLYWAY_HISTORY)
                    ? "select version || ' ' || description || ' ' || checksum || ' ' || success from "
                            + table.name() + " order by installed_rank"
                    : "select t::text from " + SchemaCatalog.quote(table.name()) + " t order by 1";
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            contents.put(table.name(), rows);
        }
        return contents;
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
