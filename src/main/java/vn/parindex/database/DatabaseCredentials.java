package vn.parindex.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded database's two roles, generated on the first start and kept in a file beside the
 * data ({@code database.properties}, readable and writable by its owner only).
 *
 * @param ownerPassword the schema owner's ({@code postgres}) password
 * @param appPassword the application role's password
 * @param created whether the file was created just now (the database does not know these passwords yet)
 */
record DatabaseCredentials(String ownerPassword, String appPassword, boolean created) {

    static final String OWNER_KEY = "owner.password";
    static final String APP_KEY = "app.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the file, or creates it with new random passwords; tightens its permissions to 600 either way. */
    static DatabaseCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file);
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String owner = properties.getProperty(OWNER_KEY, "");
            String app = properties.getProperty(APP_KEY, "");
            if (!owner.isBlank() && !app.isBlank()) {
                return new DatabaseCredentials(owner, app, false);
            }
        }
        DatabaseCredentials credentials = new DatabaseCredentials(generate(), generate(), true);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Could not create " + temporary, e);
        }
        Properties properties = new Properties();
        properties.setProperty(OWNER_KEY, credentials.ownerPassword());
        properties.setProperty(APP_KEY, credentials.appPassword());
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles (owner: postgres, application: "
                    + "the app role). Keep this file with the data; it is readable by its owner only.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return credentials;
    }

    private static void restrict(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
    }

    /** 192 random bits, URL-safe Base64: never needs quoting. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[created=" + created + "]";
    }
}
