package vn.parindex.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.audit.AuditTrail;

/**
 * Accounts come from the database. A password hash in an older scheme (BCrypt) is replaced by the current one
 * (PBKDF2) right after a successful login with it, on record.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");

    private final AppUserRepository users;
    private final AuditTrail audit;

    DatabaseUserDetailsService(AppUserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameWithUnit(username.strip())
                .map(CurrentUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /**
     * Stores the new hash of the password just verified, unless the stored hash changed meanwhile (a password
     * change or a parallel upgrade wins; the next login simply checks again).
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        if (!(user instanceof CurrentUser current) || newPassword == null) {
            return user;
        }
        if (users.replacePasswordHash(current.id(), current.passwordHash(), newPassword) != 1) {
            return user;
        }
        audit.record(current.actor(), AccountService.ENTITY, current.id(), null, "password", null,
                "(PBKDF2)", "Cách lưu mật khẩu được nâng cấp khi đăng nhập");
        log.info("Password hash upgraded: user={}", LogSafe.of(current.username()));
        return new CurrentUser(current.id(), current.username(), current.displayName(), newPassword, current.role(),
                current.unitId(), current.unitCode(), current.unitName(), current.enabled());
    }
}
