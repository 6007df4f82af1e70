package vn.parindex.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person, as Spring Security sees them: role {@code ROLE_ADMIN} etc., and their unit if any. */
public record CurrentUser(long id, String username, String displayName, String passwordHash, Role role,
        Long unitId, String unitCode, String unitName, boolean enabled) implements UserDetails {

    static CurrentUser of(AppUser user) {
        var unit = user.getUnit();
        return new CurrentUser(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.getRole(), unit == null ? null : unit.getId(), unit == null ? null : unit.getCode(),
                unit == null ? null : unit.getName(), user.isEnabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
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

    public boolean isAdmin() {
        return role == Role.ADMIN;
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
