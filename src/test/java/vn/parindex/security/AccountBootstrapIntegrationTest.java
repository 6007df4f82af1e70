package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import vn.parindex.database.DatabaseMode;
import vn.parindex.organisation.UnitRepository;
import vn.parindex.support.IntegrationTest;

/** The first accounts, on real PostgreSQL; each test rolls back what it changes. */
@IntegrationTest
@Transactional
class AccountBootstrapIntegrationTest {

    @Autowired
    AppUserRepository users;

    @Autowired
    UnitRepository units;

    @Autowired
    PasswordEncoder passwordEncoder;

    private AccountBootstrap bootstrap(DatabaseMode mode, String adminUser, String adminPassword, String demoPassword) {
        return new AccountBootstrap(users, units, passwordEncoder, mode, adminUser, adminPassword, demoPassword, false);
    }

    @Test
    void theEmbeddedDatabaseHasTheDemoAccountsWithBcryptHashes() {
        for (AccountBootstrap.DemoAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            AppUser user = users.findByUsernameWithUnit(demo.username()).orElseThrow();
            assertThat(user.getRole()).isEqualTo(demo.role());
            assertThat(user.getPasswordHash()).startsWith("$2").doesNotContain("demo");
            assertThat(passwordEncoder.matches("demo", user.getPasswordHash())).isTrue();
            assertThat(user.getUnit() == null ? null : user.getUnit().getCode()).isEqualTo(demo.unitCode());
        }
    }

    @Test
    void anExternalDatabaseWithNoAccountAndNoAdministratorGivenRefusesToStart() {
        users.deleteAll();
        users.flush();
        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap(DatabaseMode.EXTERNAL, "", "", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_USERNAME");
        assertThat(users.count()).isZero();
    }

    @Test
    void anExternalDatabaseGetsOnlyTheAdministratorItIsGiven() {
        users.deleteAll();
        users.flush();
        bootstrap(DatabaseMode.EXTERNAL, " Admin ", "mat-khau-dai", "").run(null);
        assertThat(users.findAll()).singleElement().satisfies(admin -> {
            assertThat(admin.getUsername()).isEqualTo("admin");
            assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
            assertThat(passwordEncoder.matches("mat-khau-dai", admin.getPasswordHash())).isTrue();
        });
        assertThat(users.findByUsernameWithUnit("noivu")).isEmpty();
    }

    @Test
    void aTooShortAdministratorPasswordIsRefused() {
        users.deleteAll();
        users.flush();
        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap(DatabaseMode.EXTERNAL, "admin", "short", "").run(null))
                .withMessageContaining("PARINDEX_ADMIN_PASSWORD");
        assertThat(users.count()).isZero();
    }

    @Test
    void demoAccountsTakeTheConfiguredPassword() {
        users.deleteAll();
        users.flush();
        bootstrap(DatabaseMode.EMBEDDED, "", "", "bi-mat-123").run(null);
        AppUser tuphap = users.findByUsernameWithUnit("tuphap").orElseThrow();
        assertThat(passwordEncoder.matches("bi-mat-123", tuphap.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches("demo", tuphap.getPasswordHash())).isFalse();
        assertThat(users.count()).isEqualTo(AccountBootstrap.DEMO_ACCOUNTS.size());
    }

    @Test
    void anExistingAccountTableIsLeftAlone() {
        long before = users.count();
        bootstrap(DatabaseMode.EXTERNAL, "other", "mat-khau-dai", "").run(null);
        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByUsernameWithUnit("other")).isEmpty();
    }
}
