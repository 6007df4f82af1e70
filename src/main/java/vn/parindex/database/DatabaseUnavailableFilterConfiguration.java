package vn.parindex.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.parindex.web.ApiProblems;

/**
 * The 503 answer for a database that cannot be reached when the error comes from outside a controller (a servlet
 * filter that reads the database, e.g. the kept pages) or was handled by no advice: a problem document under
 * {@code /api}, the error page (status 503) otherwise.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilterConfiguration.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(ApiProblems problems) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                        throw e;
                    }
                    log.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(),
                            request.getRequestURI(), e.toString());
                    response.reset();
                    response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
                    if (ApiProblems.isApi(request)) {
                        problems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                                DatabaseUnavailable.TITLE_KEY, DatabaseUnavailable.TEXT_KEY);
                    } else {
                        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        registration.setName("databaseUnavailable");
        return registration;
    }
}
