package vn.parindex.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of evidence documents accepted — PDF, Word, Excel, images — recognised from their content, not only
 * their name: a file is accepted only when its bytes are of the kind its extension names.
 */
final class EvidenceTypes {

    /** An accepted kind of document. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        DOC("application/msword", "doc"),
        XLS("application/vnd.ms-excel", "xls"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg");

        final String contentType;
        final String[] extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        boolean hasExtension(String extension) {
            for (String e : extensions) {
                if (e.equals(extension)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private EvidenceTypes() {
    }

    /** Most entries a Word or Excel package may list. */
    static final int MAX_ZIP_ENTRIES = 10_000;
    /** Largest size an entry may declare once inflated. */
    static final long MAX_ENTRY_SIZE = 200L * 1024 * 1024;
    /** Largest inflated size of all entries together. */
    static final long MAX_TOTAL_SIZE = 1024L * 1024 * 1024;
    /** Largest inflated/compressed ratio an entry may declare (ordinary XML packs 10–30 times). */
    static final long MAX_RATIO = 200;
    /** At most this much of [Content_Types].xml is inflated. */
    static final int MAX_CONTENT_TYPES_BYTES = 64 * 1024;

    /** The kind of the file, when its content (a file on disk) is of the kind its extension names. */
    static Optional<Kind> recognise(String fileName, Path file, long size) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || file == null || size <= 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        Kind kind = detect(Arrays.copyOf(head, read), extension, file);
        return kind != null && kind.hasExtension(extension) ? Optional.of(kind) : Optional.empty();
    }

    private static Kind detect(byte[] content, String extension, Path file) {
        if (startsWith(content, PDF)) {
            return Kind.PDF;
        }
        if (startsWith(content, PNG)) {
            return Kind.PNG;
        }
        if (startsWith(content, JPEG)) {
            return Kind.JPEG;
        }
        if (startsWith(content, OLE2)) {
            return "xls".equals(extension) ? Kind.XLS : Kind.DOC;
        }
        if (startsWith(content, ZIP)) {
            return officeKind(file);
        }
        return null;
    }

    /**
     * A Word or Excel (Office Open XML) package: a zip holding {@code word/} or {@code xl/} parts. Only the central
     * directory is read (nothing inflated) to find them and to refuse absurd declared sizes and ratios; then at most
     * {@code [Content_Types].xml} is inflated, up to a hard limit, to confirm the main part's type.
     */
    static Kind officeKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                return null;
            }
            boolean word = false;
            boolean excel = false;
            long total = 0;
            ZipEntry contentTypes = null;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || compressed < 0 || size > MAX_ENTRY_SIZE
                        || (size > 1024 * 1024 && size > Math.max(compressed, 1) * MAX_RATIO)) {
                    return null;
                }
                total += size;
                if (total > MAX_TOTAL_SIZE) {
                    return null;
                }
                String name = entry.getName();
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = entry;
                }
            }
            if (word == excel || contentTypes == null || contentTypes.getSize() > MAX_CONTENT_TYPES_BYTES) {
                return null;
            }
            String types;
            try (InputStream in = zip.getInputStream(contentTypes)) {
                byte[] bytes = in.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
                if (bytes.length > MAX_CONTENT_TYPES_BYTES) {
                    return null;
                }
                types = new String(bytes, StandardCharsets.UTF_8);
            }
            if (word && types.contains("wordprocessingml")) {
                return Kind.DOCX;
            }
            if (excel && types.contains("spreadsheetml")) {
                return Kind.XLSX;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
