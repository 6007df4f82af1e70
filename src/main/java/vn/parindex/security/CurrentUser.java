package vn.parindex.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as Spring Security sees them: role {@code ROLE_ADMIN} etc., their unit if any, and their
 * body (đơn vị được đánh giá), null for the province's accounts ({@link Role#PROVINCE}), which see every body.
 */
public record CurrentUser(long id, String username, String displayName, String passwordHash, Role role,
        Long unitId, String unitCode, String unitName, boolean enabled, Long bodyId, boolean passwordChangeRequired)
        implements UserDetails {

    /** The body of a deployment's first body (Tân Yên, where the 2023 plan is): the one most tests sign in to. */
    public static final long FIRST_BODY = 1L;

    /** An account whose password is its own. */
    public CurrentUser(long id, String username, String displayName, String passwordHash, Role role,
            Long unitId, String unitCode, String unitName, boolean enabled, Long bodyId) {
        this(id, username, displayName, passwordHash, role, unitId, unitCode, unitName, enabled, bodyId, false);
    }

    /** An account of the first body. */
    public CurrentUser(long id, String username, String displayName, String passwordHash, Role role,
            Long unitId, String unitCode, String unitName, boolean enabled) {
        this(id, username, displayName, passwordHash, role, unitId, unitCode, unitName, enabled, FIRST_BODY);
    }

    static CurrentUser of(AppUser user) {
        var unit = user.getUnit();
        return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.getRole(), unit == null ? null : unit.getId(), unit == null ? null : unit.getCode(),
                unit == null ? null : unit.getName(), user.isEnabled(), user.getBodyId(),
                user.isPasswordChangeRequired());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (role == Role.PROVINCE) {
            // the province's Home Affairs may do in any body what the body's Home Affairs may
            return List.of(new SimpleGrantedAuthority("ROLE_PROVINCE"), new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** This person as the author of a change. */
    public vn.parindex.audit.Actor actor() {
        return new vn.parindex.audit.Actor(id, username);
    }

    /** Home Affairs: the body's own, or the province's (in whichever body it works on). */
    public boolean isAdmin() {
        return role == Role.ADMIN || role == Role.PROVINCE;
    }

    /** The province's Home Affairs (Sở Nội vụ): an account of no body, which reaches every body. */
    public boolean isProvince() {
        return role == Role.PROVINCE;
    }

    /** For the navigation bar: a property read instead of {@code role.name()} calls per page. */
    public boolean isUnitHead() {
        return role == Role.UNIT_HEAD;
    }

    /** The message key of the role's name ({@code role.ADMIN}…), for the navigation bar. */
    public String roleKey() {
        return "role." + role.name();
    }

    @Override
    public String toString() {
        return "CurrentUser[" + username + ", " + role + "]";
    }
}
