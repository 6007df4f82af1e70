package vn.parindex.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a real web server (a random port, real Tomcat) and real PostgreSQL, for the {@code *IT}
 * classes that failsafe runs after the unit and MockMvc tests: the browser journeys, hostile inputs over HTTP, the
 * server behind a reverse proxy and the digest e-mail. Every class using it shares ONE application context per failsafe
 * JVM (the digest e-mail has its own database), so the
 * settings that only some of them need are set here for all, where they change nothing for the others:
 * <ul>
 * <li>behind a reverse proxy ({@code native} forwarded headers; a request without them is answered as before), with
 * demo mode on explicitly (behind a proxy it is off by default) and a small pool, so that a test can take every
 * connection;</li>
 * <li>an SMTP server on this machine: the digest schedule is off in tests, so mail is sent only when
 * {@code DigestMailIT} sends it, after pointing the mail sender at its own server (and back).</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parindex.test.database=real-server", "server.forward-headers-strategy=native", "parindex.demo.enabled=true",
        "spring.datasource.hikari.maximum-pool-size=3", "spring.mail.host=127.0.0.1",
        "parindex.mail.from=cchc@tanyen.example", "parindex.mail.base-url=http://cchc.tanyen.local/"})
@AutoConfigureMockMvc
public @interface RealServerTest {
}
