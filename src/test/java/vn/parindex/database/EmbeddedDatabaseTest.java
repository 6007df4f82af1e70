package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL on its own (no application): durable settings, the two roles and password
 * authentication, the upgrade of a data directory of an earlier version, a stale {@code postmaster.pid}, and the
 * watchdog starting a killed server again.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path folder;

    private EmbeddedDatabase start(Path data, boolean durable, Duration watchdog) throws Exception {
        return start(data, durable, watchdog, 0);
    }

    private EmbeddedDatabase start(Path data, boolean durable, Duration watchdog, int port) throws Exception {
        return EmbeddedDatabase.start(new EmbeddedDatabaseProperties(data.toString(), port, durable, "parindex_app",
                watchdog));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final Pattern TRUST_LINE = Pattern.compile("(?m)^[^#\\n]*\\btrust\\b");

    /**
     * Watches a start from outside, as a local attacker would: all the time, reads {@code pg_hba.conf}, probes the
     * port and tries to log in as {@code postgres} without a password.
     */
    private static final class AttackerWatch implements AutoCloseable {

        private final Path hba;
        private final int port;
        private final Thread thread;
        private volatile boolean stop;
        final AtomicBoolean trustSeen = new AtomicBoolean();
        final AtomicBoolean trustWhileListening = new AtomicBoolean();
        final AtomicBoolean listeningSeen = new AtomicBoolean();
        final AtomicInteger passwordlessLogins = new AtomicInteger();
        final AtomicInteger rounds = new AtomicInteger();

        AttackerWatch(Path data, int port) {
            this.hba = data.resolve("pg_hba.conf");
            this.port = port;
            this.thread = new Thread(this::watch, "attacker-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void watch() {
            while (!stop) {
                boolean trust = trustIn(hba);
                boolean listening = listening();
                trustSeen.compareAndSet(false, trust);
                if (listening) {
                    listeningSeen.set(true);
                    trustWhileListening.compareAndSet(false, trust || trustIn(hba));
                    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                            + "/postgres?user=postgres&connectTimeout=2")) {
                        passwordlessLogins.incrementAndGet();
                    } catch (SQLException e) {
                        // refused or asked for a password: as it must be
                    }
                }
                rounds.incrementAndGet();
            }
        }

        private static boolean trustIn(Path file) {
            try {
                return Files.exists(file) && TRUST_LINE.matcher(Files.readString(file)).find();
            } catch (IOException e) {
                return false; // being rewritten
            }
        }

        private boolean listening() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(10_000);
        }
    }

    private static String one(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection app(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.appRole(), db.appPassword());
    }

    @Test
    void durableByDefaultAndNotWhenTurnedOff() throws Exception {
        try (EmbeddedDatabase db = start(folder.resolve("a/postgres"), true, Duration.ofSeconds(1));
                Connection c = db.ownerConnection()) {
            assertThat(one(c, "show fsync")).isEqualTo("on");
            assertThat(one(c, "show synchronous_commit")).isEqualTo("on");
            assertThat(one(c, "show full_page_writes")).isEqualTo("on");
        }
        try (EmbeddedDatabase db = start(folder.resolve("b/postgres"), false, Duration.ofSeconds(1));
                Connection c = db.ownerConnection()) {
            assertThat(one(c, "show fsync")).isEqualTo("off");
            assertThat(one(c, "show synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void twoRolesWithGeneratedPasswordsKeptBesideTheDataAndAskedFor() throws Exception {
        Path data = folder.resolve("data/postgres");
        String ownerPassword;
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1))) {
            ownerPassword = db.ownerPassword();
            Path file = folder.resolve("data/database.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains(db.ownerPassword()).contains(db.appPassword());
            assertThat(db.ownerPassword()).isNotEqualTo(db.appPassword()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("scram-sha-256")
                    .doesNotContainPattern("(?m)^[^#].*trust");
            try (Connection owner = db.ownerConnection(); Connection app = app(db)) {
                assertThat(one(owner, "select current_user")).isEqualTo("postgres");
                assertThat(one(app, "select current_user")).isEqualTo("parindex_app");
                assertThat(one(owner, "select rolsuper::text || rolcreatedb || rolcreaterole || rolreplication "
                        + "|| rolbypassrls || rolcanlogin from pg_roles where rolname = 'parindex_app'"))
                        .isEqualTo("falsefalsefalsefalsefalsetrue");
            }
            for (String user : new String[] {"postgres", "parindex_app"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), user, "wrong").close())
                        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl() + "?user=" + user).close())
                        .isInstanceOf(SQLException.class).hasMessageContaining("password");
            }
        }
        // the next start uses the same passwords
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1))) {
            assertThat(db.ownerPassword()).isEqualTo(ownerPassword);
            try (Connection app = app(db)) {
                assertThat(one(app, "select 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void aNewDataDirectoryNeverTrustsAnyoneAndLeavesNoPasswordFile() throws Exception {
        Path data = folder.resolve("fresh/postgres");
        int port = freePort();
        AttackerWatch watch = new AttackerWatch(data, port);
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1), port); Connection app = app(db)) {
            watch.close();
            assertThat(one(app, "select current_user")).isEqualTo("parindex_app");
            assertThat(watch.listeningSeen).isTrue();
            assertThat(watch.rounds.get()).isGreaterThan(10);
            assertThat(watch.trustSeen).as("a trust line in pg_hba.conf at any moment").isFalse();
            assertThat(watch.passwordlessLogins).hasValue(0);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(DatabaseRoles.HBA);
            try (var files = Files.list(folder.resolve("fresh"))) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("postgres",
                        "database.properties");
            }
        } finally {
            watch.close();
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsUpgradedInPlace() throws Exception {
        Path data = folder.resolve("old/postgres");
        // what earlier versions left: zonky's trust authentication, the schema owned by postgres, no app role
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.toFile())
                .setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('from an earlier version')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");
        int port = freePort();
        AttackerWatch watch = new AttackerWatch(data, port);
        try (EmbeddedDatabase db = start(data, true, Duration.ofSeconds(1), port);
                Connection owner = db.ownerConnection()) {
            watch.close();
            assertThat(watch.listeningSeen).isTrue();
            assertThat(watch.trustWhileListening).as("trust in pg_hba.conf while the server listens").isFalse();
            assertThat(watch.passwordlessLogins).hasValue(0);
            assertThat(one(owner, "select value from kept")).isEqualTo("from an earlier version");
            assertThat(one(owner, "select tableowner from pg_tables where tablename = 'kept'")).isEqualTo("postgres");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(DatabaseRoles.HBA);
            try (Connection app = app(db)) {
                assertThat(one(app, "select current_user")).isEqualTo("parindex_app");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl() + "?user=postgres").close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aLostPasswordsFileGivesNewPasswords() throws Exception {
        Path data = folder.resolve("lost/postgres");
        String first;
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1))) {
            first = db.appPassword();
        }
        Files.delete(folder.resolve("lost/database.properties"));
        int port = freePort();
        AttackerWatch watch = new AttackerWatch(data, port);
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1), port); Connection app = app(db)) {
            watch.close();
            assertThat(watch.listeningSeen).isTrue();
            assertThat(watch.trustSeen).as("a trust line in pg_hba.conf at any moment").isFalse();
            assertThat(watch.passwordlessLogins).hasValue(0);
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "parindex_app", first).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(db.appPassword()).isNotEqualTo(first);
            assertThat(one(app, "select current_user")).isEqualTo("parindex_app");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).isEqualTo(DatabaseRoles.HBA);
        }
    }

    @Test
    void aStalePidFileNamingAnotherLiveProcessDoesNotStopTheStart() throws Exception {
        Path data = folder.resolve("stale/postgres");
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1))) {
            assertThat(db.isRunning()).isTrue();
        }
        // as after a power cut: the file survived, its process id now belongs to someone else (here: this JVM)
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n",
                StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (EmbeddedDatabase db = start(data, false, Duration.ofSeconds(1)); Connection app = app(db)) {
            assertThat(one(app, "select 1")).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void theWatchdogStartsAKilledServerAgainWithEveryCommittedRow() throws Exception {
        try (EmbeddedDatabase db = start(folder.resolve("watched/postgres"), true, Duration.ofMillis(200))) {
            try (Connection owner = db.ownerConnection(); Statement statement = owner.createStatement()) {
                statement.execute("create table acknowledged (n int primary key)");
                for (int n = 1; n <= 100; n++) {
                    statement.execute("insert into acknowledged values (" + n + ")");
                }
            }
            long killed = db.postmasterPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (db.restarts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(db.restarts()).isEqualTo(1);
            assertThat(db.postmasterPid()).isNotEqualTo(killed);
            assertThat(db.isRunning()).isTrue();
            try (Connection owner = db.ownerConnection()) {
                assertThat(one(owner, "select count(*) from acknowledged")).isEqualTo("100");
            }
        }
    }
}
