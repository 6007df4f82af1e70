package vn.parindex.security;

import vn.parindex.system.BodyScope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.audit.AuditTrail;
import vn.parindex.web.Caches;
import vn.parindex.web.DataRevision;

/**
 * Accounts come from the database, read with one plain SQL statement and no Hibernate session or transaction, and
 * kept per {@linkplain DataRevision data revision} ({@value Caches#ACCOUNTS}): an API client sends its password with
 * every request (HTTP Basic), and reading the account each time was a sixth of such a request's CPU. Every write to
 * an account changes the revision (a trigger, whoever writes): a disabled account, a changed password, role or unit
 * shows on the next request when the change went through this instance, and within the revision check interval (1 s)
 * when it was made elsewhere (another instance, psql). A password hash in an older scheme (BCrypt) is replaced by the
 * current one (PBKDF2) right after a successful login with it, on record.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger("vn.parindex.security.audit");

    static final String ACCOUNT = """
            select u.id, u.username, u.display_name, u.password_hash, u.role, u.unit_id, n.code, n.name, u.enabled,
                   u.body_id, u.password_change_required
            from app_user u left join unit n on n.id = u.unit_id
            where u.username = lower(?)""";

    private final AppUserRepository users;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Accounts by user name, at the data revision. */
    private final Cache kept;

    DatabaseUserDetailsService(AppUserRepository users, AuditTrail audit, JdbcClient jdbc, DataRevision revisions,
            CacheManager caches, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
        this.kept = Caches.atRevision(caches, revisions, Caches.ACCOUNTS);
    }

    /** The account of that name (ignoring case and surrounding spaces); a name of no account is not kept. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        // as the statement matches it: "VHTT " and "vhtt" are one account, kept once
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        // before anyone is signed in, the account may be any body's (user names are the deployment's)
        return BodyScope.callAll(() -> Caches.get(kept, name, () -> read(name)));
    }

    private CurrentUser read(String username) {
        return jdbc.sql(ACCOUNT).param(username)
                .query((rs, row) -> new CurrentUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Role.valueOf(rs.getString(5)), rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                        rs.getBoolean(9), rs.getObject(10, Long.class), rs.getBoolean(11)))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /**
     * Stores the new hash of the password just verified, unless the stored hash changed meanwhile (a password
     * change or a parallel upgrade wins; the next login simply checks again).
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        if (!(user instanceof CurrentUser current) || newPassword == null) {
            return user;
        }
        // signing in happens before the request has a body: the account's own (or every body, for the province's)
        BodyScope.Scope scope = current.bodyId() == null ? BodyScope.Scope.ALL : BodyScope.Scope.of(current.bodyId());
        boolean replaced;
        try (BodyScope.Entered entered = BodyScope.enter(scope)) {
            replaced = Boolean.TRUE.equals(transactions.execute(status -> {
                if (users.replacePasswordHash(current.id(), current.passwordHash(), newPassword) != 1) {
                    return false;
                }
                audit.record(current.actor(), AppUser.ENTITY, current.id(), null, "password", null,
                        "(PBKDF2)", "Cách lưu mật khẩu được nâng cấp khi đăng nhập");
                return true;
            }));
        }
        if (!replaced) {
            return user;
        }
        log.info("Password hash upgraded: user={}", LogSafe.of(current.username()));
        return new CurrentUser(current.id(), current.username(), current.displayName(), newPassword, current.role(),
                current.unitId(), current.unitCode(), current.unitName(), current.enabled(), current.bodyId(),
                current.passwordChangeRequired());
    }
}
