package vn.parindex.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.InvalidInputException;

class CommonPasswordsTest {

    @Test
    void theShippedListHoldsTheTenThousandMostCommonPasswords() {
        assertThat(CommonPasswords.size()).isEqualTo(CommonPasswords.MAX_ENTRIES);
        assertThat(CommonPasswords.isCommon("123456")).isTrue();
        assertThat(CommonPasswords.isCommon("Password")).isTrue();
        assertThat(CommonPasswords.isCommon("qwerty123456")).isTrue();
        assertThat(CommonPasswords.isCommon("sông Thương nước chảy")).isFalse();
        assertThat(CommonPasswords.isCommon(null)).isFalse();
    }

    @Test
    void theUsernameInAnyCaseOrReversed() {
        assertThat(CommonPasswords.isUsername("Chuyenvien.TuPhap", "chuyenvien.tuphap")).isTrue();
        assertThat(CommonPasswords.isUsername("pahput.neivneyuhc", "chuyenvien.tuphap")).isTrue();
        assertThat(CommonPasswords.isUsername("chuyenvien.tuphap.2026", "chuyenvien.tuphap")).isFalse();
        assertThat(CommonPasswords.isUsername("anything", null)).isFalse();
    }

    @Test
    void theNewPasswordRulesNameTheField() {
        assertThat(errors("qwerty123456", "someone")).isEqualTo("password.common");
        assertThat(errors("someone.at.work", "someone.at.work")).isEqualTo("password.likeUsername");
        assertThat(errors("short", "someone")).isEqualTo("password.tooShort");
        assertThat(errors("cây đa bến nước sân đình", "someone")).isNull();
    }

    @Test
    void theUsernameWithSurroundingSpacesIsStillTheUsername() {
        assertThat(CommonPasswords.isUsername("  chuyenvien.tuphap ", "chuyenvien.tuphap")).isTrue();
        assertThat(CommonPasswords.isUsername("chuyenvien.tuphap", " CHUYENVIEN.TUPHAP ")).isTrue();
        assertThat(CommonPasswords.isUsername("chuyen vien.tuphap", "chuyenvien.tuphap")).isFalse();
        assertThat(CommonPasswords.isUsername("chuyenvien", "chuyenvien.tuphap")).isFalse();
    }

    @Test
    void noUsernameOrABlankOneMatchesNothing() {
        assertThat(CommonPasswords.isUsername("", "")).isFalse();
        assertThat(CommonPasswords.isUsername("   ", "   ")).isFalse();
        assertThat(CommonPasswords.isUsername(null, "someone")).isFalse();
        assertThat(CommonPasswords.isUsername("", "someone")).isFalse();
    }

    @Test
    void aCommonPasswordIsFoundInAnyCaseButNotWithSomethingAdded() {
        assertThat(CommonPasswords.isCommon("PASSWORD")).isTrue();
        assertThat(CommonPasswords.isCommon("QwErTy")).isTrue();
        assertThat(CommonPasswords.isCommon(" password")).isFalse();
        assertThat(CommonPasswords.isCommon("")).isFalse();
        assertThat(CommonPasswords.isCommon("x".repeat(10_000))).isFalse();
    }

    @Test
    void theUsernameRuleNamesTheFieldEvenForALongUsername() {
        String username = "phong.van.hoa.thong.tin.huyen";
        assertThat(errors(username.toUpperCase(java.util.Locale.ROOT), username)).isEqualTo("password.likeUsername");
        assertThat(errors(new StringBuilder(username).reverse().toString(), username))
                .isEqualTo("password.likeUsername");
    }

    @Test
    void aPasswordsLengthIsCountedInCharactersAsPeopleSeeThem() {
        String emoji = "\ud83c\udf3e";
        // 11 characters, 22 chars in Java: too short
        assertThat(errors(emoji.repeat(AccountService.MIN_PASSWORD_LENGTH - 1), "someone"))
                .isEqualTo("password.tooShort");
        assertThat(errors(emoji.repeat(AccountService.MIN_PASSWORD_LENGTH), "someone")).isNull();
        assertThat(errors("đ".repeat(AccountService.MAX_PASSWORD_LENGTH), "someone")).isNull();
        assertThat(errors("đ".repeat(AccountService.MAX_PASSWORD_LENGTH + 1), "someone"))
                .isEqualTo("password.tooLong");
        assertThat(errors(null, "someone")).isEqualTo("password.tooShort");
    }

    @Test
    void aConfirmationThatDiffersIsTheConfirmationFieldsError() {
        FieldErrors errors = new FieldErrors();
        AccountService.checkNewPassword("cây đa bến nước sân đình", "cây đa bến nước sân đinh", "newPassword",
                "someone", errors);
        assertThat(errors.has("newPassword")).isFalse();
        assertThat(errors.has("confirmPassword")).isTrue();
        FieldErrors none = new FieldErrors();
        AccountService.checkNewPassword("cây đa bến nước sân đình", null, "newPassword", "someone", none);
        assertThat(none.has("confirmPassword")).isTrue();
        // a password refused for itself is not also compared with its confirmation
        FieldErrors both = new FieldErrors();
        AccountService.checkNewPassword("short", "other", "newPassword", "someone", both);
        assertThat(both.has("newPassword")).isTrue();
        assertThat(both.has("confirmPassword")).isFalse();
    }

    private static String errors(String password, String username) {
        FieldErrors errors = new FieldErrors();
        AccountService.checkNewPassword(password, password, "password", username, errors);
        try {
            errors.throwIfAny();
            return null;
        } catch (InvalidInputException e) {
            return e.fieldErrors().get("password");
        }
    }
}
