package vn.parindex.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.parindex.web.ApiProblems;

/**
 * The API's answers from the security filters (401, 403, 429, 503) as problem documents in the caller's language,
 * written by {@link ApiProblems} from the keys {@code <key>.title} and {@code <key>.detail}.
 */
@Component
class SecurityProblems {

    private final ApiProblems problems;

    SecurityProblems(ApiProblems problems) {
        this.problems = problems;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
            Object... arguments) throws IOException {
        problems.write(request, response, status.value(), key + ".title", key + ".detail", arguments);
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, boolean challenge)
            throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PAR Index\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "api.401");
    }

    void delayed(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.429", retryAfter.toSeconds());
    }

    void busy(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException {
        response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "api.429busy", retryAfter.toSeconds());
    }

    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "api.503");
    }
}
