package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The throttle's counts live in the database: when it cannot be read or written, a sign-in is answered
 * "unavailable" ({@link LoginUnavailableException}: 503, {@code /login?unavailable}), never let through unthrottled
 * and never a 500; an attempt in progress ends all the same.
 */
class ThrottlingAuthenticationProviderTest {

    static final LoginThrottle.Settings SETTINGS = new LoginThrottle.Settings(3, 6, 10, Duration.ofSeconds(1),
            Duration.ofSeconds(60), Duration.ofMinutes(10), 1_000);

    final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    final AtomicInteger checks = new AtomicInteger();

    /** A password check: "right" is right, anything else wrong. */
    final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            if ("right".equals(authentication.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
            }
            throw new BadCredentialsException("Bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    static Authentication login(String user, String password, String client) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(client, null));
        return token;
    }

    /** The store in memory, whose writes fail while {@code down} is set (the database gone after the read). */
    static final class WritesFail implements LoginThrottleStore {
        final MemoryLoginThrottleStore store = new MemoryLoginThrottleStore();
        final AtomicBoolean down = new AtomicBoolean();

        private void check() {
            if (down.get()) {
                throw new DataAccessResourceFailureException("the database went away");
            }
        }

        @Override
        public Stored read(Collection<String> keys, String knownKey, Instant forgottenBefore) {
            return store.read(keys, knownKey, forgottenBefore);
        }

        @Override
        public Written fail(Collection<String> keys, Instant now, Instant forgottenBefore) {
            check();
            return store.fail(keys, now, forgottenBefore);
        }

        @Override
        public Written succeed(String pairKey, String knownKey, Instant now) {
            check();
            return store.succeed(pairKey, knownKey, now);
        }

        @Override
        public void forget(Instant forgottenBefore) {
            store.forget(forgottenBefore);
        }

        @Override
        public void trim(Instant forgottenBefore, int keepFailures, int keepKnown) {
            store.trim(forgottenBefore, keepFailures, keepKnown);
        }

        @Override
        public int size() {
            return store.size();
        }

        @Override
        public int knownSize() {
            return store.knownSize();
        }
    }

    @Test
    void aThrottleWhoseDatabaseCannotBeReachedRefusesEverySignInAsUnavailableWithoutCheckingThePassword() {
        // a real JDBC store on a port where no PostgreSQL listens: the connection is refused at once
        DriverManagerDataSource nowhere = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/parindex?connectTimeout=2", "parindex_app", "none");
        LoginThrottle throttle = new LoginThrottle(SETTINGS, clock, new JdbcLoginThrottleStore(new JdbcTemplate(
                nowhere)));
        AuthenticationProvider provider = ThrottlingAuthenticationProvider.of(passwords, UnaryOperator.identity(),
                throttle);
        for (String password : new String[] {"right", "wrong", "x".repeat(5_000)}) {
            assertThatThrownBy(() -> provider.authenticate(login("tuphap", password, "10.0.0.1")))
                    .isInstanceOf(LoginUnavailableException.class);
        }
        assertThat(checks).as("no password checked").hasValue(0);
        assertThat(throttle.inProgress()).isZero();
    }

    @Test
    void aFailureOrSuccessThatCannotBeStoredIsUnavailableAndEndsTheAttempt() {
        WritesFail store = new WritesFail();
        LoginThrottle throttle = new LoginThrottle(SETTINGS, clock, store);
        AuthenticationProvider provider = ThrottlingAuthenticationProvider.of(passwords, UnaryOperator.identity(),
                throttle);
        store.down.set(true);
        for (String password : new String[] {"wrong", "right"}) {
            assertThatThrownBy(() -> provider.authenticate(login("tuphap", password, "10.0.0.1")))
                    .as(password).isInstanceOf(LoginUnavailableException.class);
            assertThat(throttle.inProgress()).as("the attempt ended").isZero();
        }
        assertThat(checks).hasValue(2);

        store.down.set(false);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("tuphap", "wrong", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.failures("tuphap", "10.0.0.1")).isEqualTo(3);
        assertThatThrownBy(() -> provider.authenticate(login("tuphap", "right", "10.0.0.1")))
                .as("delayed, unchecked").isInstanceOf(LoginDelayedException.class);
        assertThat(checks).hasValue(5);
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.authenticate(login("tuphap", "right", "10.0.0.1")).isAuthenticated()).isTrue();
        assertThat(throttle.failures("tuphap", "10.0.0.1")).isZero();
    }
}
