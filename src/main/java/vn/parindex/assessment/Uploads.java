package vn.parindex.assessment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.parindex.system.InvalidInputException;
import vn.parindex.web.RequestLimits;

/**
 * The files of a multipart request, received (copied to temporary files, hashed, their kind recognised) only
 * when the caller has checked the permission: {@link #receive} opens the body. Closing deletes the temporary files.
 */
final class Uploads implements AutoCloseable {

    private final List<UploadedFile> files;

    private Uploads(List<UploadedFile> files) {
        this.files = files;
    }

    /** Opens the multipart body (after the permission check) and receives the files of part {@code name}. */
    static Uploads receive(HttpServletRequest request, String name, long maxFileSize) {
        RequestLimits.openMultipart(request);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            // not a multipart body: no files (the API's evidence endpoint says which are required)
            return new Uploads(List.of());
        }
        List<MultipartFile> parts = multipart.getFiles(name).stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
                .toList();
        if (parts.size() > EvidenceService.MAX_FILES_PER_REQUEST) {
            throw InvalidInputException.of(name, "evidence.tooMany");
        }
        List<UploadedFile> received = new ArrayList<>();
        try {
            for (MultipartFile part : parts) {
                received.add(UploadedFile.receive(part, maxFileSize));
            }
        } catch (RuntimeException e) {
            received.forEach(UploadedFile::close);
            throw e;
        }
        return new Uploads(List.copyOf(received));
    }

    List<UploadedFile> files() {
        return files;
    }

    @Override
    public void close() {
        files.forEach(UploadedFile::close);
    }
}
