package vn.parindex.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file as received from a form or the API, copied once to a temporary file while its SHA-256 is computed: never
 * held whole in memory. Its kind is recognised when it is received, before any database transaction. Close it to
 * delete the temporary file.
 */
public final class UploadedFile implements AutoCloseable {

    private final String fileName;
    private final Path path;
    private final long size;
    private final String sha256;
    private final boolean tooLarge;
    private final EvidenceTypes.Kind kind;

    private UploadedFile(String fileName, Path path, long size, String sha256, boolean tooLarge,
            EvidenceTypes.Kind kind) {
        this.fileName = fileName;
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
        this.tooLarge = tooLarge;
        this.kind = kind;
    }

    /** Receives a part: at most {@code maxSize} bytes are copied; a larger file is only marked too large. */
    public static UploadedFile receive(MultipartFile file, long maxSize) {
        String name = file.getOriginalFilename();
        if (file.getSize() > maxSize) {
            return new UploadedFile(name, null, file.getSize(), null, true, null);
        }
        if (file.isEmpty()) {
            return new UploadedFile(name, null, 0, null, false, null);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("parindex-upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long copied;
            try (InputStream in = new DigestInputStream(file.getInputStream(), digest);
                    OutputStream out = Files.newOutputStream(temp)) {
                copied = copy(in, out, maxSize + 1);
            }
            if (copied > maxSize) {
                Files.deleteIfExists(temp);
                return new UploadedFile(name, null, copied, null, true, null);
            }
            EvidenceTypes.Kind kind = EvidenceTypes.recognise(name, temp, copied).orElse(null);
            return new UploadedFile(name, temp, copied, HexFormat.of().formatHex(digest.digest()), false, kind);
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            delete(temp);
            throw new IllegalStateException(e);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    String sha256() {
        return sha256;
    }

    Optional<EvidenceTypes.Kind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The content, read from the temporary file. */
    InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
