package vn.parindex.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.Actor;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.support.IntegrationTest;

/**
 * Unit administration lives with the units and does not know the security module: the page hands the service the
 * signed-in person as an {@link Actor}, and the service lets only ADMIN change units ({@code @PreAuthorize}).
 * Each test runs in a transaction that is rolled back, so the shared database stays as it was.
 */
@IntegrationTest
@Transactional
class UnitAdministrationTest {

    @Autowired
    UnitAdminService service;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }

    private long units() {
        return jdbc.queryForObject("select count(*) from unit", Long.class);
    }

    private long history() {
        return jdbc.queryForObject("select count(*) from change_history", Long.class);
    }

    @Test
    void onlyAdminMayChangeUnitsEvenWhenTheServiceIsCalledDirectly() {
        long units = units();
        long history = history();
        Unit noivu = service.all().stream().filter(u -> u.getCode().equals("NOIVU")).findFirst().orElseThrow();
        Actor someone = new Actor(null, "someone");

        assertThatThrownBy(() -> service.create(someone, "XA_MOI", "UBND xã Mới", UnitKind.COMMUNE))
                .as("nobody signed in").isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (Role role : List.of(Role.UNIT_HEAD, Role.LEADER)) {
            signIn("someone", role);
            assertThatThrownBy(() -> service.create(someone, "XA_MOI", "UBND xã Mới", UnitKind.COMMUNE))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.update(someone, noivu.getId(), "Đổi tên", true, noivu.getVersion()))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(units()).isEqualTo(units);
        assertThat(history()).isEqualTo(history);
        assertThat(jdbc.queryForObject("select name from unit where code = 'NOIVU'", String.class))
                .isEqualTo(noivu.getName());

        signIn("noivu", Role.ADMIN);
        Unit created = service.create(new Actor(null, "noivu"), "xa_moi", "UBND xã Mới", UnitKind.COMMUNE);
        assertThat(created.getCode()).isEqualTo("XA_MOI");
        assertThat(units()).isEqualTo(units + 1);
    }

    @Test
    void thePageRecordsTheSignedInPersonAsTheAuthor() throws Exception {
        Map<String, Object> admin = jdbc.queryForMap(
                "select u.id, u.unit_id, n.code, n.name from app_user u left join unit n on n.id = u.unit_id "
                        + "where u.username = 'noivu'");
        CurrentUser noivu = new CurrentUser((Long) admin.get("id"), "noivu", "Cán bộ Phòng Nội vụ", "-", Role.ADMIN,
                (Long) admin.get("unit_id"), (String) admin.get("code"), (String) admin.get("name"), true);
        mvc.perform(post("/admin/units").with(user(noivu)).with(csrf()).param("code", "XA_TRANG")
                        .param("name", "UBND xã Tràng").param("kind", "COMMUNE"))
                .andExpect(redirectedUrl("/admin/units"));
        long id = jdbc.queryForObject("select id from unit where code = 'XA_TRANG'", Long.class);
        assertThat(jdbc.queryForList("select user_id, username from change_history where entity_type = 'UNIT' "
                + "and entity_id = ?", id)).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("user_id")).isEqualTo(noivu.id());
                    assertThat(row.get("username")).isEqualTo("noivu");
                });

        CurrentUser head = new CurrentUser(noivu.id(), "truongphong", "Trưởng phòng", "-", Role.UNIT_HEAD,
                noivu.unitId(), noivu.unitCode(), noivu.unitName(), true);
        long units = units();
        mvc.perform(post("/admin/units").with(user(head)).with(csrf()).param("code", "XA_KHAC")
                        .param("name", "UBND xã Khác").param("kind", "COMMUNE"))
                .andExpect(status().isForbidden());
        assertThat(units()).isEqualTo(units);
    }

    @Test
    void badInputOnThePageIsA400WithTheMessageByItsFieldAndChangesNothing() throws Exception {
        CurrentUser noivu = new CurrentUser(1L, "noivu", "Cán bộ Phòng Nội vụ", "-", Role.ADMIN, null, null, null,
                true);
        long units = units();
        long history = history();
        String page = mvc.perform(post("/admin/units").with(user(noivu)).with(csrf()).param("code", "xã mới")
                        .param("name", " ").param("kind", "COMMUNE"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains("<div id=\"code-error\" class=\"invalid-feedback\">Mã gồm 2–32 chữ in hoa",
                "<div id=\"name-error\" class=\"invalid-feedback\">Chưa nhập tên đơn vị.</div>",
                "value=\"x&atilde; mới\"");
        page = mvc.perform(post("/admin/units").with(user(noivu)).with(csrf()).param("code", "XA_MOI")
                        .param("name", "UBND xã Mới").param("kind", "TINH"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains("Giá trị nhập không đúng dạng.");
        long id = jdbc.queryForObject("select id from unit where code = 'TUPHAP'", Long.class);
        long version = jdbc.queryForObject("select version from unit where id = ?", Long.class, id);
        page = mvc.perform(post("/admin/units/" + id).with(user(noivu)).with(csrf()).param("name", "")
                        .param("active", "true").param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).containsPattern("is-invalid\" name=\"name\" form=\"unit-" + id + "\"\\s+value=\"\"")
                .contains("<div class=\"invalid-feedback\">Chưa nhập tên đơn vị.</div>");
        mvc.perform(post("/admin/units/" + id).with(user(noivu)).with(csrf()).param("name", "Phòng Tư pháp")
                .param("version", "mới")).andExpect(status().isBadRequest());
        assertThat(units()).isEqualTo(units);
        assertThat(history()).isEqualTo(history);
        assertThat(jdbc.queryForObject("select version from unit where id = ?", Long.class, id)).isEqualTo(version);
    }
}
