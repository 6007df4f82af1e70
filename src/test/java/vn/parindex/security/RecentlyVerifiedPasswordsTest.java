package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

class RecentlyVerifiedPasswordsTest {

    final AtomicReference<CurrentUser> account = new AtomicReference<>(user("$2a$hash-1", true));
    final AtomicInteger bcryptChecks = new AtomicInteger();
    final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();

    static CurrentUser user(String hash, boolean enabled) {
        return new CurrentUser(1, "tuphap", "Phòng Tư pháp", hash, Role.UNIT_HEAD, 2L, "TUPHAP", "Phòng Tư pháp",
                enabled);
    }

    /** Stands for BCrypt: the password "demo" matches hash-1, "moi" matches hash-2. */
    final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            bcryptChecks.incrementAndGet();
            CurrentUser user = account.get();
            String expected = user.passwordHash().endsWith("1") ? "demo" : "moi";
            if (!expected.equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            if (!user.enabled()) {
                throw new DisabledException("disabled");
            }
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    final UserDetailsService users = username -> account.get();

    RecentlyVerifiedPasswords provider(Duration memory) {
        return new RecentlyVerifiedPasswords(bcrypt, users, memory, clock);
    }

    static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("tuphap", password);
    }

    @Test
    void theSamePasswordIsCheckedWithBcryptOnceWithinTheInterval() {
        RecentlyVerifiedPasswords provider = provider(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            Authentication result = provider.authenticate(login("demo"));
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(result.getName()).isEqualTo("tuphap");
            assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_UNIT_HEAD");
        }
        assertThat(bcryptChecks).hasValue(1);
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        provider.authenticate(login("demo"));
        assertThat(bcryptChecks).as("checked again once the interval is over").hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverKept() {
        RecentlyVerifiedPasswords provider = provider(Duration.ofMinutes(5));
        provider.authenticate(login("demo"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("sai"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aDisabledAccountIsRefusedAtOnce() {
        RecentlyVerifiedPasswords provider = provider(Duration.ofMinutes(5));
        provider.authenticate(login("demo"));
        account.set(user("$2a$hash-1", false));
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void aChangedPasswordEndsTheOldOnesAcceptance() {
        RecentlyVerifiedPasswords provider = provider(Duration.ofMinutes(5));
        provider.authenticate(login("demo"));
        account.set(user("$2a$hash-2", true));
        assertThatThrownBy(() -> provider.authenticate(login("demo"))).isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("moi")).isAuthenticated()).isTrue();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void withoutAnIntervalEveryRequestIsCheckedWithBcrypt() {
        RecentlyVerifiedPasswords provider = provider(Duration.ZERO);
        provider.authenticate(login("demo"));
        provider.authenticate(login("demo"));
        assertThat(bcryptChecks).hasValue(2);
    }
}
