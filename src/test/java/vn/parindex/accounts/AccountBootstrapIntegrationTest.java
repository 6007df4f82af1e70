package vn.parindex.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.database.DatabaseMode;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.security.AppUser;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.DemoMode;
import vn.parindex.security.LoopbackByDefault;
import vn.parindex.security.Role;
import vn.parindex.support.IntegrationTest;

/** The first accounts, on real PostgreSQL; each test rolls back what it changes. */
@IntegrationTest
@Transactional
@vn.parindex.support.AllBodies
class AccountBootstrapIntegrationTest {

    static final String LOOPBACK = "127.0.0.1";
    static final String EVERYWHERE = "0.0.0.0";

    @Autowired
    AppUserRepository users;

    @Autowired
    UnitRepository units;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager entityManager;

    @org.springframework.beans.factory.annotation.Autowired
    vn.parindex.organisation.Bodies bodies;

    private AccountBootstrap bootstrap(DatabaseMode mode, String address, String demoEnabled, String adminUser,
            String adminPassword, String demoPassword) {
        return new AccountBootstrap(users, units, passwordEncoder, bodies, new AccountBootstrap.Settings(mode, address,
                demoEnabled, adminUser, adminPassword, demoPassword, false));
    }

    private AccountBootstrap bootstrap(DatabaseMode mode, String adminUser, String adminPassword, String demoPassword) {
        return bootstrap(mode, LOOPBACK, "", adminUser, adminPassword, demoPassword);
    }

    private void noAccounts() {
        users.deleteAll();
        users.flush();
    }

    @Test
    void theZeroSetupStartListensOnLoopbackOnlyAndHasTheDemoAccounts(@Autowired Environment environment) {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        for (AccountBootstrap.DemoAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            AppUser user = users.findByUsernameWithUnit(demo.username()).orElseThrow();
            assertThat(user.getRole()).isEqualTo(demo.role());
            assertThat(user.getPasswordHash()).startsWith("{pbkdf2@SpringSecurity_v5_8}").doesNotContain("demo");
            assertThat(passwordEncoder.matches("demo", user.getPasswordHash())).isTrue();
            assertThat(user.getUnit() == null ? null : user.getUnit().getCode()).isEqualTo(demo.unitCode());
        }
    }

    @Test
    void loopbackMeansLoopbackAddressesOnly() {
        assertThat(DemoMode.loopbackOnly("127.0.0.1")).isTrue();
        assertThat(DemoMode.loopbackOnly("localhost")).isTrue();
        assertThat(DemoMode.loopbackOnly("::1")).isTrue();
        assertThat(DemoMode.loopbackOnly("0.0.0.0")).isFalse();
        assertThat(DemoMode.loopbackOnly("::")).isFalse();
        assertThat(DemoMode.loopbackOnly("192.0.2.10")).isFalse();
        assertThat(DemoMode.loopbackOnly("")).as("no address: every interface").isFalse();
        assertThat(DemoMode.loopbackOnly(null)).isFalse();
    }

    @Test
    void anExternalDatabaseWithNoAccountAndNoAdministratorGivenRefusesToStart() {
        noAccounts();
        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap(DatabaseMode.EXTERNAL, "", "", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_USERNAME");
        assertThat(users.count()).isZero();
    }

    @Test
    void anExternalDatabaseGetsOnlyTheAdministratorItIsGiven() {
        noAccounts();
        bootstrap(DatabaseMode.EXTERNAL, " Admin ", "mat-khau-dai", "").run(null);
        assertThat(users.findAll()).singleElement().satisfies(admin -> {
            assertThat(admin.getUsername()).isEqualTo("admin");
            assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            assertThat(passwordEncoder.matches("mat-khau-dai", admin.getPasswordHash())).isTrue();
        });
        assertThat(users.findByUsernameWithUnit("noivu")).isEmpty();
    }

    @Test
    void anAdministratorPasswordUnderTwelveCharactersIsRefused() {
        noAccounts();
        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap(DatabaseMode.EXTERNAL, "admin", "mat-khau-11", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_PASSWORD").withMessageContaining("12");
        assertThat(users.count()).isZero();
    }

    @Test
    void anAdministratorPasswordThatIsCommonOrTheUsernameIsRefused() {
        noAccounts();
        for (String[] given : new String[][] {{"quantri.huyen", "quantri.huyen"}, {"quantri.huyen", "NEYUH.IRTNAUQ"},
                {"admin", "qwerty123456"}}) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> bootstrap(DatabaseMode.EXTERNAL, given[0], given[1], "").run(null))
                    .withMessageContaining("PARINDEX_ADMIN_PASSWORD").withMessageContaining("common");
            assertThat(users.count()).isZero();
        }
    }

