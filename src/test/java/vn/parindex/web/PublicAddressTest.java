package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Redirects on the configured public address, whatever Host the request named. */
class PublicAddressTest {

    final URI base = URI.create("https://cchc.tanyen.gov.vn");

    private MockHttpServletRequest forged() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cycles/2023/reports");
        request.addHeader("Host", "evil.example");
        return request;
    }

    @Test
    void aRelativeOrAbsoluteRedirectGoesToThePublicAddressKeepingPathAndQuery() {
        assertThat(PublicAddress.rewrite(base, "/login", forged())).isEqualTo("https://cchc.tanyen.gov.vn/login");
        assertThat(PublicAddress.rewrite(base, "http://evil.example/login?error", forged()))
                .isEqualTo("https://cchc.tanyen.gov.vn/login?error");
        assertThat(PublicAddress.rewrite(base, "http://evil.example:8080/cycles/2023?x=%C4%91#top", forged()))
                .isEqualTo("https://cchc.tanyen.gov.vn/cycles/2023?x=%C4%91#top");
        assertThat(PublicAddress.rewrite(base, "//evil.example/todo", forged()))
                .isEqualTo("https://cchc.tanyen.gov.vn/todo");
        assertThat(PublicAddress.rewrite(base, "2023-Q1", forged()))
                .isEqualTo("https://cchc.tanyen.gov.vn/cycles/2023/2023-Q1");
        assertThat(PublicAddress.rewrite(URI.create("https://portal.example.vn:8443/cchc/"), "/login", forged()))
                .isEqualTo("https://portal.example.vn:8443/cchc/login");
    }

    @Test
    void onlyAnHttpAddressWithAHostAndNoQueryIsAccepted() {
        for (String bad : new String[] {"cchc.tanyen.gov.vn", "ftp://x.vn", "https://x.vn/?a=1", "https:///path",
                "https://user@x.vn"}) {
            assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> new PublicAddress.Properties(URI.create(bad)));
        }
        assertThat(new PublicAddress.Properties(null).publicUrl()).isNull();
    }
}
