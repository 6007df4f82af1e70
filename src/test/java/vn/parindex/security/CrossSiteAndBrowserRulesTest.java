package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which API writes count as sent by another site, and which requests come from a browser (no Basic challenge to
 * those): the rules alone, on mock requests (no Spring context).
 */
class CrossSiteAndBrowserRulesTest {

    static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/assessments/1/approve");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }

    @ParameterizedTest(name = "Sec-Fetch-Site: {0} → cross-site {1}")
    @CsvSource({"same-origin, false", "none, false", "SAME-ORIGIN, false", "' none ', false", "same-site, true",
            "cross-site, true", "'', true", "bogus, true"})
    void secFetchSiteDecidesWhenPresent(String value, boolean crossSite) {
        MockHttpServletRequest request = request("http", "localhost", 8080);
        request.addHeader("Sec-Fetch-Site", value);
        // an Origin naming this very server does not overrule it
        request.addHeader("Origin", "http://localhost:8080");
        assertThat(CrossSiteWriteFilter.crossSite(request)).isEqualTo(crossSite);
    }

    @ParameterizedTest(name = "Origin {0} on http://par.example:8080 → cross-site {1}")
    @CsvSource({
            "http://par.example:8080, false", "HTTP://PAR.EXAMPLE:8080, false", "http://par.example, true",
            "https://par.example:8080, true", "http://evil.example:8080, true", "http://par.example.evil:8080, true",
            "http://sub.par.example:8080, true", "null, true", "'', true", "not a url, true", "file:///etc, true",
            "http://par.example:8081, true"})
    void withoutSecFetchSiteTheOriginMustBeThisServer(String origin, boolean crossSite) {
        MockHttpServletRequest request = request("http", "par.example", 8080);
        request.addHeader("Origin", origin);
        assertThat(CrossSiteWriteFilter.crossSite(request)).isEqualTo(crossSite);
    }

    @Test
    void defaultPortsAreTheSchemesOwn() {
        MockHttpServletRequest https = request("https", "par.example", 443);
        https.addHeader("Origin", "https://par.example");
        assertThat(CrossSiteWriteFilter.crossSite(https)).isFalse();
        MockHttpServletRequest http = request("http", "par.example", 80);
        http.addHeader("Origin", "http://par.example:80");
        assertThat(CrossSiteWriteFilter.crossSite(http)).isFalse();
        MockHttpServletRequest mixed = request("https", "par.example", 443);
        mixed.addHeader("Origin", "http://par.example:443");
        assertThat(CrossSiteWriteFilter.crossSite(mixed)).as("same port, other scheme").isTrue();
    }

    @Test
    void scriptsAndCurlSendNeitherHeaderAndAreNotCrossSite() {
        assertThat(CrossSiteWriteFilter.crossSite(request("http", "localhost", 8080))).isFalse();
    }

    @Test
    void readsAreNeverFiltered() {
        CrossSiteWriteFilter filter = new CrossSiteWriteFilter(null);
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "TRACE"}) {
            MockHttpServletRequest read = new MockHttpServletRequest(method, "/api/v1/cycles");
            read.addHeader("Sec-Fetch-Site", "cross-site");
            assertThat(filter.shouldNotFilter(read)).as(method).isTrue();
        }
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(filter.shouldNotFilter(new MockHttpServletRequest(method, "/api/v1/x"))).as(method).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sec-Fetch-Mode", "Sec-Fetch-Site"})
    void aSecFetchHeaderMeansABrowser(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cycles");
        request.addHeader(header, "navigate");
        assertThat(SecurityConfiguration.fromBrowser(request)).isTrue();
    }

    @ParameterizedTest(name = "Accept: {0} → browser {1}")
    @CsvSource(delimiter = '|', value = {"text/html,application/xhtml+xml,*/*;q=0.8|true", "text/html|true",
            "application/json|false", "*/*|false", "application/problem+json, application/json|false"})
    void askingForHtmlMeansABrowser(String accept, boolean browser) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cycles");
        request.addHeader("Accept", accept);
        assertThat(SecurityConfiguration.fromBrowser(request)).isEqualTo(browser);
    }

    @Test
    void noHeadersMeansAProgram() {
        assertThat(SecurityConfiguration.fromBrowser(new MockHttpServletRequest("GET", "/api/v1/cycles"))).isFalse();
    }

    @Test
    void thePagesContentSecurityPolicyAllowsNothingFromElsewhere() {
        String policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "form-action 'self'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http");
    }
}
