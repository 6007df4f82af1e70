package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersCannotForgeLogLines() {
        String forged = LogSafe.of("noivu\r\n2026-11-24 INFO Login: user=admin\u001b[31m\u0000\u2028\u202e");
        assertThat(forged).doesNotContain("\r", "\n", "\u001b", "\u0000", "\u2028", "\u202e")
                .isEqualTo("noivu\\r\\n2026-11-24 INFO Login: user=admin\\u001b[31m\\u0000\\u2028\\u202e");
    }

    @Test
    void backslashesAreEscapedSoAnEscapeCannotBeFaked() {
        assertThat(LogSafe.of("a\\nb")).isEqualTo("a\\\\nb");
    }

    @Test
    void vietnameseTextIsKeptAndLongValuesAreCut() {
        assertThat(LogSafe.of("Nguyễn Thị Hằng")).isEqualTo("Nguyễn Thị Hằng");
        String longValue = "x".repeat(10_000);
        assertThat(LogSafe.of(longValue)).hasSizeLessThan(LogSafe.MAX_LENGTH + 30).startsWith("xxxx")
                .endsWith("…(10000 chars)");
        assertThat(LogSafe.of(null)).isEqualTo("-");
        assertThat(LogSafe.of("a\ud800b")).isEqualTo("a\\ud800b");
        assertThat(LogSafe.of("😀")).isEqualTo("😀");
    }
}
