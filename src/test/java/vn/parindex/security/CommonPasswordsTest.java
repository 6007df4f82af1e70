package vn.parindex.security;

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
