package vn.parindex.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Vietnamese first; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleResolver();
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Only Vietnamese and English exist; anything else is served Vietnamese. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super("PARINDEX_LANG");
        }

        @Override
        public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }

        static Locale supported(Locale locale) {
            return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
