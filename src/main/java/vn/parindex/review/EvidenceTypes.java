package vn.parindex.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    /** The kind of the file, when its content is of the kind its extension names. */
    static Optional<Kind> recognise(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || content == null || content.length == 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        Kind kind = detect(content, extension);
        return kind != null && kind.hasExtension(extension) ? Optional.of(kind) : Optional.empty();
    }

    private static Kind detect(byte[] content, String extension) {
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
            return officeKind(content);
        }
        return null;
    }

    /** A Word or Excel (Office Open XML) package: a zip holding {@code word/} or {@code xl/} parts. */
    private static Kind officeKind(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 1000) {
                if (entry.getName().startsWith("word/")) {
                    return Kind.DOCX;
                }
                if (entry.getName().startsWith("xl/")) {
                    return Kind.XLSX;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
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
