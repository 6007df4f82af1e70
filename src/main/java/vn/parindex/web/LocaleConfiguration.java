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

/**
 * Vietnamese first. Pages: {@code ?lang=en} switches to English and is remembered in a cookie. The JSON API
 * ({@code /api/**}) is stateless: its language comes from {@code Accept-Language} alone (Vietnamese unless
 * English is preferred).
 */
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
            if (ApiProblems.isApi(request)) {
                return apiLocale(request);
            }
            return supported(super.resolveLocale(request));
        }

        /**
         * What Spring puts in {@code LocaleContextHolder} for the request (Spring's own problem documents read it):
         * for the API its {@code Accept-Language}, as {@link #resolveLocale}.
         */
        @Override
        public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                jakarta.servlet.http.HttpServletRequest request) {
            if (ApiProblems.isApi(request)) {
                return new org.springframework.context.i18n.SimpleLocaleContext(apiLocale(request));
            }
            return super.resolveLocaleContext(request);
        }

        @Override
        public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, Locale locale) {
            if (ApiProblems.isApi(request)) {
                return;
            }
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }

        static Locale supported(Locale locale) {
            return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
        }
    }

    /** The language of an API answer: the first of Vietnamese or English in {@code Accept-Language}, else Vietnamese. */
    public static Locale apiLocale(jakarta.servlet.http.HttpServletRequest request) {
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return VIETNAMESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (language.equals("vi")) {
                    return VIETNAMESE;
                }
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return VIETNAMESE;
        }
        return VIETNAMESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
