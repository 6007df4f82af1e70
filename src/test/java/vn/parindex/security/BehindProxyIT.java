package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.parindex.support.SignedIn.from;
import static vn.parindex.support.SignedIn.loginForm;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The real web server behind a reverse proxy ({@code server.forward-headers-strategy=native}): the client address
 * from X-Forwarded-For, HTTPS from X-Forwarded-Proto (Secure session cookie, HSTS); and logins while the database
 * cannot be reached (no connection to be had within the pool's timeout, which is how an unreachable server shows).
 * Only a proxy on this machine is trusted by default: a private address cannot fake X-Forwarded-For. Demo mode is
 * turned on explicitly (behind a proxy it is off by default). The public address is configured
 * ({@code parindex.public-url}): redirects go there whatever Host a client names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "parindex.test.database=proxy", "parindex.demo.enabled=true",
        "spring.datasource.hikari.maximum-pool-size=3", "parindex.public-url=" + BehindProxyIT.PUBLIC})
@AutoConfigureMockMvc
class BehindProxyIT {

    static final String PUBLIC = "https://cchc.tanyen.example.vn";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void redirectsGoToThePublicAddressWhateverHostTheClientNames() throws Exception {
        MockHttpServletResponse forged = mvc.perform(get("/todo").header("Host", "evil.example:8080"))
                .andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(302);
        assertThat(forged.getRedirectedUrl()).isEqualTo(PUBLIC + "/login");
        mvc.perform(loginForm("tuphap", "sai-mat-khau").header("Host", "evil.example").with(from("10.8.1.1")))
                .andExpect(redirectedUrl(PUBLIC + "/login?error"));
        // through the real server, with a forged forwarded host and port
        HttpResponse<String> real = send("/todo", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "444");
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location")).hasValue(PUBLIC + "/login");
    }

