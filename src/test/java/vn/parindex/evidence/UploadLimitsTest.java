package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** The request limit of an upload follows the file limit (5 files + 1 MB) unless the operator sets it. */
class UploadLimitsTest {

    private static MultipartConfigElement element(String fileSize, String requestSize) {
        MultipartProperties properties = new MultipartProperties();
        properties.setMaxFileSize(DataSize.parse(fileSize));
        MockEnvironment environment = new MockEnvironment();
        if (requestSize != null) {
            properties.setMaxRequestSize(DataSize.parse(requestSize));
            environment.setProperty(UploadLimits.REQUEST_SIZE_PROPERTY, requestSize);
        }
        properties.setFileSizeThreshold(DataSize.ofBytes(0));
        return new UploadLimits().multipartConfigElement(properties, environment);
    }

    @Test
    void theDefaultFileLimitGivesTheFormer101Megabytes() {
        MultipartConfigElement element = element("20MB", null);
        assertThat(element.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(20).toBytes());
        assertThat(element.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(101).toBytes());
        assertThat(element.getFileSizeThreshold()).isZero();
    }

    @Test
    void aLargerFileLimitRaisesTheRequestLimit() {
        assertThat(element("50MB", null).getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(251).toBytes());
        assertThat(element("1MB", null).getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(6).toBytes());
    }

    @Test
    void anExplicitRequestLimitIsKept() {
        assertThat(element("50MB", "120MB").getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(120).toBytes());
    }
}
