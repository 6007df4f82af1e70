package vn.parindex.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.IntegrationTest;

/**
 * The embedded database's postmaster killed under the running application: pages and API answer 503 within
 * seconds, readiness goes DOWN while liveness stays UP, and once the server is started again (by the watchdog,
 * here called by hand so that the outage lasts as long as the test needs) everything answers again.
 */
@IntegrationTest
// a pool that gives up after 1 s instead of the application's 3 s: five refused requests wait 5 s, not 15
@TestPropertySource(properties = {"parindex.database.watchdog-interval=1h", "parindex.test.database=outage",
        "spring.datasource.hikari.connection-timeout=1000"})
@DirtiesContext
class DatabaseOutageIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    AppUserRepository users;

    private Authentication signedIn(String username) {
        var u = users.findByUsernameWithUnit(username).orElseThrow();
        CurrentUser user = new CurrentUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getPasswordHash(),
                u.getRole(), u.getUnit() == null ? null : u.getUnit().getId(),
                u.getUnit() == null ? null : u.getUnit().getCode(), u.getUnit() == null ? null : u.getUnit().getName(),
                u.isEnabled());
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    private MvcResult timed(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        long started = System.nanoTime();
        MvcResult result = mvc.perform(request).andReturn();
        // Hikari's connection timeout (3 s, here 1 s) bounds the wait; the former default made each request wait 30 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        return result;
    }

    @Test
    void pagesAndApiAnswer503AndHealthGoesDownUntilTheServerRunsAgain() throws Exception {
        Authentication leader = signedIn("lanhdao");
        assertThat(mvc.perform(get("/api/v1/cycles/2023/criteria").with(authentication(leader))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        long killed = database.postmasterPid();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        while (Postmasters.running(killed)) {
            Thread.sleep(50);
        }

        MvcResult api = timed(get("/api/v1/cycles/2023/criteria").with(authentication(leader)));
        assertThat(api.getResponse().getStatus()).isEqualTo(503);
        assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(api.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":503").contains("Cơ sở dữ liệu tạm thời không truy cập được");

        MvcResult english = timed(get("/api/v1/cycles/2023/summary").with(authentication(leader))
                .header("Accept-Language", "en").param("lang", "en"));
        assertThat(english.getResponse().getStatus()).isEqualTo(503);

        MvcResult page = timed(get("/cycles/2023/points").with(authentication(leader)));
        assertThat(page.getResponse().getStatus()).isEqualTo(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("5");
        if (page.getModelAndView() != null) { // else answered by the filter, through the error page
            assertThat(page.getModelAndView().getViewName()).isEqualTo("error");
        }

        // the dashboard reads the data revision in a servlet filter, outside any controller
        MvcResult dashboard = timed(get("/").with(authentication(leader)));
        assertThat(dashboard.getResponse().getStatus()).isEqualTo(503);

        MvcResult readiness = timed(get("/actuator/health/readiness"));
        assertThat(readiness.getResponse().getStatus()).isEqualTo(503);
        assertThat(readiness.getResponse().getContentAsString()).contains("DOWN");
        assertThat(mvc.perform(get("/actuator/health/liveness")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        assertThat(database.restartIfStopped()).isTrue();
        assertThat(database.restartIfStopped()).as("running: nothing to do").isFalse();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = mvc.perform(get("/api/v1/cycles/2023/criteria").with(authentication(leader))).andReturn()
                    .getResponse().getStatus();
        }
        assertThat(status).as("the pool reconnected").isEqualTo(200);
        assertThat(mvc.perform(get("/cycles/2023/points").with(authentication(leader))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
