package vn.parindex.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    @ParameterizedTest
    @ValueSource(chars = {'\u001f', '\u007f', '\u0080', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069', '\u000b',
            '\u000c', '\u0000'})
    void theEdgesOfEachForbiddenRangeAreForbidden(char c) {
        assertThat(TextRule.forbidden(c, false)).isTrue();
        assertThat(TextRule.forbidden(c, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '~', '\u00a0', '\u00a9', '\u2065', '\u206a', '\u200f',
            '\ud83d', 'Đ'})
    void theCharactersJustOutsideTheForbiddenRangesPass(char c) {
        assertThat(TextRule.forbidden(c, false)).isFalse();
        assertThat(TextRule.forbidden(c, true)).isFalse();
    }

    @Test
    void aForbiddenCharacterAnywhereIsFoundAndTooLongIsSaidFirst() {
        assertThat(TextRule.hasForbiddenCharacter("\u0000abc", false)).isTrue();
        assertThat(TextRule.hasForbiddenCharacter("abc\u202e", false)).isTrue();
        assertThat(TextRule.hasForbiddenCharacter(null, false)).isFalse();
        assertThat(TextRule.hasForbiddenCharacter("", true)).isFalse();
        String tooLongAndForbidden = "x".repeat(TextRule.MAX_LINE_LENGTH) + "\u0000";
        assertThat(TextRule.problem(tooLongAndForbidden, false)).isEqualTo(TextRule.TOO_LONG);
        // a multi-line field takes the one-line text's length, the one-line field does not take the long text
        String between = "x".repeat(TextRule.MAX_LINE_LENGTH + 1);
        assertThat(TextRule.problem("explanation", between)).isNull();
        assertThat(TextRule.problem("title", between)).isEqualTo(TextRule.TOO_LONG);
    }

    @Test
    void aLengthIsCountedInCharsSoAnEmojiCountsTwice() {
        String emoji = "\ud83d\ude00";
        assertThat(TextRule.problem(emoji.repeat(TextRule.MAX_LINE_LENGTH / 2), false)).isNull();
        assertThat(TextRule.problem(emoji.repeat(TextRule.MAX_LINE_LENGTH / 2) + "x", false))
                .isEqualTo(TextRule.TOO_LONG);
    }

    @ParameterizedTest
    @CsvSource({"comment, true", "results[12], true", "tasks[0].result, true", "a.b.note, true",
            "description[], true", "weakness, true", "name, false", "Comment, false", "comments, false",
            "note.title, false", "results.name, false", "[0], false", "'', false"})
    void multiLineFieldsAreKnownByTheirBaseName(String field, boolean multiLine) {
        assertThat(TextRule.isMultiLine(field)).isEqualTo(multiLine);
    }

    @Test
    void theBaseNameDropsThePathAndTheIndex() {
        assertThat(TextRule.baseName("results[12]")).isEqualTo("results");
        assertThat(TextRule.baseName("tasks[0].result")).isEqualTo("result");
        assertThat(TextRule.baseName("a.b.c")).isEqualTo("c");
        assertThat(TextRule.baseName("plain")).isEqualTo("plain");
        assertThat(TextRule.baseName("trailing.")).isEmpty();
        assertThat(TextRule.isMultiLine(null)).isFalse();
        assertThat(TextRule.problem((String) null, "a\nb")).isEqualTo(TextRule.FORBIDDEN_CHARACTER);
    }

    @Test
    void anyFieldNamingAPasswordIsAPassword() {
        assertThat(TextRule.isPassword("currentPassword")).isTrue();
        assertThat(TextRule.isPassword("PASSWORD_CONFIRM")).isTrue();
        assertThat(TextRule.isPassword("passphrase")).isFalse();
        assertThat(TextRule.isPassword(null)).isFalse();
    }

    @Test
    void lineAndParagraphSeparatorsAreLineBreaksOnOneLine() {
        for (char c : new char[] {'\u2028', '\u2029'}) {
            assertThat(TextRule.forbidden(c, false)).as("U+%04X on one line", (int) c).isTrue();
            assertThat(TextRule.forbidden(c, true)).as("U+%04X in several lines", (int) c).isFalse();
        }
    }
}
