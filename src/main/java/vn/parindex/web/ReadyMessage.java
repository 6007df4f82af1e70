package vn.parindex.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says, once the application is ready, the address to open in a browser: the last line of a start is what a
 * newcomer reads.
 */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final Environment environment;

    ReadyMessage(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // no web server (a command such as restore, or a test without one)
        }
        log.info("Phần mềm đã sẵn sàng, mở trong trình duyệt / ready, open in a browser: {}",
                address(environment.getProperty("server.address"), port,
                        environment.getProperty("server.servlet.context-path", "")));
    }

    /** The address to open: this machine's name for a loopback or wildcard listener, else the address listened on. */
    static String address(String listening, String port, String contextPath) {
        String host = listening == null || listening.isBlank() || listening.equals("0.0.0.0")
                || listening.equals("::") || listening.startsWith("127.") || listening.equals("::1")
                ? "localhost" : listening.contains(":") ? "[" + listening + "]" : listening;
        String path = contextPath == null || contextPath.isBlank() || contextPath.equals("/") ? "/"
                : (contextPath.startsWith("/") ? contextPath : "/" + contextPath) + "/";
        return "http://" + host + ":" + port + path.replace("//", "/");
    }
}
