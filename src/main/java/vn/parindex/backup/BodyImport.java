package vn.parindex.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.parindex.audit.Actor;
import vn.parindex.database.RowSecurityCheck;
import vn.parindex.system.BodyScope;
import vn.parindex.system.ConflictException;

/**
 * Imports one body's data, exported from another deployment (or from this one), as a new body of this deployment:
 * a body's backup file ({@code GET /api/v1/bodies/{code}/export}, or a single-body install's backup), signed with
 * this deployment's key or one it trusts ({@link BackupSigning#verifyImport}), of this schema version.
 *
 * <p>In one transaction, on a connection that works on every body: each table of the file is copied into a
 * temporary table; every row gets a new id from its table's sequence (old → new, one map per table); every column
 * that holds another row's id is translated through the map of the table whose ids it holds, found in the foreign
 * keys ({@link SchemaCatalog#idColumns}), and the change history's {@code entity_id} by its entity type
 * ({@link #ENTITY_TABLES}). The province's accounts the body's records name (who reviewed, who uploaded) become this
 * deployment's province account of the same user name, or a disabled one without password. Refused, with nothing
 * written: a file signed with no key this deployment trusts, of another schema version, of no body or several, a
 * body code or a user name this deployment already has (user names may be prefixed with the body's code instead).
 */
@Component
class BodyImport {

    /**
     * The table whose ids each entity type of the change history names ({@code change_history.entity_id});
     * {@code ""}: an id that is no row's (a backup's 0). A type not listed is refused: its ids could not be
     * translated.
     */
    static final Map<String, String> ENTITY_TABLES = entityTables();

    /** The tables a file's rows are never copied from: the migrations' own, the cache's counter. */
    private static final Set<String> NOT_COPIED = BackupRestorer.NOT_RESTORED;
    private static final String BODY = "body";
    private static final String ACCOUNTS = "app_user";
    private static final String HISTORY = "change_history";
    private static final int MAX_USERNAME = 64;

    /** What was imported. */
    record Result(long bodyId, String code, String name, String level, int tables, long rows,
            Map<String, String> renamedAccounts, List<String> provinceAccountsAdded,
            List<String> provinceAccountsReused) {
    }

    private final DataSource dataSource;
    private final BackupSigning signing;
    private final ObjectProvider<RowSecurityCheck> rowSecurity;
    /**
     * One import at a time: each holds a pooled connection and a transaction for as long as its rows take (minutes
     * for a body with years of evidence).
     */
    private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(1);
    static final int RETRY_AFTER_SECONDS = 60;

    BodyImport(DataSource dataSource, BackupSigning signing, ObjectProvider<RowSecurityCheck> rowSecurity) {
        this.dataSource = dataSource;
        this.signing = signing;
        this.rowSecurity = rowSecurity;
    }

    private static Map<String, String> entityTables() {
        return Map.ofEntries(Map.entry("ASSESSMENT", "assessment"), Map.entry("ASSIGNMENT", "criterion"),
                Map.entry("CRITERION", "criterion"), Map.entry("EXPLANATION", "criterion"),
                Map.entry("CYCLE", "cycle"), Map.entry("CYCLE_CALENDAR", "cycle"), Map.entry("EVIDENCE", "evidence"),
                Map.entry("EVIDENCE_ITEM", "evidence_item"), Map.entry("PEER_DISTRICT", "peer_district_score"),
                Map.entry("REPORT_INPUT", "report_input"), Map.entry("TASK", "task"), Map.entry("UNIT", "unit"),
                Map.entry("USER", ACCOUNTS), Map.entry("BODY", BODY),
                // a backup's record names no row (its id is 0): kept as it is
                Map.entry("BACKUP", ""));
    }

