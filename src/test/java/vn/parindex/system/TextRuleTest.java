package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "a\u001b[31m", "\u007f", "a\u0085b", "\u009f", "\u202a", "\u202b",
            "\u202c", "\u202d", "abc\u202efdp.exe", "\u2066", "\u2067", "\u2068", "\u2069"})
    void controlAndBidirectionalOverrideCharactersAreRefusedEverywhere(String text) {
        assertThat(TextRule.problem(text, false)).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
        assertThat(TextRule.problem(text, true)).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\nb", "a\tb", "a\r"})
    void lineBreaksAndTabsOnlyInMultiLineFields(String text) {
        assertThat(TextRule.problem(text, true)).isNull();
        assertThat(TextRule.problem(text, false)).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
        assertThat(TextRule.problem("comment", text)).isNull();
        assertThat(TextRule.problem("results[12]", text)).isNull();
        assertThat(TextRule.problem("tasks[0].result", text)).isNull();
        assertThat(TextRule.problem("name", text)).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
        assertThat(TextRule.problem("title", text)).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Phòng Tư pháp", "Tiếng Việt có dấu: ạảãàáâậầấẩẫăắằặẳẵ đ Đ", "emoji 😀", "a\u00a0b",
            "\u200eLRM mark", "x & <y> \"z\" 'w' ; -- \\N"})
    void ordinaryTextPasses(String text) {
        assertThat(TextRule.problem(text, false)).isNull();
        assertThat(TextRule.problem(text, true)).isNull();
    }

    @Test
    void lengthsAreBoundedOnOneLineAndInSeveral() {
        assertThat(TextRule.problem("x".repeat(TextRule.MAX_LINE_LENGTH), false)).isNull();
        assertThat(TextRule.problem("x".repeat(TextRule.MAX_LINE_LENGTH + 1), false)).isEqualTo(TextRule.TOO_LONG);
        assertThat(TextRule.problem("x".repeat(TextRule.MAX_TEXT_LENGTH), true)).isNull();
        assertThat(TextRule.problem("x".repeat(TextRule.MAX_TEXT_LENGTH + 1), true)).isEqualTo(TextRule.TOO_LONG);
        assertThat(TextRule.problem((String) null, true)).isNull();
    }

    @Test
    void passwordsAreLeftToThePasswordRules() {
        assertThat(TextRule.isPassword("newPassword")).isTrue();
        assertThat(TextRule.isPassword("password")).isTrue();
        assertThat(TextRule.isPassword("comment")).isFalse();
    }
}
