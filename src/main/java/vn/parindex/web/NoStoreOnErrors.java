package vn.parindex.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An answer to a GET or HEAD that is not the page or data asked for (an error, a redirect) is never kept by a browser
 * or revalidated: {@link RevisionETags} tags an address before its handler runs, so without this a 404 or a 503 on a
 * tagged address would carry the revision's {@code ETag} and {@code Cache-Control: private, no-cache}, and a client
 * could be told "304, still current" about an error. Such answers lose the tag and say {@code no-store}. Runs before
 * Spring Security, so that the refusals it sends are covered too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NoStoreOnErrors extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, wrap(response));
        } catch (IOException | ServletException | RuntimeException e) {
            // not handled by any advice: the container answers 500 itself, past the wrapper
            noStoreUnlessAnswered(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        }
    }

    private static HttpServletResponse wrap(HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status);
                noStoreUnlessAnswered(this, status);
            }

            @Override
            public void sendError(int status) throws IOException {
                noStoreUnlessAnswered(this, status);
                super.sendError(status);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                noStoreUnlessAnswered(this, status);
                super.sendError(status, message);
            }

            @Override
            public void sendRedirect(String location) throws IOException {
                noStoreUnlessAnswered(this, HttpServletResponse.SC_FOUND);
                super.sendRedirect(location);
            }
        };
    }

    /** Whether an answer of this status is what was asked for (2xx) or says the client's copy is current (304). */
    static boolean answered(int status) {
        return status >= 200 && status < 300 || status == HttpServletResponse.SC_NOT_MODIFIED;
    }

    private static void noStoreUnlessAnswered(HttpServletResponse response, int status) {
        if (!answered(status) && !response.isCommitted()) {
            // a null value removes the header (Servlet 6.1)
            response.setHeader(HttpHeaders.ETAG, null);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
