package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.parindex.system.BusinessClock;

/**
 * Rendered fragments and API answers kept per data revision under a key made in one place (the address, the day,
 * the language, the audience): served again while nothing changed, rendered again after a write, never shared
 * between addresses or audiences, never kept from a request that may write.
 */
class KeptFragmentsTest {

    static final String TEMPLATE = "<div th:fragment=\"f\" th:text=\"${x}\">x</div>";

    final AtomicLong database = new AtomicLong(1);
    final DataRevision revisions = new DataRevision(database::get, Duration.ZERO, System::nanoTime);
    final BusinessClock clock = BusinessClock.of(Clock.system(BusinessClock.VIETNAM), LocalDate.of(2023, 5, 2));
    final AtomicInteger renders = new AtomicInteger();

    RenderedFragments fragments(boolean keep) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        StaticApplicationContext context = new StaticApplicationContext();
        context.refresh();
        return new RenderedFragments(engine, context, new DefaultConversionService(), CachesTest.manager(), revisions,
                clock, new PagesProperties(Duration.ofSeconds(1), true, keep));
    }

    static void request(String method, String uri, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
    }

    String render(RenderedFragments fragments, Object audience) {
        return fragments.html(audience, TEMPLATE, "f", () -> Map.of("x", "lần " + renders.incrementAndGet()));
    }

    @AfterEach
    void leaveRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void servedAgainWhileNothingChangedAndRenderedAgainAfterAWrite() {
        RenderedFragments fragments = fragments(true);
        request("GET", "/cycles/2023/appendix");
        String first = render(fragments, RenderedFragments.EVERYONE);
        assertThat(first).contains("lần 1");
        request("GET", "/cycles/2023/appendix");
        assertThat(render(fragments, RenderedFragments.EVERYONE)).isEqualTo(first);
        assertThat(renders).hasValue(1);

        database.incrementAndGet(); // a write anywhere
        request("GET", "/cycles/2023/appendix");
        assertThat(render(fragments, RenderedFragments.EVERYONE)).contains("lần 2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void keptApartByAddressParametersAndAudience() {
        RenderedFragments fragments = fragments(true);
        request("GET", "/cycles/2023/appendix");
        assertThat(render(fragments, 7L)).contains("lần 1");
        request("GET", "/cycles/2023/appendix");
        assertThat(render(fragments, 8L)).as("another unit").contains("lần 2");
        request("GET", "/cycles/2023/appendix", "all", "true");
        assertThat(render(fragments, 7L)).as("another parameter").contains("lần 3");
        request("GET", "/cycles/2024/appendix");
        assertThat(render(fragments, 7L)).as("another address").contains("lần 4");
        request("GET", "/cycles/2023/appendix");
        assertThat(render(fragments, 7L)).contains("lần 1");
    }

    @Test
    void neverKeptFromARequestThatMayWriteNorWhenTurnedOff() {
        RenderedFragments fragments = fragments(true);
        request("POST", "/cycles/2023/calendar", "monthDueDay", "5");
        assertThat(render(fragments, RenderedFragments.EVERYONE)).contains("lần 1");
        request("GET", "/cycles/2023/calendar");
        assertThat(render(fragments, RenderedFragments.EVERYONE)).contains("lần 2");

        RenderedFragments always = fragments(false);
        request("GET", "/x");
        assertThat(render(always, RenderedFragments.EVERYONE)).contains("lần 3");
        assertThat(render(always, RenderedFragments.EVERYONE)).contains("lần 4");
    }

    @Test
    void apiAnswersAreKeptPerAddressAndRevision() {
        KeptJson kept = new KeptJson(CachesTest.manager(), revisions, JsonMapper.builder().build(), clock,
                new PagesProperties(Duration.ofSeconds(1), true, true));
        AtomicInteger reads = new AtomicInteger();
        request("GET", "/api/v1/cycles/2023/criteria", "page", "1");
        byte[] first = kept.bytes(() -> Map.of("reads", reads.incrementAndGet()));
        request("GET", "/api/v1/cycles/2023/criteria", "page", "1");
        assertThat(kept.bytes(() -> Map.of("reads", reads.incrementAndGet()))).isEqualTo(first);
        request("GET", "/api/v1/cycles/2023/criteria", "page", "2");
        kept.bytes(() -> Map.of("reads", reads.incrementAndGet()));
        assertThat(reads).hasValue(2);
        database.incrementAndGet();
        request("GET", "/api/v1/cycles/2023/criteria", "page", "1");
        assertThat(new String(kept.bytes(() -> Map.of("reads", reads.incrementAndGet())))).contains("3");
    }
}
