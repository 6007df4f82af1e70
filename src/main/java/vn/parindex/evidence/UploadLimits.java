package vn.parindex.evidence;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The multipart limits of the servlet container. The size of a whole upload request follows the per-file limit
 * ({@code parindex.evidence.max-file-size}): {@value EvidenceService#MAX_FILES_PER_REQUEST} files plus 1 MB for the
 * form's fields, so raising the file limit never leaves a request limit that refuses five full files. An operator
 * who sets {@code spring.servlet.multipart.max-request-size} explicitly keeps that value.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    static final String REQUEST_SIZE_PROPERTY = "spring.servlet.multipart.max-request-size";
    static final DataSize FORM_FIELDS = DataSize.ofMegabytes(1);

    /** Replaces Spring Boot's (which would default the request limit to 10 MB). */
    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, Environment environment) {
        DataSize file = properties.getMaxFileSize();
        DataSize request = environment.containsProperty(REQUEST_SIZE_PROPERTY) ? properties.getMaxRequestSize()
                : requestSize(file);
        DataSize threshold = properties.getFileSizeThreshold();
        return new MultipartConfigElement(properties.getLocation() == null ? "" : properties.getLocation(),
                file == null ? -1 : file.toBytes(), request == null ? -1 : request.toBytes(),
                threshold == null ? 0 : (int) threshold.toBytes());
    }

    static DataSize requestSize(DataSize file) {
        return file == null ? null
                : DataSize.ofBytes(Math.addExact(Math.multiplyExact(file.toBytes(),
                        (long) EvidenceService.MAX_FILES_PER_REQUEST), FORM_FIELDS.toBytes()));
    }
}
