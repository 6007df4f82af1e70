package vn.parindex.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.parindex.system.InvalidInputException;
import vn.parindex.web.RequestLimits;

/**
 * An uploaded table, opened only after the permission check (multipart bodies are resolved lazily), copied to a
 * temporary file while counting (never more than {@link SheetReader#MAX_FILE_SIZE} + 1 bytes), with the form's
 * fields. Closing deletes the file.
 */
record ImportUpload(Path file, String fileName, boolean tooLarge, String year, String kind, String dryRun,
        String level, String scaleTo100) implements AutoCloseable {

    /** Opens the request's body and receives part {@code file} and the fields. */
    static ImportUpload receive(HttpServletRequest request) {
        RequestLimits.openMultipart(request);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            throw InvalidInputException.of("file", "import.fileRequired");
        }
        List<MultipartFile> files = multipart.getFiles("file");
        if (files.size() != 1 || files.get(0).isEmpty() && (files.get(0).getOriginalFilename() == null
                || files.get(0).getOriginalFilename().isBlank())) {
            throw InvalidInputException.of("file", files.size() > 1 ? "import.oneFile" : "import.fileRequired");
        }
        MultipartFile part = files.get(0);
        String name = part.getOriginalFilename() == null ? "" : part.getOriginalFilename();
        String shortName = name.length() > 200 ? name.substring(0, 200) : name;
        boolean tooLarge = part.getSize() > SheetReader.MAX_FILE_SIZE;
        Path temp = null;
        try {
            temp = Files.createTempFile("parindex-import-", ".part");
            if (!tooLarge) {
                try (InputStream in = part.getInputStream()) {
                    Files.copy(new java.io.BufferedInputStream(in), temp, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        }
        return new ImportUpload(temp, shortName, tooLarge, multipart.getParameter("year"),
                multipart.getParameter("kind"), multipart.getParameter("dryRun"), multipart.getParameter("level"),
                multipart.getParameter("scaleTo100"));
    }

    /** An upload kept for confirming later (the page's preview): the same bytes in a new temporary file. */
    static ImportUpload of(byte[] content, String fileName, String year, String kind, String level,
            String scaleTo100) throws IOException {
        Path temp = Files.createTempFile("parindex-import-", ".part");
        Files.write(temp, content);
        return new ImportUpload(temp, fileName, false, year, kind, "false", level, scaleTo100);
    }

    /** Whether the upload names a level (a level's framework for the province's index). */
    boolean hasLevel() {
        return level != null && !level.isBlank();
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file: the system's clean-up takes it
            }
        }
    }
}
