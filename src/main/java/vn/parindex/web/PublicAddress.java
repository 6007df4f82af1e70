package vn.parindex.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Redirects built from the address people use, not from the request's {@code Host} header: with
 * {@code parindex.public-url} set ({@code PARINDEX_PUBLIC_URL}, e.g. {@code https://cchc.tanyen.gov.vn}, the address
 * the reverse proxy publishes), every redirect and {@code Location} header of the application (the sign-in page,
 * after signing in or out, after a form) points there, whatever {@code Host} or {@code X-Forwarded-Host} a client
 * sent. Without it nothing changes (the server builds them from the request, as on a loopback-only installation).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicAddress.Properties.class)
public class PublicAddress {

    /**
     * @param publicUrl the application's public address (scheme, host, port if not the default, no query); empty:
     *        redirects follow the request
     */
    @ConfigurationProperties("parindex")
    public record Properties(URI publicUrl) {

        public Properties {
            if (publicUrl != null && (publicUrl.getScheme() == null
                    || !publicUrl.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    || publicUrl.getHost() == null || publicUrl.getRawQuery() != null
                    || publicUrl.getRawFragment() != null || publicUrl.getRawUserInfo() != null)) {
                throw new IllegalArgumentException("parindex.public-url must be an http(s) address with a host and "
                        + "no query, e.g. https://cchc.example.gov.vn: " + publicUrl);
            }
        }
    }

    /** Before the security filters: their redirects (to the sign-in page, after it) are rewritten too. */
    @Bean
    FilterRegistrationBean<Filter> publicAddressRedirects(Properties properties) {
        URI base = properties.publicUrl();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                chain.doFilter(request, base == null ? response
                        : new Redirects((HttpServletRequest) request, (HttpServletResponse) response, base)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setEnabled(base != null);
        registration.setName("publicAddressRedirects");
        return registration;
    }

    /** {@code location} on the public address {@code base}: its path, query and fragment kept, its host not. */
    static String rewrite(URI base, String location, HttpServletRequest request) {
        if (location == null) {
            return null;
        }
        URI target;
        try {
            target = new URI(location);
        } catch (URISyntaxException e) {
            return location; // not ours to mend; the container refuses it or sends it as it is
        }
        if (!target.isAbsolute() && target.getRawAuthority() == null && !location.startsWith("/")) {
            target = URI.create(request.getRequestURI()).resolve(target); // "login?error" next to the page
        }
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        StringBuilder url = new StringBuilder(base.getScheme().toLowerCase(Locale.ROOT)).append("://")
                .append(base.getRawAuthority()).append(basePath).append(path);
        if (target.getRawQuery() != null) {
            url.append('?').append(target.getRawQuery());
        }
        if (target.getRawFragment() != null) {
            url.append('#').append(target.getRawFragment());
        }
        return url.toString();
    }

    private static final class Redirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final URI base;

        Redirects(HttpServletRequest request, HttpServletResponse response, URI base) {
            super(response);
            this.request = request;
            this.base = base;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(rewrite(base, location, request));
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(rewrite(base, location, request), status, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(base, value, request) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Location".equalsIgnoreCase(name) ? rewrite(base, value, request) : value);
        }
    }
}
