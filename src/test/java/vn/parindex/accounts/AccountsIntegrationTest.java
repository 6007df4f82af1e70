package vn.parindex.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import static vn.parindex.support.SignedIn.from;
import static vn.parindex.support.SignedIn.loginForm;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.parindex.security.AppUser;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.WorkflowTest;

/** Disabled accounts, password change and account administration, through the pages. */
@WorkflowTest
class AccountsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(loginForm(username, password)
                        .with(from("10.1.1.1")))
                .andExpect(vn.parindex.support.SignedIn.landed()).andReturn().getRequest().getSession();
    }

    long history() {
        return jdbc.queryForObject("select count(*) from change_history", Long.class);
    }

    @Test
    void aDisabledAccountCannotLogInNorUseTheApiAndItsSessionEnds() throws Exception {
        MockHttpSession admin = login("noivu", "demo");
        long id = users.findByUsernameWithUnit("tckh").orElseThrow().getId();
        MockHttpSession victim = login("tckh", "demo");
        mvc.perform(get("/").session(victim)).andExpect(status().isOk());
        long version = users.findById(id).orElseThrow().getVersion();
        mvc.perform(post("/admin/users/" + id).session(admin).with(csrf())
                        .param("displayName", "Trưởng phòng Tài chính – Kế hoạch").param("role", "UNIT_HEAD")
                        .param("unitCode", "TCKH").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/users/" + id));
        assertThat(users.findById(id).orElseThrow().isEnabled()).isFalse();
        mvc.perform(loginForm("tckh", "demo").with(from("10.3.3.3")))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/cycles").with(httpBasic("tckh", "demo")).with(from("10.3.3.4")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/").session(victim)).andExpect(redirectedUrl("/login?expired"));
        assertThat(jdbc.queryForList("select new_value from change_history where entity_type = 'USER' "
                + "and entity_id = ? and field = 'enabled'", String.class, id)).containsExactly("false");
        // enable again, so other tests find the account as seeded
        mvc.perform(post("/admin/users/" + id).session(admin).with(csrf())
                        .param("displayName", "Trưởng phòng Tài chính – Kế hoạch").param("role", "UNIT_HEAD")
                        .param("unitCode", "TCKH").param("enabled", "true")
                        .param("version", String.valueOf(version + 1)))
                .andExpect(redirectedUrl("/admin/users/" + id));
    }

    @Test
    void everyUserChangesTheirOwnPasswordAndBadInputChangesNothing() throws Exception {
        MockHttpSession session = login("vhtt", "demo");
        long before = history();
        String hash = users.findByUsernameWithUnit("vhtt").orElseThrow().getPasswordHash();
        String[][] bad = {{"sai", "mat-khau-moi", "mat-khau-moi", "Mật khẩu hiện tại không đúng."},
                {"demo", "ngan", "ngan", "ít nhất 12 ký tự"},
                {"demo", "mat-khau-11", "mat-khau-11", "ít nhất 12 ký tự"},
                {"demo", "dài".repeat(86), "dài".repeat(86), "tối đa 256 ký tự"},
                {"demo", "mat-khau-moi", "mat-khau-khac", "không khớp"}};
        for (String[] input : bad) {
            String page = mvc.perform(post("/account/password").session(session).with(csrf())
                            .param("currentPassword", input[0]).param("newPassword", input[1])
                            .param("confirmPassword", input[2]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains(input[3]);
        }
        assertThat(users.findByUsernameWithUnit("vhtt").orElseThrow().getPasswordHash()).isEqualTo(hash);
        assertThat(history()).isEqualTo(before);
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", "demo")
                        .param("newPassword", "mat-khau-moi-2026").param("confirmPassword", "mat-khau-moi-2026"))
                .andExpect(redirectedUrl("/account/password"));
        String changed = users.findByUsernameWithUnit("vhtt").orElseThrow().getPasswordHash();
        assertThat(passwordEncoder.matches("mat-khau-moi-2026", changed)).isTrue();
        assertThat(history()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from change_history where new_value like '%mat-khau%'",
                Long.class)).as("no password in the history").isZero();
        jdbc.update("update app_user set password_hash = ? where username = 'vhtt'", hash);
    }

    @Test
    void theUsernameAndCommonPasswordsAreRefusedWhereverAPasswordIsSet() throws Exception {
        MockHttpSession session = login("thanhtra", "demo");
        String hash = users.findByUsernameWithUnit("thanhtra").orElseThrow().getPasswordHash();
        long before = history();
        // passwords of the common list, in any case
        for (String fresh : new String[] {"qwerty123456", "QWERTY123456", "1q2w3e4r5t6y"}) {
            String page = mvc.perform(post("/account/password").session(session).with(csrf())
                            .param("currentPassword", "demo").param("newPassword", fresh)
                            .param("confirmPassword", fresh))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(fresh).contains("danh sách những mật khẩu hay bị dùng nhất");
        }
        assertThat(users.findByUsernameWithUnit("thanhtra").orElseThrow().getPasswordHash()).isEqualTo(hash);
        assertThat(history()).isEqualTo(before);

        // a long username: the password may be neither it nor it reversed, whatever the case
        MockHttpSession admin = login("noivu", "demo");
        long accounts = users.count();
        for (String password : new String[] {"chuyenvien.tuphap", "CHUYENVIEN.TUPHAP", "pahput.neivneyuhc"}) {
            String page = mvc.perform(post("/admin/users").session(admin).with(csrf())
                            .param("username", "chuyenvien.tuphap").param("displayName", "Chuyên viên Tư pháp")
                            .param("role", "UNIT_HEAD").param("unitCode", "TUPHAP").param("password", password))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(password).contains("không được giống tên đăng nhập");
        }
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "chuyenvien.tuphap")
                        .param("displayName", "Chuyên viên Tư pháp").param("role", "UNIT_HEAD")
                        .param("unitCode", "TUPHAP").param("password", "123456789qwe"))
                .andExpect(status().isBadRequest());
        assertThat(users.count()).isEqualTo(accounts);
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "chuyenvien.tuphap")
                        .param("displayName", "Chuyên viên Tư pháp").param("role", "UNIT_HEAD")
                        .param("unitCode", "TUPHAP").param("password", "sông Thương nước chảy"))
                .andExpect(status().isFound());
        AppUser created = users.findByUsernameWithUnit("chuyenvien.tuphap").orElseThrow();
        String createdHash = created.getPasswordHash();
        // an administrator's reset follows the same rules
        for (String password : new String[] {"Chuyenvien.Tuphap", "qazwsxedcrfv"}) {
            mvc.perform(post("/admin/users/" + created.getId() + "/password").session(admin).with(csrf())
                            .param("password", password))
                    .andExpect(status().isBadRequest());
        }
        assertThat(users.findByUsernameWithUnit("chuyenvien.tuphap").orElseThrow().getPasswordHash())
                .isEqualTo(createdHash);
    }

    @Test
    void homeAffairsCreatesAnAccountAndResetsItsPassword() throws Exception {
        MockHttpSession admin = login("noivu", "demo");
        long before = history();
        long accounts = users.count();
        // bad input: nothing created, the form says why
        String page = mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "Xã Cao Xá")
                        .param("displayName", "").param("role", "UNIT_HEAD").param("unitCode", "")
                        .param("password", "123"))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tên đăng nhập 3–64 ký tự", "Chưa nhập họ tên", "phải thuộc một đơn vị",
                "ít nhất 12 ký tự");
        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "tuphap")
                        .param("displayName", "Trùng").param("role", "LEADER").param("password", "12345678"))
                .andExpect(status().isBadRequest());
        for (String email : new String[] {"khong-phai-thu", "a@b", "a@b.vn, c@d.vn", "a b@c.vn", "x".repeat(250) + "@a.vn"}) {
            String refused = mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "pho.tuphap")
                            .param("displayName", "Phó phòng Tư pháp").param("role", "UNIT_HEAD")
                            .param("unitCode", "TUPHAP").param("password", "khoi-tao-2026").param("email", email))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).as(email).contains("Địa chỉ thư điện tử không hợp lệ");
        }
        // control characters and NUL: refused by the text rule before the form is read (the 400 page says why)
        for (String email : new String[] {"a\u0001b@c.vn", "a@c.vn\u0000"}) {
            String refused = mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "pho.tuphap")
                            .param("displayName", "Phó phòng Tư pháp").param("role", "UNIT_HEAD")
                            .param("unitCode", "TUPHAP").param("password", "khoi-tao-2026").param("email", email))
                    .andExpect(status().isBadRequest()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).as(email).contains("ký tự không được phép");
        }
        assertThat(users.count()).isEqualTo(accounts);
        assertThat(history()).isEqualTo(before);

        mvc.perform(post("/admin/users").session(admin).with(csrf()).param("username", "pho.tuphap")
                        .param("displayName", "Phó phòng Tư pháp").param("role", "UNIT_HEAD")
                        .param("unitCode", "TUPHAP").param("password", "khoi-tao-2026")
                        .param("email", " pho.tuphap@tanyen.bacgiang.gov.vn "))
                .andExpect(status().isFound());
        AppUser created = users.findByUsernameWithUnit("pho.tuphap").orElseThrow();
        assertThat(created.getUnit().getCode()).isEqualTo("TUPHAP");
        assertThat(created.getEmail()).isEqualTo("pho.tuphap@tanyen.bacgiang.gov.vn");
        mvc.perform(get("/api/v1/cycles").with(httpBasic("pho.tuphap", "khoi-tao-2026")).with(from("10.4.4.4")))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/users/" + created.getId() + "/password").session(admin).with(csrf())
                        .param("password", "dat-lai-2026"))
                .andExpect(redirectedUrl("/admin/users/" + created.getId()));
        mvc.perform(get("/api/v1/cycles").with(httpBasic("pho.tuphap", "dat-lai-2026")).with(from("10.4.4.4")))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select field from change_history where entity_type = 'USER' and entity_id = ?",
                String.class, created.getId())).contains("username", "role", "unit", "password");
        // nobody locks themselves out
        AppUser self = users.findByUsernameWithUnit("noivu").orElseThrow();
        mvc.perform(post("/admin/users/" + self.getId()).session(admin).with(csrf()).param("displayName", "x")
                        .param("role", "ADMIN").param("version", String.valueOf(self.getVersion())))
                .andExpect(status().isBadRequest());
        assertThat(users.findByUsernameWithUnit("noivu").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void homeAffairsAddsAndRenamesUnitsOnRecord() throws Exception {
        MockHttpSession admin = login("noivu", "demo");
        long units = jdbc.queryForObject("select count(*) from unit", Long.class);
        long before = history();
        mvc.perform(post("/admin/units").session(admin).with(csrf()).param("code", "xã cao xá").param("name", "")
                        .param("kind", "COMMUNE"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/units").session(admin).with(csrf()).param("code", "NOIVU").param("name", "Trùng")
                        .param("kind", "COMMUNE"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("select count(*) from unit", Long.class)).isEqualTo(units);
        assertThat(history()).isEqualTo(before);
        mvc.perform(post("/admin/units").session(admin).with(csrf()).param("code", "xa_caoxa")
                        .param("name", "UBND xã Cao Xá").param("kind", "COMMUNE"))
                .andExpect(redirectedUrl("/admin/units"));
        long id = jdbc.queryForObject("select id from unit where code = 'XA_CAOXA'", Long.class);
        mvc.perform(post("/admin/units/" + id).session(admin).with(csrf()).param("name", "UBND xã Cao Xá (mới)")
                        .param("active", "true").param("version", "0"))
                .andExpect(redirectedUrl("/admin/units"));
        mvc.perform(post("/admin/units/" + id).session(admin).with(csrf()).param("name", "Cũ")
                        .param("active", "true").param("version", "0"))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select name from unit where id = ?", String.class, id))
                .isEqualTo("UBND xã Cao Xá (mới)");
        assertThat(jdbc.queryForList("select field from change_history where entity_type = 'UNIT' and entity_id = ?",
                String.class, id)).containsExactly("code", "name", "name");
    }
}