    @Test
    void demoAccountsTakeTheConfiguredPassword() {
        noAccounts();
        bootstrap(DatabaseMode.EMBEDDED, "", "", "bi-mat-123").run(null);
        AppUser tuphap = users.findByUsernameWithUnit("tuphap").orElseThrow();
        assertThat(passwordEncoder.matches("bi-mat-123", tuphap.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches("demo", tuphap.getPasswordHash())).isFalse();
        assertThat(users.count()).isEqualTo(AccountBootstrap.DEMO_ACCOUNTS.size());
    }

    @Test
    void anExistingAccountTableIsLeftAlone() {
        long before = users.count();
        bootstrap(DatabaseMode.EXTERNAL, LOOPBACK, "", "other", "mat-khau-dai", "").run(null);
        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByUsernameWithUnit("other")).isEmpty();
    }

    @Test
    void listeningBeyondLoopbackCreatesNoDemoAccounts() {
        noAccounts();
        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap(DatabaseMode.EMBEDDED, EVERYWHERE, "", "", "", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_USERNAME").withMessageContaining("PARINDEX_DEMO_ENABLED");
        assertThat(users.count()).isZero();
        bootstrap(DatabaseMode.EMBEDDED, EVERYWHERE, "", "admin", "mat-khau-dai", "").run(null);
        assertThat(users.findAll()).extracting(AppUser::getUsername).containsExactly("admin");
        bootstrap(DatabaseMode.EMBEDDED, "192.0.2.10", "", "", "", "").run(null);
        assertThat(users.findAll()).extracting(AppUser::getUsername).containsExactly("admin");
    }

    @Test
    void explicitDemoModeCreatesThemBeyondLoopbackAndItsAbsenceNowhere() {
        noAccounts();
        bootstrap(DatabaseMode.EMBEDDED, EVERYWHERE, "true", "", "", "").run(null);
        assertThat(users.count()).isEqualTo(AccountBootstrap.DEMO_ACCOUNTS.size());
        noAccounts();
        bootstrap(DatabaseMode.EMBEDDED, LOOPBACK, "false", "admin", "mat-khau-dai", "").run(null);
        assertThat(users.findAll()).extracting(AppUser::getUsername).containsExactly("admin");
        noAccounts();
        bootstrap(DatabaseMode.EXTERNAL, EVERYWHERE, "true", "admin", "mat-khau-dai", "").run(null);
        assertThat(users.findAll()).as("never on an external database").extracting(AppUser::getUsername)
                .containsExactly("admin");
    }

    @Test
    void beyondLoopbackTheStartIsRefusedWhileADemoAccountHasThePublishedPassword() {
        String before = jdbc.queryForObject("select string_agg(username || password_hash || enabled, ',' "
                + "order by id) from app_user", String.class);
        for (DatabaseMode mode : DatabaseMode.values()) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> bootstrap(mode, EVERYWHERE, "", "", "", "").run(null))
                    .withMessageContaining("noivu").withMessageContaining("published demo password")
                    .withMessageContaining("PARINDEX_DEMO_ENABLED=true");
            assertThatIllegalStateException().as("already before the web server opens")
                    .isThrownBy(() -> bootstrap(mode, EVERYWHERE, "", "", "", "").afterSingletonsInstantiated());
        }
        assertThat(jdbc.queryForObject("select string_agg(username || password_hash || enabled, ',' order by id) "
                + "from app_user", String.class)).as("nothing changed").isEqualTo(before);
        // on loopback, and in explicit demo mode, they are fine
        bootstrap(DatabaseMode.EMBEDDED, LOOPBACK, "", "", "", "").run(null);
        bootstrap(DatabaseMode.EMBEDDED, EVERYWHERE, "true", "", "", "").run(null);
        // once their passwords are changed (or the accounts disabled), it starts
        String secret = passwordEncoder.encode("mot-mat-khau-rieng");
        jdbc.update("update app_user set password_hash = ? where username <> 'lanhdao'", secret);
        jdbc.update("update app_user set enabled = false where username = 'lanhdao'");
        entityManager.clear();
        bootstrap(DatabaseMode.EMBEDDED, EVERYWHERE, "", "", "", "").run(null);
        bootstrap(DatabaseMode.EXTERNAL, EVERYWHERE, "", "", "", "").run(null);
    }

    private AccountBootstrap behindProxy(String strategy, String demoEnabled, String adminUser, String adminPassword) {
        return new AccountBootstrap(users, units, passwordEncoder, bodies, new AccountBootstrap.Settings(
                DatabaseMode.EMBEDDED, LOOPBACK, demoEnabled, adminUser, adminPassword, "", false, strategy));
    }

    @Test
    void behindAReverseProxyOnThisMachineLoopbackIsNotSafe() {
        String before = jdbc.queryForObject("select string_agg(username || password_hash || enabled, ',' "
                + "order by id) from app_user", String.class);
        for (String strategy : new String[] {"native", "framework", "NATIVE "}) {
            assertThat(behindProxy(strategy, "", "", "").demoMode()).as(strategy).isFalse();
            assertThatIllegalStateException().as("the demo passwords are published: %s", strategy)
                    .isThrownBy(() -> behindProxy(strategy, "", "", "").afterSingletonsInstantiated())
                    .withMessageContaining("noivu").withMessageContaining("server.forward-headers-strategy");
            assertThatIllegalStateException()
                    .isThrownBy(() -> behindProxy(strategy, "", "", "").run(null))
                    .withMessageContaining("published demo password");
        }
        assertThat(jdbc.queryForObject("select string_agg(username || password_hash || enabled, ',' order by id) "
                + "from app_user", String.class)).as("nothing changed").isEqualTo(before);
        for (String strategy : new String[] {"", "none", "NONE"}) {
            assertThat(behindProxy(strategy, "", "", "").demoMode()).as("no proxy: %s", strategy).isTrue();
        }
        assertThat(behindProxy("native", "true", "", "").demoMode()).as("demo mode turned on knowingly").isTrue();
        behindProxy("native", "true", "", "").run(null);

        noAccounts();
        assertThatIllegalStateException()
                .isThrownBy(() -> behindProxy("native", "", "", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_USERNAME");
        assertThat(users.count()).as("no demo account created").isZero();
        behindProxy("native", "", "admin", "mat-khau-dai").run(null);
        assertThat(users.findAll()).extracting(AppUser::getUsername).containsExactly("admin");
    }

    @Test
    void theLoopbackDefaultAppliesOnlyToTheEmbeddedDatabaseWithNoAddressGiven() {
        var environment = new org.springframework.mock.env.MockEnvironment();
        new LoopbackByDefault().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");

        var open = new org.springframework.mock.env.MockEnvironment().withProperty("server.address", "0.0.0.0");
        new LoopbackByDefault().postProcessEnvironment(open, null);
        assertThat(open.getProperty("server.address")).isEqualTo("0.0.0.0");

        var external = new org.springframework.mock.env.MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/parindex");
        new LoopbackByDefault().postProcessEnvironment(external, null);
        assertThat(external.getProperty("server.address")).isNull();
    }
}
