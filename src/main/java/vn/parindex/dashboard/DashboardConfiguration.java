package vn.parindex.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.parindex.web.CachedPages;
import vn.parindex.web.KeptPages;
import vn.parindex.web.RevisionETags;

/**
 * What is rendered from the data revision alone answers conditional requests ({@code ETag}, {@code 304}): the
 * dashboard, the appendix, a domain's rows and the read API's summary, criteria and dashboard. The dashboard is also
 * served again without rendering while unchanged ({@link CachedPages}: kept because measured, see there).
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    static final String[] PAGES = {"/", "/cycles/*/appendix", "/cycles/*/domains/*/rows"};
    static final String[] API = {"/api/v1/cycles/*/summary", "/api/v1/cycles/*/criteria",
        "/api/v1/cycles/*/dashboard"};

    private final RevisionETags etags;

    DashboardConfiguration(RevisionETags etags) {
        this.etags = etags;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(etags.interceptor(true)).addPathPatterns(PAGES);
        registry.addInterceptor(etags.interceptor(false)).addPathPatterns(API);
    }

    /**
     * The dashboard and the printable appendix, served again without rendering while unchanged ({@link CachedPages}:
     * see there). The appendix too because measured: its table kept as a fragment, the page (40 kB of Vietnamese
     * text, encoded to UTF-8 for each request) still cost 1.0–1.7 CPU ms, 0.17–0.23× the static file, below the
     * goal of 0.25× (bench/pages.sh, issue 24's second stop).
     */
    @Bean
    KeptPages keptDashboardPage() {
        return new KeptPages("/", "/cycles/*/appendix");
    }
}
