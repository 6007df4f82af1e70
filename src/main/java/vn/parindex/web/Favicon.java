package vn.parindex.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The icon every browser asks for at {@code /favicon.ico} (static files live under {@code /assets/**}): served
 * from {@code static/img/favicon.ico}, so no page load ends in a 404 and a log line.
 */
@Configuration(proxyBeanMethods = false)
class Favicon implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/img/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
    }
}
