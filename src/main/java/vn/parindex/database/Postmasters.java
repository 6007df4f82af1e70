package vn.parindex.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL processes of one data directory, seen through {@code postmaster.pid} and {@code /proc}: a
 * {@code postgres} process whose working directory is the data directory belongs to it (PostgreSQL changes into its
 * data directory on start). Used to clear what a killed application left behind before starting the server again.
 *
 * <p>Without {@code /proc} (Windows, macOS) a process's working directory cannot be read: the process named by
 * {@code postmaster.pid} counts as this directory's postmaster when it runs a {@code postgres} executable (and, where
 * its arguments can be read, names this directory); its backends, which cannot be told apart, end by themselves
 * once their postmaster is gone. Signals are sent with {@code kill} where it exists, else the process is ended
 * ({@link ProcessHandle#destroy()}; PostgreSQL recovers from its log on the next start).
 */
final class Postmasters {

    private static final Logger log = LoggerFactory.getLogger(Postmasters.class);

    /** The lock file zonky's EmbeddedPostgres holds while an application runs on the data directory. */
    static final String INSTANCE_LOCK = "epg-lock";

    private Postmasters() {
    }

    /** The process id named by the data directory's {@code postmaster.pid}, if there is such a file. */
    static OptionalLong pidFromFile(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether processes are seen through {@code /proc} (Linux). */
    static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    /** Whether {@code pid} is a running (not zombie) {@code postgres} process of this data directory. */
    static boolean isPostgresOf(long pid, Path dataDirectory) {
        if (!running(pid)) {
            return false;
        }
        if (!PROC) {
            return withoutProc(pid, dataDirectory);
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String executable = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
            if (!executable.equals("postgres") && !executable.startsWith("postgres ")) {
                return false;
            }
            return Files.readSymbolicLink(proc.resolve("cwd")).equals(dataDirectory.toRealPath());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Without {@code /proc}: a process running a {@code postgres} executable whose arguments, where they can be read,
     * name this data directory; a process whose command cannot be read counts too (better stop a server than start a
     * second one on the same files).
     */
    static boolean withoutProc(long pid, Path dataDirectory) {
        ProcessHandle.Info info = ProcessHandle.of(pid).map(ProcessHandle::info).orElse(null);
        if (info == null || info.command().isEmpty()) {
            return true;
        }
        String executable = Path.of(info.command().get()).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!executable.equals("postgres") && !executable.equals("postgres.exe")) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        if (arguments.length == 0) {
            return true;
        }
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        for (String argument : arguments) {
            try {
                if (Path.of(argument).toAbsolutePath().normalize().toString().equals(directory)) {
                    return true;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // an option, not a path
            }
        }
        return false;
    }

    /** Alive and not a zombie (a killed process not yet reaped by its parent still has an id). */
    static boolean running(long pid) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state != 'Z' && state != 'X' && state != 'x';
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /**
     * Every running postgres process (postmaster and backends) of the data directory; without {@code /proc}, the
     * postmaster named by {@code postmaster.pid} only.
     */
    static List<ProcessHandle> processesOf(Path dataDirectory) {
        if (!PROC) {
            OptionalLong pid = pidFromFile(dataDirectory);
            return pid.isPresent() && isPostgresOf(pid.getAsLong(), dataDirectory)
                    ? ProcessHandle.of(pid.getAsLong()).stream().toList() : List.of();
        }
        return ProcessHandle.allProcesses().filter(p -> isPostgresOf(p.pid(), dataDirectory)).toList();
    }

    /**
     * Makes the data directory ready for a new start: refuses when another running application holds it; stops an
     * orphan postmaster of it (fast shutdown, then immediate, then SIGKILL), waits for backends a dead postmaster
     * left, and removes a {@code postmaster.pid} that names no postgres of this directory.
     */
    static void clearStale(Path dataDirectory) throws IOException {
        ensureNoOtherInstance(dataDirectory);
        OptionalLong pid = pidFromFile(dataDirectory);
        if (pid.isPresent() && isPostgresOf(pid.getAsLong(), dataDirectory)) {
            long postmaster = pid.getAsLong();
            log.warn("A PostgreSQL server left running by an earlier start (process {}) holds {}: stopping it",
                    postmaster, dataDirectory);
            signal(postmaster, "INT");
            if (!waitUntilGone(dataDirectory, Duration.ofSeconds(30))) {
                log.warn("It did not stop within 30 s: immediate shutdown");
                signal(postmaster, "QUIT");
                if (!waitUntilGone(dataDirectory, Duration.ofSeconds(10))) {
                    log.warn("It did not stop: killing it");
                    processesOf(dataDirectory).forEach(ProcessHandle::destroyForcibly);
                }
            }
        }
        if (!waitUntilGone(dataDirectory, Duration.ofSeconds(10))) {
            log.warn("Server processes of a stopped PostgreSQL remain in {}: killing them", dataDirectory);
            processesOf(dataDirectory).forEach(ProcessHandle::destroyForcibly);
            if (!waitUntilGone(dataDirectory, Duration.ofSeconds(10))) {
                throw new IllegalStateException("PostgreSQL processes of " + dataDirectory + " cannot be stopped");
            }
        }
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            log.info("Removing a stale postmaster.pid (process {} is not a PostgreSQL server of {})",
                    pid.isPresent() ? pid.getAsLong() : "?", dataDirectory);
            Files.deleteIfExists(pidFile);
        }
    }

    private static void ensureNoOtherInstance(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(INSTANCE_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running instance of the application uses " + dataDirectory);
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This application already runs a database on " + dataDirectory, e);
        }
    }

    private static boolean waitUntilGone(Path dataDirectory, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!processesOf(dataDirectory).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Sends a signal by name (INT: fast shutdown, QUIT: immediate shutdown, TERM: smart shutdown). */
    static void signal(long pid, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("kill -{} {} failed", name, pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
}
