package vn.parindex.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import vn.parindex.system.BusinessClock;

/** The one filter that serves every feature's {@link KeptPages} ({@link CachedPages}). */
@Configuration(proxyBeanMethods = false)
class KeptPagesConfiguration {

    /** After Spring Security's filters (order -100), so only signed-in people are ever served a kept page. */
    static final int AFTER_SECURITY = 0;

    @Bean
    @ConditionalOnBooleanProperty(name = "parindex.pages.keep-pages", matchIfMissing = true)
    FilterRegistrationBean<CachedPages> keptPages(ObjectProvider<KeptPages> pages, LocaleResolver locales,
            RevisionETags etags, CacheManager caches, BusinessClock clock) {
        FilterRegistrationBean<CachedPages> registration = new FilterRegistrationBean<>(
                new CachedPages(pages.orderedStream().toList(), locales, etags, caches, clock));
        registration.setOrder(AFTER_SECURITY);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
