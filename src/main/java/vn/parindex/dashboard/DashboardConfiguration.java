package vn.parindex.dashboard;

import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import vn.parindex.web.CachedPages;
import vn.parindex.web.DataRevision;

/** The dashboard is the page everyone opens first and most: it is served again without rendering while unchanged. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    /** After Spring Security's filters (order -100), so only signed-in people are ever served a kept page. */
    static final int AFTER_SECURITY = 0;

    @Bean
    FilterRegistrationBean<CachedPages> dashboardPages(DataRevision revisions, LocaleResolver locales) {
        FilterRegistrationBean<CachedPages> registration =
                new FilterRegistrationBean<>(new CachedPages(Set.of("/"), revisions, locales));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
