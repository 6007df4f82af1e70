package vn.parindex.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.security.AppUser;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * The account forms (new account, account details, password reset, own password) bound to form records: bad input
 * is a 400 page with each message next to its field (in the element {@code <field>-error} the input points at),
 * what was typed kept but never a password, and nothing changed. Only ADMIN manages accounts, even when the service
 * is called directly.
 */
@WorkflowTest
class AccountFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String badRequest(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedIn.as(users, username)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The message shown next to a field: the error element the field's aria-describedby names. */
    static String messageOf(String page, String fieldId) {
        assertThat(page).as("input %s points at its message", fieldId)
                .containsPattern("id=\"" + Pattern.quote(fieldId) + "\"[^>]*aria-describedby=\""
                        + Pattern.quote(fieldId) + "-error\"");
        var matcher = Pattern.compile("<div id=\"" + Pattern.quote(fieldId) + "-error\" class=\"invalid-feedback\">([^<]*)</div>")
                .matcher(page);
        assertThat(matcher.find()).as("message of %s", fieldId).isTrue();
        return matcher.group(1);
    }

    private long state() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class) * 1_000_000
                + jdbc.queryForObject("select count(*) from change_history", Long.class);
    }

    private String hashOf(String username) {
        return users.findByUsernameWithUnit(username).orElseThrow().getPasswordHash();
    }

    @Test
    void aNewAccountWithBadInputShowsEachMessageByItsFieldKeepsWhatWasTypedAndCreatesNothing() throws Exception {
        long before = state();
        String page = badRequest("noivu", post("/admin/users").param("username", "Xã Cao Xá")
                .param("displayName", "").param("role", "UNIT_HEAD").param("unitCode", "")
                .param("password", "ngan-qua"));
        assertThat(messageOf(page, "username")).startsWith("Tên đăng nhập 3–64 ký tự");
        assertThat(messageOf(page, "displayName")).isEqualTo("Chưa nhập họ tên.");
        assertThat(messageOf(page, "password")).contains("ít nhất 12 ký tự");
        assertThat(page).contains("phải thuộc một đơn vị").contains("value=\"X&atilde; Cao X&aacute;\"")
                .doesNotContain("ngan-qua");
        // an unknown unit, an unknown role
        page = badRequest("noivu", post("/admin/users").param("username", "pho.vanphong").param("displayName", "Phó")
                .param("role", "UNIT_HEAD").param("unitCode", "KHONGCO").param("password", "mot-cau-du-dai-2026"));
        assertThat(page).contains("Không có đơn vị này").doesNotContain("mot-cau-du-dai-2026");
        page = badRequest("noivu", post("/admin/users").param("username", "pho.vanphong").param("displayName", "Phó")
                .param("role", "SUPERUSER").param("password", "mot-cau-du-dai-2026"));
        assertThat(page).contains("Giá trị nhập không đúng dạng.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void accountDetailsAndAPasswordResetWithBadInputChangeNothing() throws Exception {
        AppUser account = users.findByUsernameWithUnit("thanhtra").orElseThrow();
        long before = state();
        String hash = hashOf("thanhtra");
        String page = badRequest("noivu", post("/admin/users/" + account.getId()).param("displayName", " ")
                .param("role", "UNIT_HEAD").param("unitCode", "THANHTRA").param("enabled", "true")
                .param("version", String.valueOf(account.getVersion())));
        assertThat(messageOf(page, "displayName")).isEqualTo("Chưa nhập họ tên.");
        page = badRequest("noivu", post("/admin/users/" + account.getId()).param("displayName", "Chánh Thanh tra")
                .param("role", "UNIT_HEAD").param("version", "abc"));
        assertThat(page).contains("id=\"user-form\"");
        page = badRequest("noivu", post("/admin/users/" + account.getId() + "/password").param("password", "ngan"));
        assertThat(messageOf(page, "password")).contains("ít nhất 12 ký tự");
        page = badRequest("noivu", post("/admin/users/" + account.getId() + "/password"));
        assertThat(messageOf(page, "password")).contains("ít nhất 12 ký tự");
        assertThat(state()).isEqualTo(before);
        assertThat(hashOf("thanhtra")).isEqualTo(hash);
        assertThat(users.findByUsernameWithUnit("thanhtra").orElseThrow().getDisplayName())
                .isEqualTo(account.getDisplayName());
    }

    @Test
    void ownPasswordMessagesStandByTheirFields() throws Exception {
        long before = state();
        String hash = hashOf("vanphong");
        String page = badRequest("vanphong", post("/account/password").param("currentPassword", "sai")
                .param("newPassword", "mot-cau-du-dai-2026").param("confirmPassword", "mot-cau-du-dai-2026"));
        assertThat(messageOf(page, "currentPassword")).isEqualTo("Mật khẩu hiện tại không đúng.");
        page = badRequest("vanphong", post("/account/password").param("currentPassword", "demo")
                .param("newPassword", "mot-cau-du-dai-2026").param("confirmPassword", "mot-cau-khac-2026"));
        assertThat(messageOf(page, "confirmPassword")).isEqualTo("Hai lần nhập mật khẩu mới không khớp.");
        assertThat(page).doesNotContain("mot-cau-du-dai-2026", "mot-cau-khac-2026");
        page = badRequest("vanphong", post("/account/password"));
        assertThat(messageOf(page, "currentPassword")).isEqualTo("Mật khẩu hiện tại không đúng.");
        assertThat(messageOf(page, "newPassword")).contains("ít nhất 12 ký tự");
        assertThat(hashOf("vanphong")).isEqualTo(hash);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void onlyAdminManagesAccountsEvenWhenTheServiceIsCalledDirectly() {
        long before = state();
        AppUser account = users.findByUsernameWithUnit("thanhtra").orElseThrow();
        String hash = hashOf("thanhtra");
        for (String person : new String[] {"tuphap", "lanhdao"}) {
            CurrentUser caller = SignedIn.onThisThread(users, person);
            var form = new AccountService.AccountForm("moi.tao", "Mới", Role.ADMIN, "", "mot-cau-du-dai-2026", true,
                    account.getVersion(), null);
            assertThatThrownBy(() -> accounts.create(caller, form)).as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.update(caller, account.getId(), form)).as(person)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.resetPassword(caller, account.getId(), "mot-cau-du-dai-2026"))
                    .as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.all()).as(person).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.get(account.getId())).as(person)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(state()).isEqualTo(before);
        assertThat(hashOf("thanhtra")).isEqualTo(hash);
        assertThat(users.findByUsernameWithUnit("thanhtra").orElseThrow().getRole()).isEqualTo(Role.UNIT_HEAD);
    }
}
