package vn.parindex.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of schema {@code public} read from PostgreSQL's catalog (so tables added by later migrations are
 * included without code changes), in foreign-key order: a table comes after every table it references.
 */
final class SchemaCatalog {

    /** Kept by the migrations themselves, never copied back by a restore. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";
    static final String DATA_REVISION = "data_revision";

    record Table(String name, List<String> columns) {
    }

    private SchemaCatalog() {
    }

    static List<Table> tables(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, a.attname
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                  and a.attgenerated = ''
                order by c.relname, a.attnum""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        Map<String, Set<String>> references = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select distinct child.relname, parent.relname
                from pg_constraint fk
                join pg_class child on child.oid = fk.conrelid
                join pg_class parent on parent.oid = fk.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where fk.contype = 'f' and n.nspname = 'public' and child.oid <> parent.oid""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                references.computeIfAbsent(rows.getString(1), name -> new TreeSet<>()).add(rows.getString(2));
            }
        }
        // Kahn's algorithm, alphabetical among the ready ones, so the order is the same every time
        Map<String, Table> ordered = new LinkedHashMap<>();
        while (ordered.size() < columns.size()) {
            String next = columns.keySet().stream()
                    .filter(name -> !ordered.containsKey(name))
                    .filter(name -> references.getOrDefault(name, Set.of()).stream()
                            .allMatch(parent -> ordered.containsKey(parent) || !columns.containsKey(parent)))
                    .findFirst()
                    // a cycle of foreign keys between tables: take the rest alphabetically
                    .orElseGet(() -> columns.keySet().stream().filter(name -> !ordered.containsKey(name))
                            .findFirst().orElseThrow());
            ordered.put(next, new Table(next, List.copyOf(columns.get(next))));
        }
        return List.copyOf(ordered.values());
    }

    /** The last versioned migration applied, or null on a database Flyway never migrated. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select to_regclass('public." + FLYWAY_HISTORY + "') is not null");
                ResultSet exists = statement.executeQuery()) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        String newest = null;
        try (PreparedStatement statement = connection.prepareStatement(
                "select version from " + FLYWAY_HISTORY + " where success and version is not null");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (newest == null || compareVersions(version, newest) > 0) {
                    newest = version;
                }
            }
        }
        return newest;
    }

    static int compareVersions(String a, String b) {
        return org.flywaydb.core.api.MigrationVersion.fromVersion(a)
                .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b));
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(SchemaCatalog::quote).toList());
    }
}
