package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.parindex.ParIndexApplication;

/**
 * Stopping an instance behind a proxy: readiness goes down at once while the instance still serves for the drain
 * period, so the proxy's health check sends the next requests elsewhere before Tomcat stops taking connections.
 * The application started as in production (its own throw-away embedded database), stopped as SIGTERM does.
 */
class DrainIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // refused: the server no longer listens
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    @Test
    void readinessGoesDownWhileTheInstanceStillServesThenItStops() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ParIndexApplication.class)
                .run("--server.port=0", "--parindex.shutdown.drain=3s", "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
        Thread stopping = new Thread(app::close, "stopping");
        long started = System.nanoTime();
        stopping.start();
        int readiness = 200;
        while (readiness == 200 && System.nanoTime() - started < Duration.ofSeconds(2).toNanos()) {
            Thread.sleep(50);
            readiness = status(port, "/actuator/health/readiness");
        }
        // out of the proxy's rotation, but still answering: a request sent meanwhile is served
        assertThat(readiness).isEqualTo(503);
        assertThat(status(port, "/login")).isEqualTo(200);
        assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
        stopping.join(Duration.ofSeconds(60).toMillis());
        assertThat(stopping.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(status(port, "/login")).isEqualTo(-1);
    }
}
