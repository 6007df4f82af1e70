package vn.parindex.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Evidence documents (uploaded on a criterion's page and on a task's page, so kept here, below both).
 *
 * @param maxFileSize at most this much per file ({@code spring.servlet.multipart.max-file-size} follows it)
 */
@Validated
@ConfigurationProperties("parindex.evidence")
public record EvidenceProperties(
        @DefaultValue("20MB") @PositiveSize(max = 2L * 1024 * 1024 * 1024 - 1) DataSize maxFileSize) {
}
