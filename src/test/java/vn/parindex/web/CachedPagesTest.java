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

    @Test
    void aPageWithoutTheTokenIsOnePiece() {
        assertThat(split("<p>không có</p>", "TOK")).containsExactly("<p>không có</p>");
        assertThat(split("", "TOK")).containsExactly("");
        assertThat(split("TO", "TOK")).containsExactly("TO");
    }
}