    /**
     * Imports {@code file} as a new body; {@code prefixAccounts}: a user name this deployment already has becomes
     * {@code <code>.<name>} (in small letters) instead of refusing the file; {@code code}: the body's code here
     * (a code already checked; null: the file's).
     */
    Result importBody(Path file, Actor actor, boolean prefixAccounts, String code) throws SQLException {
        if (!BodyScope.current().all()) {
            throw new IllegalStateException("A body is imported by a connection that works on every body");
        }
        RowSecurityCheck check = rowSecurity.getIfAvailable();
        if (check != null && !check.bindsTheApplication()) {
            throw new ConflictException("conflict.bodiesNotApart", 0);
        }
        if (!running.tryAcquire()) {
            throw new vn.parindex.system.BusyException("bodyImport.busy", RETRY_AFTER_SECONDS);
        }
        try (ZipFile zip = BackupRestorer.open(file)) {
            signing.verifyImport(zip);
            BackupManifest manifest = BackupRestorer.manifest(zip);
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                boolean committed = false;
                try {
                    Result result = new Run(zip, manifest, connection, actor, prefixAccounts, code).run();
                    connection.commit();
                    committed = true;
                    return result;
                } catch (SQLException e) {
                    String state = String.valueOf(e.getSQLState());
                    if (state.startsWith("22") || state.startsWith("23")) {
                        // a value or a rule of the schema the file's rows break: a file no export makes
                        throw new RestoreRefusedException(RestoreRefusedException.DAMAGED, "The file's rows do not "
                                + "fit this deployment's rules (" + e.getMessage() + "); nothing was written");
                    }
                    throw e;
                } finally {
                    if (!committed) {
                        connection.rollback(); // whatever went wrong, an Error too: before autocommit would commit
                    }
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (ZipException e) {
            throw new RestoreRefusedException(RestoreRefusedException.DAMAGED, "Not a PAR Index backup, or damaged "
                    + "or truncated (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RestoreRefusedException("Cannot read the file: " + e.getMessage(), e);
        } finally {
            running.release();
        }
    }

    /** One import, in the transaction of {@code connection}. */
    private static final class Run {

        private final ZipFile zip;
        private final BackupManifest manifest;
        private final Connection connection;
        private final Actor actor;
        private final boolean prefixAccounts;
        private Map<String, SchemaCatalog.Identity> identities;
        private Map<String, Map<String, String>> idColumns;
        private long oldBody;
        private long newBody;
        private String code;

        Run(ZipFile zip, BackupManifest manifest, Connection connection, Actor actor, boolean prefixAccounts,
                String code) {
            this.code = code;
            this.zip = zip;
            this.manifest = manifest;
            this.connection = connection;
            this.actor = actor;
            this.prefixAccounts = prefixAccounts;
        }

        Result run() throws SQLException, IOException {
            String version = SchemaCatalog.schemaVersion(connection);
            if (!manifest.schemaVersion().equals(version)) {
                throw new RestoreRefusedException("version", "The file is of schema version "
                        + manifest.schemaVersion() + " (application " + manifest.appVersion() + "), this deployment "
                        + "of " + version + ": export it again from a deployment of this application's version");
            }
            Map<String, SchemaCatalog.Table> schema = new LinkedHashMap<>();
            for (SchemaCatalog.Table table : SchemaCatalog.tables(connection)) {
                schema.put(table.name(), table);
            }
            List<BackupManifest.Table> tables = manifest.tables().stream()
                    .filter(table -> !NOT_COPIED.contains(table.name())).toList();
            List<String> names = tables.stream().map(BackupManifest.Table::name).toList();
            Set<String> expected = new java.util.TreeSet<>(schema.keySet());
            expected.removeAll(NOT_COPIED);
            if (names.size() != expected.size() || !expected.equals(new java.util.TreeSet<>(names))) {
                throw new RestoreRefusedException("version", "The file's tables " + names + " are not this "
                        + "deployment's " + expected);
            }
            for (BackupManifest.Table table : tables) {
                SchemaCatalog.Table target = schema.get(table.name());
                if (target == null || table.columns().size() != Set.copyOf(table.columns()).size()
                        || !Set.copyOf(target.columns()).equals(Set.copyOf(table.columns()))) {
                    throw new RestoreRefusedException("version", "Table " + table.name() + " of the file does not "
                            + "fit this deployment's schema");
                }
            }
            identities = SchemaCatalog.identities(connection);
            idColumns = SchemaCatalog.idColumns(connection, identities);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupManifest.Table table : tables) {
                execute("create temporary table " + source(table.name()) + " (like "
                        + SchemaCatalog.quote(table.name()) + ") on commit drop");
                BackupRestorer.copyIn(zip, table, source(table.name()), copy);
            }
            readTheBody();
            for (BackupManifest.Table table : tables) {
                // a body's export holds its own rows (and rows of no body: the province's accounts, its history)
                if (hasBody(table.name()) && number("select count(*) from " + source(table.name())
                        + " where body_id <> " + oldBody) > 0) {
                    throw new RestoreRefusedException("bodies", "Table " + table.name() + " of the file holds rows of "
                            + "another body than its own");
                }
            }
            Map<String, String> renamed = new LinkedHashMap<>();
            List<String> provinceAdded = new ArrayList<>();
            numberTheRows(tables, renamed, provinceAdded);
            checkTheHistory();
            long rows = 0;
            for (BackupManifest.Table table : tables) {
                rows += insert(table);
            }
            onRecord();
            return new Result(newBody, code, text("select name from " + source(BODY)),
                    text("select level from " + source(BODY)), tables.size(), rows, renamed, provinceAdded,
                    texts("select old_name from import_account where reused_id is not null order by 1"));
        }

        /** The file's one body; refused when it holds none or several, or when its code is this deployment's. */
        private void readTheBody() throws SQLException {
            long bodies = number("select count(*) from " + source(BODY));
            if (bodies != 1) {
                throw new RestoreRefusedException("bodies", "The file holds " + bodies + " bodies: a body is "
                        + "imported from its own export (GET /api/v1/bodies/{code}/export) or from the backup of an "
                        + "install of one body");
            }
            oldBody = number("select id from " + source(BODY));
            if (code == null) {
                String own = text("select code from " + source(BODY));
                code = vn.parindex.organisation.Body.code(own).filter(own::equals).orElseThrow(() ->
                        new RestoreRefusedException(RestoreRefusedException.DAMAGED, "The file's body has no code "
                                + "a body can have"));
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select version from body where upper(code) = upper(?)")) {
                statement.setString(1, code);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        throw new ConflictException("conflict.bodyCode", rows.getLong(1), List.of(code));
                    }
                }
            }
        }

        /**
         * The new ids, table by table ({@code map_<table>}: old, new), and the accounts' names: the body's own
         * accounts keep theirs (or are prefixed), the province's accounts its records name become this deployment's
         * of that name or are added, disabled.
         */
        private void numberTheRows(List<BackupManifest.Table> tables, Map<String, String> renamed,
                List<String> provinceAdded) throws SQLException {
            execute("create temporary table import_account (old_id bigint primary key, old_name text not null, "
                    + "new_name text not null, reused_id bigint) on commit drop");
            // the body's own accounts, and the province's accounts a row of the body names
            StringBuilder named = new StringBuilder("select " + oldBody + "::bigint where false");
            for (BackupManifest.Table table : tables) {
                idColumns.getOrDefault(table.name(), Map.of()).forEach((column, domain) -> {
                    if (domain.equals(ACCOUNTS) && !table.name().equals(ACCOUNTS)) {
                        named.append(" union select ").append(SchemaCatalog.quote(column)).append(" from ")
                                .append(source(table.name())).append(" where ").append(mine(table.name()));
                    }
                });
            }
            execute("insert into import_account (old_id, old_name, new_name) select id, username, username from "
                    + source(ACCOUNTS) + " where body_id = " + oldBody + " or body_id is null and id in (" + named
                    + ")");
            // a province account of the file whose name is a province account here: that one
            execute("update import_account a set reused_id = u.id from " + source(ACCOUNTS) + " s, app_user u "
                    + "where s.id = a.old_id and s.body_id is null and u.username = a.old_name and u.role = 'PROVINCE' "
                    + "and u.body_id is null");
            List<String> taken = texts("select a.old_name from import_account a where a.reused_id is null and exists "
                    + "(select 1 from app_user u where u.username = a.old_name) order by 1");
            if (!taken.isEmpty()) {
                if (!prefixAccounts) {
                    throw new ConflictException("conflict.accountsTaken", 0, taken);
                }
                String prefix = code.toLowerCase(java.util.Locale.ROOT) + ".";
                try (PreparedStatement statement = connection.prepareStatement(
                        "update import_account set new_name = ? where old_name = ?")) {
                    for (String name : taken) {
                        statement.setString(1, prefix + name);
                        statement.setString(2, name);
                        statement.addBatch();
                        renamed.put(name, prefix + name);
                    }
                    statement.executeBatch();
                }
                List<String> still = texts("select a.new_name from import_account a where a.new_name <> a.old_name "
                        + "and (length(a.new_name) > " + MAX_USERNAME + " or exists (select 1 from app_user u "
                        + "where u.username = a.new_name) or exists (select 1 from import_account b "
                        + "where b.old_id <> a.old_id and b.new_name = a.new_name)) order by 1");
                if (!still.isEmpty()) {
                    throw new ConflictException("conflict.accountsTaken", 0, still);
                }
            }
            provinceAdded.addAll(texts("select a.new_name from import_account a join " + source(ACCOUNTS)
                    + " s on s.id = a.old_id where s.body_id is null and a.reused_id is null order by 1"));
            for (BackupManifest.Table table : tables) {
                SchemaCatalog.Identity identity = identities.get(table.name());
                if (identity == null) {
                    continue;
                }
                execute("create temporary table " + map(table.name()) + " (old bigint primary key, new bigint not "
                        + "null) on commit drop");
                String id = SchemaCatalog.quote(identity.column());
                String rows = switch (table.name()) {
                    case BODY -> "select " + id + " from " + source(BODY);
                    case ACCOUNTS -> "select old_id from import_account where reused_id is null";
                    default -> "select " + id + " from " + source(table.name()) + " where " + mine(table.name());
                };
                execute("insert into " + map(table.name()) + " (old, new) select old, nextval('"
                        + identity.sequence().replace("'", "''") + "'::regclass) from (" + rows
                        + " order by 1) as ids (old)");
                if (table.name().equals(ACCOUNTS)) {
                    execute("insert into " + map(ACCOUNTS) + " (old, new) select old_id, reused_id from "
                            + "import_account where reused_id is not null");
                }
            }
            newBody = number("select new from " + map(BODY));
        }

        /** Every entity type of the body's history is one whose ids can be translated. */
        private void checkTheHistory() throws SQLException {
            List<String> unknown = new ArrayList<>();
            for (String type : texts("select distinct entity_type from " + source(HISTORY) + " where "
                    + mine(HISTORY) + " order by 1")) {
                if (!ENTITY_TABLES.containsKey(type)) {
                    unknown.add(type);
                }
            }
            if (!unknown.isEmpty()) {
                throw new RestoreRefusedException("version", "The file's change history names entities this version "
                        + "does not know (" + String.join(", ", unknown) + ")");
            }
        }

        /** Copies the body's rows of {@code table} from its temporary table, every id translated. */
        private long insert(BackupManifest.Table table) throws SQLException {
            String name = table.name();
            Map<String, String> ids = idColumns.getOrDefault(name, Map.of());
            SchemaCatalog.Identity identity = identities.get(name);
            List<String> columns = table.columns();
            List<String> values = new ArrayList<>();
            String parameter = null;
            for (String column : columns) {
                String quoted = "s." + SchemaCatalog.quote(column);
                String domain = identity != null && identity.column().equals(column) ? name : ids.get(column);
                if (domain != null) {
                    checkResolved(name, column, domain);
                    values.add("(select m.new from " + map(domain) + " m where m.old = " + quoted + ")");
                } else if (name.equals(ACCOUNTS)) {
                    values.add(switch (column) {
                        case "username" -> "(select a.new_name from import_account a where a.old_id = s.id)";
                        // the province's accounts added: no password, no address, disabled (as a body's backup
                        // holds them)
                        case "password_hash" -> "case when s.body_id is null then '{bcrypt}-' else " + quoted + " end";
                        case "enabled" -> "case when s.body_id is null then false else " + quoted + " end";
                        case "email" -> "case when s.body_id is null then null else " + quoted + " end";
                        default -> quoted;
                    });
                } else if (name.equals(BODY) && column.equals("code")) {
                    values.add("?"); // the code given here, or the file's
                    parameter = code;
                } else if (name.equals(HISTORY) && column.equals("entity_id")) {
                    StringBuilder entity = new StringBuilder("case s.entity_type");
                    ENTITY_TABLES.forEach((type, target) -> entity.append(" when '").append(type).append("' then ")
                            .append(target.isEmpty() ? quoted
                                    : "coalesce((select m.new from " + map(target) + " m where m.old = " + quoted
                                            // a row deleted since (evidence removed): no row's id, as a backup's 0
                                            + "), 0)"));
                    values.add(entity.append(" end").toString());
                } else if (name.equals(HISTORY) && column.equals("username")) {
                    values.add("coalesce((select a.new_name from import_account a where a.old_name = " + quoted
                            + "), " + quoted + ")");
                } else {
                    values.add(quoted);
                }
            }
            String where = name.equals(ACCOUNTS)
                    ? "s.id in (select old from " + map(ACCOUNTS) + " m join import_account a on a.old_id = m.old "
                            + "where a.reused_id is null)"
                    : mine(name);
            String sql = "insert into " + SchemaCatalog.quote(name) + " (" + SchemaCatalog.columnList(columns) + ")"
                    + (identity != null ? " overriding system value" : "") + " select " + String.join(", ", values)
                    + " from " + source(name) + " s where " + where;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    statement.setString(1, parameter);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState()) && name.equals(BODY)) {
                    throw new ConflictException("conflict.bodyCode", 0, List.of(code)); // added meanwhile
                }
                if ("23505".equals(e.getSQLState()) && name.equals(ACCOUNTS)) {
                    // a parallel import added one of these names meanwhile: trying again sees it
                    throw new ConflictException("conflict.duplicate", 0);
                }
                throw e;
            }
        }

        /** Every id a row of the body holds is one the file carries (else the file is not one body's whole). */
        private void checkResolved(String table, String column, String domain) throws SQLException {
            String quoted = "s." + SchemaCatalog.quote(column);
            String where = table.equals(ACCOUNTS) ? "body_id = " + oldBody : mine(table);
            long missing = number("select count(*) from " + source(table) + " s where " + where + " and " + quoted
                    + " is not null and not exists (select 1 from " + map(domain) + " m where m.old = " + quoted + ")");
            if (missing > 0) {
                throw new RestoreRefusedException(RestoreRefusedException.DAMAGED, missing + " row(s) of " + table
                        + " name a " + domain + " the file does not hold (" + column + "): it is not one body's "
                        + "whole data");
            }
        }

        /** The import on record: the province's (no body), and the body's own history. */
        private void onRecord() throws SQLException {
            String comment = "Nhập dữ liệu đơn vị " + code + " (tệp tạo " + manifest.createdAt() + ", phiên bản "
                    + manifest.appVersion() + ")";
            try (PreparedStatement statement = connection.prepareStatement("insert into change_history (at, user_id, "
                    + "username, entity_type, entity_id, field, new_value, comment, body_id) "
                    + "values (now(), ?, ?, 'BODY', ?, 'event', 'IMPORTED', ?, ?)")) {
                for (Long body : new Long[] {null, newBody}) {
                    statement.setObject(1, actor.userId());
                    statement.setString(2, actor.username());
                    statement.setLong(3, newBody);
                    statement.setString(4, comment);
                    statement.setObject(5, body);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }

        /** The rows of {@code table} that are the body's: its own (the body itself: the one row). */
        private String mine(String table) {
            return table.equals(BODY) ? "true" : hasBody(table) ? "body_id = " + oldBody : "false";
        }

        private boolean hasBody(String table) {
            return manifest.tables().stream().anyMatch(t -> t.name().equals(table) && t.columns().contains("body_id"));
        }

        private static String source(String table) {
            return SchemaCatalog.quote("import_" + table);
        }

        private static String map(String table) {
            return SchemaCatalog.quote("map_" + table);
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        private long number(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private String text(String sql) throws SQLException {
            List<String> texts = texts(sql);
            return texts.isEmpty() ? null : texts.get(0);
        }

        private List<String> texts(String sql) throws SQLException {
            List<String> texts = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }
}
