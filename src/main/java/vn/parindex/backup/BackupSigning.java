package vn.parindex.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs every backup and checks the signature before a restore, so that a backup file edited by hand (an account
 * made administrator, a score changed) is refused instead of restored. The signature is an HMAC-SHA256 over every
 * entry of the zip in order (its name, its bytes, its length), written as the last entry, {@value #ENTRY}. The key
 * (256 random bits) is kept in {@code backup.key} beside the embedded database's credentials ({@code ./data}, readable
 * by its owner only), created on first use; {@code parindex.backup.key-file} names another file (to restore into a
 * new data directory: the key of the installation that made the backup). A throw-away database (tests) gets a key
 * of its own for the life of the process.
 */
@Component
public class BackupSigning {

    private static final Logger log = LoggerFactory.getLogger(BackupSigning.class);

    /** The last entry of a signed backup: {@code hmac-sha256:<hex>}. */
    static final String ENTRY = "signature.txt";
    static final String KEY_FILE = "backup.key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "hmac-sha256:";

    private final byte[] key;
    private final Path keyFile;
    private final boolean skipCheck;
    /** Other deployments' keys: a body exported there is imported here ({@code parindex.backup.trusted-key-files}). */
    private final java.util.List<byte[]> trusted;

    @org.springframework.beans.factory.annotation.Autowired
    BackupSigning(BackupProperties properties, Environment environment) throws IOException {
        this(keyFile(properties, environment), properties.skipSignatureCheck(), properties.trustedKeyFiles().stream()
                .filter(StringUtils::hasText).map(name -> Path.of(name.strip()).toAbsolutePath().normalize())
                .toList());
    }

    BackupSigning(Path keyFile, boolean skipCheck) throws IOException {
        this(keyFile, skipCheck, java.util.List.of());
    }

    BackupSigning(Path keyFile, boolean skipCheck, java.util.List<Path> trustedKeyFiles) throws IOException {
        this.keyFile = keyFile;
        this.key = keyFile == null ? random() : loadOrCreate(keyFile);
        this.skipCheck = skipCheck;
        java.util.List<byte[]> keys = new java.util.ArrayList<>();
        for (Path file : trustedKeyFiles) {
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("parindex.backup.trusted-key-files names " + file
                        + ", which cannot be read: copy there the backup.key of the deployment whose bodies are "
                        + "imported, or leave it out");
            }
            keys.add(load(file));
        }
        this.trusted = java.util.List.copyOf(keys);
    }

    private static Path keyFile(BackupProperties properties, Environment environment) {
        if (StringUtils.hasText(properties.keyFile())) {
            return Path.of(properties.keyFile().strip()).toAbsolutePath().normalize();
        }
        String data = environment.getProperty("parindex.database.data-directory");
        if (!StringUtils.hasText(data)) {
            return null; // a throw-away database: a key for this process only
        }
        Path parent = Path.of(data).toAbsolutePath().normalize().getParent();
        return parent == null ? null : parent.resolve(KEY_FILE);
    }

    /** Where the key is kept (null: in memory only). */
    Path keyFile() {
        return keyFile;
    }

    /** The key as the key file holds it (tests hand it to a restore in another process). */
    String encodedKey() {
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("Could not create " + temporary, e);
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(random()) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("Created the backup signing key {}: keep a copy of it apart from the backups", file);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary); // created meanwhile by another instance: theirs is the key
            }
        }
        return load(file);
    }

    private static byte[] load(Path file) throws IOException {
        try {
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (bytes.length < 16) {
                throw new IllegalStateException("The backup signing key " + file + " is too short");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The backup signing key " + file + " is not Base64", e);
        }
    }

    private Mac mac() {
        return mac(key);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the entries written while it is in use: {@link #entry}, {@link #stream}, {@link #endEntry}. */
    Signer signer() {
        return new Signer(mac());
    }

    /** The running signature of one backup being written. */
    static final class Signer {

        private final Mac mac;
        private long length;

        private Signer(Mac mac) {
            this.mac = mac;
        }

        void entry(String name) {
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            length = 0;
        }

        void update(byte[] bytes, int offset, int count) {
            mac.update(bytes, offset, count);
            length += count;
        }

        /** {@code out}, also feeding the signature. */
        OutputStream stream(OutputStream out) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int count) throws IOException {
                    update(bytes, offset, count);
                    out.write(bytes, offset, count);
                }
            };
        }

        void endEntry() {
            for (int shift = 56; shift >= 0; shift -= 8) {
                mac.update((byte) (length >>> shift));
            }
        }

        /** The content of the {@value #ENTRY} entry. */
        byte[] signature() {
            return (PREFIX + HexFormat.of().formatHex(mac.doFinal()) + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * Refuses ({@link RestoreRefusedException}) a file whose signature is missing or wrong, unless
     * {@code parindex.backup.skip-signature-check} is on (then it only warns).
     */
    void verify(ZipFile zip) throws IOException {
        String problem = problem(zip);
        if (problem == null) {
            return;
        }
        if (skipCheck) {
            log.warn("Restoring {} although {} (parindex.backup.skip-signature-check=true)", zip.getName(), problem);
            return;
        }
        throw new RestoreRefusedException(zip.getName() + " is refused: " + problem + ". A backup is restored only "
                + "when it is exactly as the application wrote it, signed with the key "
                + (keyFile == null ? "of this process" : keyFile.toString()) + ". Restoring into a new data "
                + "directory: give the key of the installation that made it (--parindex.backup.key-file=…/"
                + KEY_FILE + "); a backup made before backups were signed, or whose key is lost: "
                + "--parindex.backup.skip-signature-check=true, knowingly; nothing was written");
    }

    /**
     * Refuses ({@link RestoreRefusedException}) a body's file to import unless it is signed with this deployment's
     * key or one of the trusted keys of other deployments; never skipped (the check is what makes a file from
     * elsewhere trustworthy).
     */
    void verifyImport(ZipFile zip) throws IOException {
        String problem = problem(zip, key);
        for (int i = 0; problem != null && i < trusted.size(); i++) {
            problem = problem(zip, trusted.get(i)) == null ? null : problem;
        }
        if (problem != null) {
            throw new RestoreRefusedException("signature", problem);
        }
    }

    private String problem(ZipFile zip) throws IOException {
        return problem(zip, key);
    }

    private static String problem(ZipFile zip, byte[] key) throws IOException {
        Signer signer = new Signer(mac(key));
        byte[] stored = null;
        byte[] buffer = new byte[64 * 1024];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (stored != null) {
                return "an entry follows its signature";
            }
            try (InputStream in = zip.getInputStream(entry)) {
                if (entry.getName().equals(ENTRY)) {
                    stored = in.readNBytes(256);
                    continue;
                }
                signer.entry(entry.getName());
                for (int n; (n = in.read(buffer)) > 0; ) {
                    signer.update(buffer, 0, n);
                }
                signer.endEntry();
            }
        }
        if (stored == null) {
            return "it is not signed (made before backups were signed, or its signature was removed)";
        }
        return MessageDigest.isEqual(stored, signer.signature()) ? null
                : "its signature does not match (it was changed after it was made, or made with another key)";
    }
}
