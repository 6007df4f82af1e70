package vn.parindex.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document answered as a download: {@code Content-Disposition: attachment} with its file name (UTF-8 names as
 * RFC 6266 writes them) and its type. The office formats' types are here once.
 */
public final class Attachment {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Attachment() {
    }

    /** The bytes as a download named {@code fileName}, of {@code type}. */
    public static ResponseEntity<byte[]> of(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(body);
    }
}
