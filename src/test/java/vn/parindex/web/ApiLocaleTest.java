package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The API's language comes from Accept-Language: Vietnamese unless English is preferred. */
class ApiLocaleTest {

    @Test
    void englishOnlyWhenPreferredOverVietnamese() {
        assertThat(LocaleConfiguration.fromAcceptLanguage(null)).isEqualTo(LocaleConfiguration.VIETNAMESE);
        assertThat(LocaleConfiguration.fromAcceptLanguage("en")).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleConfiguration.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleConfiguration.fromAcceptLanguage("vi,en;q=0.8")).isEqualTo(LocaleConfiguration.VIETNAMESE);
        assertThat(LocaleConfiguration.fromAcceptLanguage("fr,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(LocaleConfiguration.fromAcceptLanguage("en;q=0.1,vi;q=0.9")).isEqualTo(
                LocaleConfiguration.VIETNAMESE);
        assertThat(LocaleConfiguration.fromAcceptLanguage("fr-FR")).isEqualTo(LocaleConfiguration.VIETNAMESE);
        assertThat(LocaleConfiguration.fromAcceptLanguage("en;q=0")).isEqualTo(LocaleConfiguration.VIETNAMESE);
        assertThat(LocaleConfiguration.fromAcceptLanguage(";;;==,,")).isEqualTo(LocaleConfiguration.VIETNAMESE);
    }
}
