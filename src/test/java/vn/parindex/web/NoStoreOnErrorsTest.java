package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An answer that is not what was asked for loses the revision's tag and may not be kept. */
class NoStoreOnErrorsTest {

    final NoStoreOnErrors filter = new NoStoreOnErrors();

    /** Runs the filter over a handler that tags the answer first (as RevisionETags does), then does {@code then}. */
    MockHttpServletResponse run(String method, ThrowingConsumer then) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setHeader("ETag", "W/\"run-7\"");
            http.setHeader("Cache-Control", "private, no-cache");
            then.accept(http);
        };
        filter.doFilter(new MockHttpServletRequest(method, "/cycles/2023/appendix"), response, chain);
        return response;
    }

    interface ThrowingConsumer {
        void accept(HttpServletResponse response) throws java.io.IOException;
    }

    @Test
    void aPageOrANotModifiedKeepsItsTag() throws Exception {
        for (int status : new int[] {200, 304}) {
            MockHttpServletResponse ok = run("GET", r -> r.setStatus(status));
            assertThat(ok.getHeader("ETag")).isEqualTo("W/\"run-7\"");
            assertThat(ok.getHeader("Cache-Control")).isEqualTo("private, no-cache");
        }
    }

    @Test
    void anErrorOrARedirectLosesItsTag() throws Exception {
        for (ThrowingConsumer answer : new ThrowingConsumer[] {r -> r.sendError(404), r -> r.sendError(503, "down"),
                r -> r.setStatus(409), r -> r.sendRedirect("/login")}) {
            MockHttpServletResponse refused = run("HEAD", answer);
            assertThat(refused.getHeader("ETag")).isNull();
            assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void anExceptionNoAdviceAnsweredLosesItsTagAndGoesOn() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> {
            ((HttpServletResponse) res).setHeader("ETag", "W/\"run-7\"");
            throw new IllegalStateException("a template that cannot be rendered");
        };
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/"), response, chain))
                .isInstanceOf(IllegalStateException.class);
        assertThat(response.getHeader("ETag")).isNull();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aWriteIsLeftAlone() throws Exception {
        MockHttpServletResponse posted = run("POST", r -> r.setStatus(400));
        assertThat(posted.getHeader("ETag")).isEqualTo("W/\"run-7\"");
    }
}
