package vn.parindex.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import vn.parindex.database.DatabaseMode;

/**
 * The nightly backup: written to a temporary file in the backup directory, flushed to disk and moved into place
 * atomically (a crash leaves no half file under a backup's name), then all but the newest {@code keep} are deleted.
 * A failure is logged and never stops the application.
 */
@Component
public class NightlyBackups implements vn.parindex.system.ClusterJob {

    private static final Logger log = LoggerFactory.getLogger(NightlyBackups.class);
    static final Pattern NAME = Pattern.compile("parindex-backup-\\d{8}-\\d{6}\\.zip");

    private final BackupService backups;
    private final Path directory;
    private final int keep;
    private final String cron;

    NightlyBackups(BackupService backups, BackupProperties properties, DatabaseMode mode, Environment environment) {
        this.backups = backups;
        this.cron = properties.cron();
        this.directory = directory(properties, mode, environment);
        this.keep = Math.max(1, properties.keep());
    }

    private static Path directory(BackupProperties properties, DatabaseMode mode, Environment environment) {
        if (StringUtils.hasText(properties.directory())) {
            return Path.of(properties.directory()).toAbsolutePath().normalize();
        }
        String data = environment.getProperty("parindex.database.data-directory");
        if (mode != DatabaseMode.EMBEDDED || !StringUtils.hasText(data)) {
            return null; // an external database has its own backups; a throw-away one needs none
        }
        Path parent = Path.of(data).toAbsolutePath().normalize().getParent();
        return parent == null ? null : parent.resolve("backups");
    }

    /** Where nightly backups are kept, if they are taken at all. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public int keep() {
        return keep;
    }

    @Override
    public String jobName() {
        return "nightly-backup";
    }

    /** {@code parindex.backup.cron}; run by one instance only (system.ClusterJobs). */
    @Override
    public String cron() {
        return cron;
    }

    @Override
    public void runJob() {
        nightly();
    }

    void nightly() {
        if (directory == null) {
            return;
        }
        try {
            Path file = takeNow();
            log.info("Nightly backup written: {} ({} bytes)", file, Files.size(file));
        } catch (Exception | OutOfMemoryError e) {
            log.error("Nightly backup into {} failed", directory, e);
        }
    }

    /** Takes a backup into the directory now and deletes the oldest beyond {@code keep}. */
    Path takeNow() throws IOException, SQLException {
        if (directory == null) {
            throw new IllegalStateException("No backup directory");
        }
        Files.createDirectories(directory);
        String name = backups.newFileName();
        Path target = directory.resolve(name);
        Path temporary = Files.createTempFile(directory, ".parindex-backup-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                // every body's data: the deployment's backup (a body's Home Affairs downloads only their own)
                try (vn.parindex.system.BodyScope.Entered all = vn.parindex.system.BodyScope.enter(
                        vn.parindex.system.BodyScope.Scope.ALL)) {
                    backups.scheduled(name, out);
                }
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        prune();
        return target;
    }

    private void prune() throws IOException {
        List<StoredBackup> kept = list();
        for (StoredBackup old : kept.subList(Math.min(keep, kept.size()), kept.size())) {
            Files.deleteIfExists(directory.resolve(old.fileName()));
            log.info("Old backup deleted: {}", old.fileName());
        }
    }

    /** The backups kept, newest first. */
    public List<StoredBackup> list() throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<StoredBackup> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches() && Files.isRegularFile(file)) {
                    found.add(new StoredBackup(name, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
        found.sort(Comparator.comparing(StoredBackup::fileName).reversed());
        return found;
    }
}
