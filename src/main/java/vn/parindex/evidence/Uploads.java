package vn.parindex.evidence;

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
 * when the caller has checked the permission: {@link #receive} opens the body. The document's details (number,
 * date of issue, summary: {@link DocumentDetails}) are read and checked first: when they are bad, no file is received.
 * Closing deletes the temporary files.
 */
public final class Uploads implements AutoCloseable {

    /** How the date of issue is written: dd/MM/yyyy on pages, yyyy-MM-dd in the API. */
    public enum Dates { PAGE, API }

    private final List<UploadedFile> files;
    private final DocumentDetails details;

    private Uploads(List<UploadedFile> files, DocumentDetails details) {
        this.files = files;
        this.details = details;
    }

    /**
     * Opens the multipart body (after the permission check), checks the document's details (fields
     * {@code documentNumber}, {@code issuedOn}, {@code summary}: a 400 before any file is received) and receives the
     * files of part {@code name}.
     */
    public static Uploads receive(HttpServletRequest request, String name, long maxFileSize, Dates dates) {
        RequestLimits.openMultipart(request);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            // not a multipart body: no files (the API's evidence endpoint says which are required)
            return new Uploads(List.of(), DocumentDetails.NONE);
        }
        String number = request.getParameter("documentNumber");
        String issuedOn = request.getParameter("issuedOn");
        String summary = request.getParameter("summary");
        DocumentDetails details = dates == Dates.API ? DocumentDetails.fromApi(number, issuedOn, summary)
                : DocumentDetails.fromPage(number, issuedOn, summary);
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
        return new Uploads(List.copyOf(received), details);
    }

    public List<UploadedFile> files() {
        return files;
    }

    /** The document's details given with the files (checked), the same for each of them. */
    public DocumentDetails details() {
        return details;
    }

    @Override
    public void close() {
        files.forEach(UploadedFile::close);
    }
}
