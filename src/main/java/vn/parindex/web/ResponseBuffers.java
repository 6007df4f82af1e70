package vn.parindex.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's write buffer per connection ({@code socket.appWriteBufSize}, 8 KB by default), large enough that a page
 * or a page of JSON (15–60 KB) leaves in one write to the socket instead of one per 8 KB.
 *
 * <p>Measured (bench/pages.sh, async-profiler): with 8 KB, the system call {@code write} alone was 15 % of the
 * CPU of a 30 KB JSON answer. Costs the buffer's size once per open connection (at most
 * {@code server.tomcat.max-connections}, buffers are reused).
 */
@Component
class ResponseBuffers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final int bytes;

    ResponseBuffers(WebLimitsProperties settings) {
        this.bytes = Math.toIntExact(settings.socketWriteBuffer().toBytes());
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(bytes)));
    }
}
