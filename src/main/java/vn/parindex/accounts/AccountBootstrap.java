package vn.parindex.accounts;

import vn.parindex.organisation.Bodies;
import vn.parindex.system.BodyScope;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import vn.parindex.database.DatabaseMode;
import vn.parindex.security.AppUser;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.DemoMode;
import vn.parindex.security.DemoProperties;
import vn.parindex.security.LogSafe;
import vn.parindex.security.Role;
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;

/**
 * The first accounts. On an empty account table: the administrator named by {@code PARINDEX_ADMIN_USERNAME} /
 * {@code PARINDEX_ADMIN_PASSWORD} if given (a password of at least 12 characters, neither the username nor a
 * commonly used password), and the demo accounts (password
 * {@code demo} unless {@code PARINDEX_DEMO_PASSWORD} is set) where they are safe:
 * <ul>
 * <li>demo mode is on by default only with the embedded database listening on loopback only (the default there,
 * see {@link vn.parindex.security.LoopbackByDefault}) and no reverse proxy configured ({@code server.forward-headers-strategy} unset or
 * {@code none}: a proxy on the same machine would publish the loopback listener); {@code parindex.demo.enabled=true} ({@code PARINDEX_DEMO_ENABLED}) turns it on
 * for an embedded database reachable from other machines, {@code false} turns it off everywhere;</li>
 * <li>on an external database no account with a known password is ever created;</li>
 * <li>reachable from other machines without demo mode, the application refuses to start while an enabled demo
 * account still has the published password (nothing is changed: start it once on loopback and change those
 * passwords or disable the accounts, or turn demo mode on knowingly).</li>
 * </ul>
 * With no account at all and no administrator given, the application refuses to start.
 */
