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

    /** Each table's identity (or serial) column and its sequence: the ids a copy into another database renumbers. */
    record Identity(String column, String sequence) {
    }

    static Map<String, Identity> identities(Connection connection) throws SQLException {
        Map<String, Identity> identities = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, a.attname, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                identities.put(rows.getString(1), new Identity(rows.getString(2), rows.getString(3)));
            }
        }
        return identities;
    }

    /**
     * For every column that holds another row's id, the table whose ids it holds, followed through the foreign keys
     * ({@code criterion.parent_id} references {@code criterion (cycle_id, id)}: criterion's ids;
     * {@code task_criterion.cycle_id} references {@code task (cycle_id, id)}, whose {@code cycle_id} holds cycle's):
     * table → column → the table of the ids. A column a foreign key ties to a column that is no id (a level) is
     * not in it.
     */
    static Map<String, Map<String, String>> idColumns(Connection connection, Map<String, Identity> identities)
            throws SQLException {
        Map<String, Map<String, Set<String>>> references = new TreeMap<>(); // table → column → "table.column"
        try (PreparedStatement statement = connection.prepareStatement("""
                select child.relname, ca.attname, parent.relname, pa.attname
                from pg_constraint fk
                join pg_class child on child.oid = fk.conrelid
                join pg_class parent on parent.oid = fk.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                cross join lateral unnest(fk.conkey, fk.confkey) as k(child_key, parent_key)
                join pg_attribute ca on ca.attrelid = fk.conrelid and ca.attnum = k.child_key
                join pg_attribute pa on pa.attrelid = fk.confrelid and pa.attnum = k.parent_key
                where fk.contype = 'f' and n.nspname = 'public'""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                references.computeIfAbsent(rows.getString(1), t -> new TreeMap<>())
                        .computeIfAbsent(rows.getString(2), c -> new TreeSet<>())
                        .add(rows.getString(3) + "." + rows.getString(4));
            }
        }
        Map<String, Map<String, String>> domains = new TreeMap<>();
        references.forEach((table, columns) -> columns.keySet().forEach(column -> {
            String domain = domain(table, column, references, identities, new java.util.HashSet<>());
            if (domain != null) {
                domains.computeIfAbsent(table, t -> new TreeMap<>()).put(column, domain);
            }
        }));
        return domains;
    }

    private static String domain(String table, String column, Map<String, Map<String, Set<String>>> references,
            Map<String, Identity> identities, Set<String> seen) {
        Identity identity = identities.get(table);
        if (identity != null && identity.column().equals(column)) {
            return table;
        }
        if (!seen.add(table + "." + column)) {
            return null;
        }
        for (String target : references.getOrDefault(table, Map.of()).getOrDefault(column, Set.of())) {
            int dot = target.indexOf('.');
            String found = domain(target.substring(0, dot), target.substring(dot + 1), references, identities, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
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