    @Test
    void theServerListensOnLoopbackByDefault(@Autowired org.springframework.core.env.Environment environment) {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void overHttpsThroughTheProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> secure = send("/login", "X-Forwarded-Proto", "https");
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("; Secure", "; HttpOnly", "SameSite=Lax"));
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).startsWith("max-age=31536000"));

        HttpResponse<String> plain = send("/login");
        assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").doesNotContain("Secure"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theClientAddressComesFromXForwardedFor() throws Exception {
        assertThat(send("/api/v1/cycles", "Authorization", basic("lanhdao", "sai"), "X-Forwarded-For",
                "203.0.113.7").statusCode()).isEqualTo(401);
        assertThat(throttle.failures("lanhdao", "203.0.113.7")).isEqualTo(1);
        assertThat(throttle.failures("lanhdao", "127.0.0.1")).as("not the proxy's address").isZero();
        for (int i = 0; i < 12; i++) {
            throttle.failed("lanhdao", "203.0.113.7");
        }
        HttpResponse<String> delayed = send("/api/v1/cycles", "Authorization", basic("lanhdao", "demo"),
                "X-Forwarded-For", "203.0.113.7", "Accept-Language", "en");
        assertThat(delayed.statusCode()).isEqualTo(429);
        assertThat(delayed.headers().firstValue("Retry-After")).isPresent();
        assertThat(delayed.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(delayed.body()).contains("\"title\":\"Too many failed logins\"");
        assertThat(send("/api/v1/cycles", "Authorization", basic("lanhdao", "demo"), "X-Forwarded-For",
                "203.0.113.8").statusCode()).as("another client behind the same proxy").isEqualTo(200);
    }

    /** What Tomcat's RemoteIpValve of the running server makes of a connection from {@code peer}. */
    private String clientSeenFrom(String peer, String forwardedFor) throws Exception {
        var server = (org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer();
        org.apache.catalina.valves.RemoteIpValve valve = java.util.Arrays.stream(
                server.getTomcat().getEngine().getPipeline().getValves())
                .filter(org.apache.catalina.valves.RemoteIpValve.class::isInstance)
                .map(org.apache.catalina.valves.RemoteIpValve.class::cast).findFirst().orElseThrow();
        var copy = new org.apache.catalina.valves.RemoteIpValve();
        copy.setInternalProxies(valve.getInternalProxies());
        copy.setTrustedProxies(valve.getTrustedProxies());
        copy.setRemoteIpHeader(valve.getRemoteIpHeader());
        copy.setProtocolHeader(valve.getProtocolHeader());
        String[] seen = new String[1];
        copy.setNext(new org.apache.catalina.valves.ValveBase() {
            @Override
            public void invoke(org.apache.catalina.connector.Request request,
                    org.apache.catalina.connector.Response response) {
                seen[0] = request.getRemoteAddr();
            }
        });
        var request = new org.apache.catalina.connector.Request(new org.apache.catalina.connector.Connector(),
                new org.apache.coyote.Request());
        request.setRemoteAddr(peer);
        request.setRemoteHost(peer);
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
        copy.invoke(request, new org.apache.catalina.connector.Response(new org.apache.coyote.Response()));
        return seen[0];
    }

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext context;

    @Test
    void onlyAProxyOnThisMachineIsTrustedByDefaultSoAPrivateAddressCannotFakeXForwardedFor() throws Exception {
        assertThat(clientSeenFrom("127.0.0.1", "203.0.113.7")).as("a proxy on this machine").isEqualTo("203.0.113.7");
        assertThat(clientSeenFrom("0:0:0:0:0:0:0:1", "203.0.113.7")).isEqualTo("203.0.113.7");
        for (String office : new String[] {"10.0.0.5", "192.168.1.20", "172.16.0.3", "169.254.1.1", "100.64.0.1",
                "fd00:0:0:0:0:0:0:1"}) {
            assertThat(clientSeenFrom(office, "203.0.113.7")).as("a computer at %s", office).isEqualTo(office);
        }
    }

    @Test
    void whileTheDatabaseIsUnreachableLoginsAnswer503AndCountAsNoFailure() throws Exception {
        mvc.perform(get("/api/v1/cycles").with(httpBasic("tuphap", "demo")).with(from("10.8.0.1")))
                .andExpect(status().isOk()); // remembered: the next check reads the account only
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
        long timeout = pool.getConnectionTimeout();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(250);
            // the outage is provoked: the ERROR lines production writes for it are expected here
            vn.parindex.support.ExpectedErrors.whileSilencing(() -> {
            for (String user : new String[] {"tuphap", "vhtt"}) {
                MockHttpServletResponse response = mvc.perform(get("/api/v1/cycles").with(httpBasic(user, "demo"))
                        .with(from("10.8.0.2"))).andReturn().getResponse();
                assertThat(response.getStatus()).as(user).isEqualTo(503);
                assertThat(response.getHeader("Retry-After")).isNotNull();
                assertThat(response.getContentType()).startsWith("application/problem+json");
                assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                        .contains("Không đọc được cơ sở dữ liệu tài khoản");
            }
            mvc.perform(loginForm("vhtt", "demo").with(from("10.8.0.3")))
                    .andExpect(redirectedUrl(PUBLIC + "/login?unavailable"));
            String page = mvc.perform(get("/login").param("unavailable", "")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("không đọc được cơ sở dữ liệu tài khoản").doesNotContain("không đúng");
            }, "vn.parindex.security.audit",
                    "org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter");
        } finally {
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
        // the throttle's counts are in the database too: read once it is back, nothing was counted meanwhile
        for (String user : new String[] {"tuphap", "vhtt"}) {
            assertThat(throttle.failures(user, "10.8.0.2")).as(user).isZero();
        }
        assertThat(throttle.failures("vhtt", "10.8.0.3")).isZero();
        mvc.perform(get("/api/v1/cycles").with(httpBasic("vhtt", "demo")).with(from("10.8.0.2")))
                .andExpect(status().isOk());
    }
}