@Component
@Order(2)
class AccountBootstrap implements ApplicationRunner, org.springframework.beans.factory.SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /** A demo account: username, display name, role, unit code. */
    record DemoAccount(String username, String displayName, Role role, String unitCode) {
    }

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("noivu", "Cán bộ Phòng Nội vụ", Role.ADMIN, "NOIVU"),
            new DemoAccount("tuphap", "Trưởng phòng Tư pháp", Role.UNIT_HEAD, "TUPHAP"),
            new DemoAccount("vanphong", "Chánh Văn phòng HĐND và UBND", Role.UNIT_HEAD, "VANPHONG"),
            new DemoAccount("vhtt", "Trưởng phòng Văn hóa – Thông tin", Role.UNIT_HEAD, "VHTT"),
            new DemoAccount("tckh", "Trưởng phòng Tài chính – Kế hoạch", Role.UNIT_HEAD, "TCKH"),
            new DemoAccount("thanhtra", "Chánh Thanh tra huyện", Role.UNIT_HEAD, "THANHTRA"),
            new DemoAccount("lanhdao", "Lãnh đạo UBND huyện", Role.LEADER, null),
            new DemoAccount("sonoivu", "Cán bộ Sở Nội vụ", Role.PROVINCE, null));

    /** The password the README publishes for the demo accounts. */
    static final String PUBLISHED_DEMO_PASSWORD = "demo";

    /**
     * Where the application runs: which database, which listening address, what the operator asked for, and whether
     * a reverse proxy forwards requests ({@code server.forward-headers-strategy}).
     */
    record Settings(DatabaseMode databaseMode, String serverAddress, String demoEnabled, String adminUsername,
            String adminPassword, String demoPassword, boolean demoOnExternalDatabase, String forwardHeadersStrategy) {

        Settings(DatabaseMode databaseMode, String serverAddress, String demoEnabled, String adminUsername,
                String adminPassword, String demoPassword, boolean demoOnExternalDatabase) {
            this(databaseMode, serverAddress, demoEnabled, adminUsername, adminPassword, demoPassword,
                    demoOnExternalDatabase, "");
        }
    }

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final Settings settings;
    private final Bodies bodies;
    private volatile boolean demoPasswordsChecked;

    @org.springframework.beans.factory.annotation.Autowired
    AccountBootstrap(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            DatabaseMode databaseMode, @Value("${server.address:}") String serverAddress, DemoProperties demo,
            AdminProperties admin, @Value("${server.forward-headers-strategy:}") String forwardHeadersStrategy,
            Bodies bodies) {
        this(users, units, passwordEncoder, bodies, new Settings(databaseMode, serverAddress, demo.enabled(),
                admin.username(), admin.password(), demo.password(), demo.seedOnExternalDatabase(),
                forwardHeadersStrategy));
    }

    AccountBootstrap(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder, Bodies bodies,
            Settings settings) {
        this.bodies = bodies;
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
    }

    /** Where the application runs, as {@link DemoMode} reads it. */
    private DemoMode.Where where() {
        return new DemoMode.Where(settings.databaseMode(), settings.serverAddress(), settings.demoEnabled(),
                settings.demoOnExternalDatabase(), settings.forwardHeadersStrategy());
    }

    /** Whether only this machine can reach the app ({@link DemoMode#reachableFromThisMachineOnly}). */
    boolean reachableFromThisMachineOnly() {
        return DemoMode.reachableFromThisMachineOnly(where());
    }

    /** Whether demo accounts may exist here. */
    boolean demoMode() {
        return DemoMode.on(where());
    }

    /**
     * Before the web server opens (it starts accepting requests before the application runners run): no demo
     * account with the published password may be reachable from other machines, not even for a few seconds.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!demoMode() && !reachableFromThisMachineOnly()) {
            BodyScope.callAll(() -> {
                refuseDemoAccountsWithKnownPasswords();
                return null;
            });
        }
    }

    /**
     * The first administrator and the demo accounts go to the deployment's first body (the install's own), the
     * demo province account to none; user names are the deployment's, so accounts are counted and looked up in
     * every body, and each account is written with its body named.
     */
    @Override
    public void run(ApplicationArguments args) {
        BodyScope.callAll(() -> {
            bootstrap();
            return null;
        });
    }

    private void bootstrap() {
        String adminUsername = settings.adminUsername();
        String adminPassword = settings.adminPassword();
        boolean empty = users.count() == 0;
        if (empty && StringUtils.hasText(adminUsername)) {
            if (!StringUtils.hasText(adminPassword)
                    || adminPassword.codePointCount(0, adminPassword.length()) < AccountService.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("PARINDEX_ADMIN_PASSWORD must be set, at least "
                        + AccountService.MIN_PASSWORD_LENGTH + " characters, to create the administrator "
                        + LogSafe.of(adminUsername));
            }
            if (CommonPasswords.isUsername(adminPassword, adminUsername) || CommonPasswords.isCommon(adminPassword)) {
                // the rules of every other new password (AccountService); the demo accounts' published password
                // is not checked: they exist only where no other machine can reach them
                throw new IllegalStateException("PARINDEX_ADMIN_PASSWORD may not be the username (nor reversed) or "
                        + "one of the most commonly used passwords: choose another to create the administrator "
                        + LogSafe.of(adminUsername));
            }
            users.save(new AppUser(adminUsername, adminUsername, passwordEncoder.encode(adminPassword), Role.ADMIN,
                    null, bodies.first().id()));
            log.info("Created the administrator account '{}'", LogSafe.of(adminUsername.strip().toLowerCase()));
        }
        boolean demo = demoMode();
        if (demo) {
            if (empty) {
                seedDemoAccounts();
            }
            printDemoAccounts();
        } else if (!reachableFromThisMachineOnly() && !demoPasswordsChecked) {
            refuseDemoAccountsWithKnownPasswords();
        }
        if (users.count() == 0) {
            throw new IllegalStateException("No account exists on this database. Set PARINDEX_ADMIN_USERNAME and "
                    + "PARINDEX_ADMIN_PASSWORD to create the first administrator"
                    + (settings.databaseMode() == DatabaseMode.EMBEDDED
                            ? " (demo accounts are only created when the server listens on loopback with no reverse "
                            + "proxy configured, or with "
                            + "PARINDEX_DEMO_ENABLED=true)." : "."));
        }
    }

    /** Reachable from other machines: no enabled account may keep the demo password. */
    private void refuseDemoAccountsWithKnownPasswords() {
        List<String> known = new java.util.ArrayList<>();
        for (AppUser user : users.findByUsernames(DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList())) {
            if (user.isEnabled() && (passwordEncoder.matches(PUBLISHED_DEMO_PASSWORD, user.getPasswordHash())
                    || (StringUtils.hasText(settings.demoPassword())
                    && passwordEncoder.matches(settings.demoPassword(), user.getPasswordHash())))) {
                known.add(user.getUsername());
            }
        }
        demoPasswordsChecked = known.isEmpty();
        if (!known.isEmpty()) {
            throw new IllegalStateException("Refusing to start: the server is reachable from other machines "
                    + "(server.address=" + LogSafe.of(settings.serverAddress()) + ", server.forward-headers-strategy="
                    + LogSafe.of(settings.forwardHeadersStrategy()) + ") and the demo accounts " + known
                    + " still have the published demo password. Start once without SERVER_ADDRESS and without "
                    + "SERVER_FORWARD_HEADERS_STRATEGY (loopback only) "
                    + "and change their passwords or disable them (Quản trị > Tài khoản), or set "
                    + "PARINDEX_DEMO_ENABLED=true to run a demo knowingly.");
        }
    }

    private void seedDemoAccounts() {
        String password = StringUtils.hasText(settings.demoPassword()) ? settings.demoPassword()
                : PUBLISHED_DEMO_PASSWORD;
        String hash = passwordEncoder.encode(password);
        long first = bodies.first().id();
        for (DemoAccount account : DEMO_ACCOUNTS) {
            if (account.role() == Role.PROVINCE) {
                // the province's Home Affairs: an account of no body
                users.save(new AppUser(account.username(), account.displayName(), hash, account.role(), null, null));
                continue;
            }
            Unit unit = account.unitCode() == null ? null
                    : units.findByBodyAndCode(first, account.unitCode()).orElse(null);
            if (account.role() == Role.UNIT_HEAD && unit == null) {
                log.warn("Demo account '{}' skipped: unit {} does not exist", account.username(), account.unitCode());
                continue;
            }
            users.save(new AppUser(account.username(), account.displayName(), hash, account.role(), unit, first));
        }
    }

    private void printDemoAccounts() {
        List<AppUser> present = users.findByUsernames(DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList());
        if (present.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n  Tài khoản dùng thử / demo accounts (embedded database), password '")
                .append(StringUtils.hasText(settings.demoPassword()) ? "<PARINDEX_DEMO_PASSWORD>" : "demo")
                .append("' unless changed:\n");
        for (AppUser user : present) {
            text.append(String.format("    %-9s %-9s %s%n", user.getUsername(), user.getRole(),
                    user.getUnit() == null ? "" : user.getUnit().getName()));
        }
        log.info(text.toString());
    }
}
