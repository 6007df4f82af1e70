package vn.parindex.review;

/** A file as received from a form or the API. */
public record UploadedFile(String fileName, byte[] content) {

    public static UploadedFile of(org.springframework.web.multipart.MultipartFile file) {
        try {
            return new UploadedFile(file.getOriginalFilename(), file.getBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public boolean isEmpty() {
        return content == null || content.length == 0;
    }
}
