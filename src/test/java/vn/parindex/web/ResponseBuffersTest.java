package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

/** The socket write buffer reaches Tomcat's connector (a page leaves in one write, not one per 8 KB). */
class ResponseBuffersTest {

    @Test
    void theConnectorGetsTheConfiguredWriteBuffer() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new ResponseBuffers(new WebLimitsProperties(DataSize.ofMegabytes(1), DataSize.ofKilobytes(64))).customize(factory);
        Connector connector = new Connector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isNotEqualTo("65536");
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("65536");
    }
}
