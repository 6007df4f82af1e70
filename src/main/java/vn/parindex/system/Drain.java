package vn.parindex.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of stopping an instance behind a proxy (SIGTERM, a rolling upgrade): when the application context
 * starts closing, Spring Boot turns readiness to refusing traffic ({@code /actuator/health/readiness} answers 503);
 * this bean, stopped before the web server's graceful shutdown, then waits {@code parindex.shutdown.drain} (5 s)
 * while the instance still serves everything, so the proxy's health check (every second) takes it out and sends the
 * next requests elsewhere. Only then does Tomcat stop taking connections and finish the requests in flight. Without
 * the wait, the connections the proxy keeps open to this instance would be closed under requests just sent on them.
 * 0 in tests (no proxy).
 */
@Component
class Drain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);

    private final Duration drain;
    private volatile boolean running;

    Drain(@Value("${parindex.shutdown.drain:5s}") Duration drain) {
        if (drain.isNegative() || drain.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("parindex.shutdown.drain must be between 0 and 5 minutes");
        }
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero()) {
            return;
        }
        log.info("Stopping: readiness is down; still serving for {} s while the proxy stops sending requests here",
                drain.toMillis() / 1000.0);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first: before the web server's graceful shutdown (a lower phase), so requests are still served. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
