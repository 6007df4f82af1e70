package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CachedPagesTest {

    private static String[] split(String body, String token) {
        return Arrays.stream(CachedPages.split(body.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))).map(b -> new String(b, StandardCharsets.UTF_8))
                .toArray(String[]::new);
    }

    @Test
    void cutsThePageAtEveryToken() {
        assertThat(split("<a>TOK</a><b>TOK</b>", "TOK")).containsExactly("<a>", "</a><b>", "</b>");
        assertThat(split("TOKTOK", "TOK")).containsExactly("", "", "");
        assertThat(split("Điểm TOK đạt", "TOK")).containsExactly("Điểm ", " đạt");
    }

    /** Only GET requests of the declared pages, never a language switch nor while a one-time message waits. */
    @Test
    void keepsOnlyTheDeclaredPages() {
        CachedPages pages = new CachedPages(java.util.List.of(new KeptPages("/units/*"),
                new KeptPages("/cycles/*/reports", "/cycles/*/reports/{period:[^.]+}")), null, null,
                CachesTest.manager(), vn.parindex.system.BusinessClock.real());
        assertThat(pages.shouldNotFilter(get("/units/TUPHAP"))).isFalse();
        assertThat(pages.shouldNotFilter(get("/cycles/2023/reports"))).isFalse();
        assertThat(pages.shouldNotFilter(get("/cycles/2023/reports/2023-Q1"))).isFalse();
        assertThat(pages.shouldNotFilter(get("/cycles/2023/reports/2023-Q1.docx"))).as("a download").isTrue();
        assertThat(pages.shouldNotFilter(get("/units"))).as("not declared").isTrue();
        assertThat(pages.shouldNotFilter(get("/units/TUPHAP/more"))).as("not declared").isTrue();
        org.springframework.mock.web.MockHttpServletRequest post = get("/units/TUPHAP");
        post.setMethod("POST");
        assertThat(pages.shouldNotFilter(post)).isTrue();
        org.springframework.mock.web.MockHttpServletRequest switching = get("/units/TUPHAP");
        switching.setParameter("lang", "en");
        assertThat(pages.shouldNotFilter(switching)).isTrue();
        org.springframework.mock.web.MockHttpServletRequest waiting = get("/units/TUPHAP");
        waiting.getSession().setAttribute(CachedPages.FLASH_MAPS,
                java.util.List.of(new org.springframework.web.servlet.FlashMap()));
        assertThat(pages.shouldNotFilter(waiting)).as("a one-time message waits").isTrue();
        waiting.getSession().setAttribute(CachedPages.FLASH_MAPS, java.util.List.of());
        assertThat(pages.shouldNotFilter(waiting)).isFalse();
    }

    private static org.springframework.mock.web.MockHttpServletRequest get(String path) {
        return new org.springframework.mock.web.MockHttpServletRequest("GET", path);
    }

    @Test
    void aPageWithoutTheTokenIsOnePiece() {
        assertThat(split("<p>không có</p>", "TOK")).containsExactly("<p>không có</p>");
        assertThat(split("", "TOK")).containsExactly("");
        assertThat(split("TO", "TOK")).containsExactly("TO");
    }
}
