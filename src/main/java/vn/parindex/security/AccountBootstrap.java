package vn.parindex.security;

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
import vn.parindex.organisation.Unit;
import vn.parindex.organisation.UnitRepository;

/**
 * The first accounts. On an empty account table: the administrator named by {@code PARINDEX_ADMIN_USERNAME} /
 * {@code PARINDEX_ADMIN_PASSWORD} if given; on the embedded database also the demo accounts (password
 * {@code demo} unless {@code PARINDEX_DEMO_PASSWORD} is set). On an external database no account with a known
 * password is ever created, and the application refuses to start with no account and no administrator given.
 */
@Component
@Order(2)
class AccountBootstrap implements ApplicationRunner {

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
            new DemoAccount("lanhdao", "Lãnh đạo UBND huyện", Role.LEADER, null));

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;
    private final DatabaseMode databaseMode;
    private final String adminUsername;
    private final String adminPassword;
    private final String demoPassword;
    /** Only for the test suite on a throw-away container database; never set in production. */
    private final boolean demoOnExternalDatabase;

    AccountBootstrap(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder,
            DatabaseMode databaseMode, @Value("${parindex.admin.username:}") String adminUsername,
            @Value("${parindex.admin.password:}") String adminPassword,
            @Value("${parindex.demo.password:}") String demoPassword,
            @Value("${parindex.demo.seed-on-external-database:false}") boolean demoOnExternalDatabase) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.databaseMode = databaseMode;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.demoPassword = demoPassword;
        this.demoOnExternalDatabase = demoOnExternalDatabase;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = users.count() == 0;
        if (empty && StringUtils.hasText(adminUsername)) {
            if (!StringUtils.hasText(adminPassword) || adminPassword.length() < 8) {
                throw new IllegalStateException("PARINDEX_ADMIN_PASSWORD must be set, at least 8 characters, "
                        + "to create the administrator " + adminUsername);
            }
            users.save(new AppUser(adminUsername, adminUsername, passwordEncoder.encode(adminPassword), Role.ADMIN,
                    null));
            log.info("Created the administrator account '{}'", adminUsername.strip().toLowerCase());
        }
        if (databaseMode == DatabaseMode.EMBEDDED || demoOnExternalDatabase) {
            if (empty) {
                seedDemoAccounts();
            }
            printDemoAccounts();
        } else if (users.count() == 0) {
            throw new IllegalStateException("No account exists on this database. Set PARINDEX_ADMIN_USERNAME and "
                    + "PARINDEX_ADMIN_PASSWORD to create the first administrator.");
        }
    }

    private void seedDemoAccounts() {
        String password = StringUtils.hasText(demoPassword) ? demoPassword : "demo";
        String hash = passwordEncoder.encode(password);
        for (DemoAccount account : DEMO_ACCOUNTS) {
            Unit unit = account.unitCode() == null ? null : units.findByCode(account.unitCode()).orElse(null);
            if (account.role() == Role.UNIT_HEAD && unit == null) {
                log.warn("Demo account '{}' skipped: unit {} does not exist", account.username(), account.unitCode());
                continue;
            }
            users.save(new AppUser(account.username(), account.displayName(), hash, account.role(), unit));
        }
    }

    private void printDemoAccounts() {
        List<AppUser> present = users.findByUsernames(DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList());
        if (present.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n  Tài khoản dùng thử / demo accounts (embedded database), password '")
                .append(StringUtils.hasText(demoPassword) ? "<PARINDEX_DEMO_PASSWORD>" : "demo")
                .append("' unless changed:\n");
        for (AppUser user : present) {
            text.append(String.format("    %-9s %-9s %s%n", user.getUsername(), user.getRole(),
                    user.getUnit() == null ? "" : user.getUnit().getName()));
        }
        log.info(text.toString());
    }
}
