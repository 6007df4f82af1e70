package vn.parindex.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.parindex.system.PositiveSize;

/**
 * Request and response sizes.
 *
 * @param maxBodySize the largest JSON or form body ({@link RequestLimits}: larger ones get 413 before being read;
 *        {@code server.tomcat.max-http-form-post-size} follows it)
 * @param socketWriteBuffer the buffer a response is written to the socket through ({@link ResponseBuffers})
 */
@Validated
@ConfigurationProperties("parindex.web")
public record WebLimitsProperties(@DefaultValue("1MB") @PositiveSize(max = Integer.MAX_VALUE) DataSize maxBodySize,
        @DefaultValue("64KB") @PositiveSize(max = 16 * 1024 * 1024) DataSize socketWriteBuffer) {
}
