package vn.parindex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Parallel logins through the real {@link ThrottlingAuthenticationProvider} and {@link PasswordCheckLimit}, with a
 * password check that the test holds open: how many reach the check, and what the others are told. The throttle's
 * clock is moved by hand; nothing here depends on timing.
 */
class ParallelLoginsTest {

    /** A password check that says "wrong" (or "right" for the password "right") once the test lets it. */
    static final class HeldCheck implements AuthenticationProvider {
        final AtomicInteger reached = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile CountDownLatch decided;

        @Override
        public Authentication authenticate(Authentication authentication) {
            reached.incrementAndGet();
            decided.countDown();
            try {
                release.await(60, TimeUnit.SECONDS); // only a safety net: the test always releases
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if ("right".equals(authentication.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
            }
            throw new BadCredentialsException("Bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(5, 20, 30,
            Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1), 100_000), clock,
            new MemoryLoginThrottleStore());
    private final HeldCheck check = new HeldCheck();
    private final ExecutorService pool = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        check.release.countDown();
        pool.shutdownNow();
    }

    private static Authentication login(String user, String password, String client) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(client, null));
        return token;
    }

    /** Starts the logins at once; returns, per login, what came out (an exception's class, or "ok"). */
    private List<Future<String>> start(AuthenticationProvider provider, List<Authentication> logins,
            CountDownLatch decided, Map<String, Integer> refused) {
        check.decided = decided;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (Authentication login : logins) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    provider.authenticate(login);
                    return "ok";
                } catch (RuntimeException e) {
                    if (e instanceof LoginDelayedException) {
                        refused.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        decided.countDown();
                    }
                    return e.getClass().getSimpleName();
                }
            }));
        }
        go.countDown();
        return results;
    }

    @Test
    void twoHundredSimultaneousGuessesForOneAccountFromOneAddressCheckOnlyTheFreeNumber() throws Exception {
        ThrottlingAuthenticationProvider provider = ThrottlingAuthenticationProvider.of(
                new PasswordCheckLimit(check, 100, Duration.ZERO), UnaryOperator.identity(), throttle);
        List<Authentication> logins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            logins.add(login("noivu", "guess" + i, "203.0.113.9"));
        }
        CountDownLatch decided = new CountDownLatch(200);
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        List<Future<String>> results = start(provider, logins, decided, refused);
        assertThat(decided.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.reached.get()).as("passwords checked").isEqualTo(5);
        assertThat(refused).containsExactly(Map.entry("LoginDelayedException", 195));
        check.release.countDown();
        for (Future<String> result : results) {
            result.get();
        }
        assertThat(throttle.failures("noivu", "203.0.113.9")).as("the refused ones do not count").isEqualTo(5);
        assertThatThrownBy(() -> provider.authenticate(login("noivu", "right", "203.0.113.9")))
                .isInstanceOf(LoginDelayedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.authenticate(login("noivu", "right", "203.0.113.9")).isAuthenticated()).isTrue();
    }

    @Test
    void pastTheCapOnConcurrentPasswordChecksLoginsAreRefusedAsBusyAndCountAsNoFailure() throws Exception {
        PasswordCheckLimit limit = new PasswordCheckLimit(check, 4, Duration.ZERO);
        ThrottlingAuthenticationProvider provider = ThrottlingAuthenticationProvider.of(limit,
                UnaryOperator.identity(), throttle);
        List<Authentication> logins = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            logins.add(login("user" + i, "guess", "10.0." + i + ".1"));
        }
        CountDownLatch decided = new CountDownLatch(12);
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        List<Future<String>> results = start(provider, logins, decided, refused);
        assertThat(decided.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.reached.get()).as("hashes checked at once").isEqualTo(4);
        assertThat(refused).containsExactly(Map.entry("LoginBusyException", 8));
        assertThat(limit.available()).isZero();
        check.release.countDown();
        int failed = 0;
        for (int i = 0; i < 12; i++) {
            String outcome = results.get(i).get();
            if (outcome.equals("BadCredentialsException")) {
                failed++;
                assertThat(throttle.failures("user" + i, "10.0." + i + ".1")).isEqualTo(1);
            } else {
                assertThat(outcome).isEqualTo("LoginBusyException");
                assertThat(throttle.failures("user" + i, "10.0." + i + ".1")).as("busy is no failure").isZero();
            }
        }
        assertThat(failed).isEqualTo(4);
        assertThat(limit.available()).as("every permit returned").isEqualTo(4);
        assertThat(throttle.size()).as("pair, address and account of each failure; nothing of the busy ones")
                .isEqualTo(12);
        assertThat(provider.authenticate(login("user11", "right", "10.0.11.1")).isAuthenticated())
                .as("free again").isTrue();
    }

    @Test
    void anApiClientSendingItsVerifiedPasswordWithManyParallelRequestsIsNeverRefused() throws Exception {
        var accounts = new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                org.springframework.security.core.userdetails.User.withUsername("api").password("{noop}right")
                        .roles("LEADER").build());
        CountDownLatch arrived = new CountDownLatch(60); // more than the free attempts per pair and address
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        org.springframework.security.core.userdetails.UserDetailsService users = username -> {
            if (hold.get()) { // every request reads the account: hold them all there at once
                arrived.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return accounts.loadUserByUsername(username);
        };
        var dao = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(org.springframework.security.crypto.factory.PasswordEncoderFactories
                .createDelegatingPasswordEncoder());
        AtomicInteger hashed = new AtomicInteger();
        AuthenticationProvider counted = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                hashed.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        ThrottlingAuthenticationProvider provider = ThrottlingAuthenticationProvider.of(
                new PasswordCheckLimit(counted, 4, Duration.ZERO),
                checks -> new RecentlyVerifiedPasswords(checks, users, Duration.ofMinutes(5), clock), throttle);
        assertThat(provider.authenticate(login("api", "right", "10.0.0.20")).isAuthenticated()).isTrue();
        hold.set(true);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            results.add(pool.submit(() -> provider.authenticate(login("api", "right", "10.0.0.20"))
                    .isAuthenticated()));
        }
        assertThat(arrived.await(60, TimeUnit.SECONDS)).as("60 requests in progress at once").isTrue();
        release.countDown();
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
        assertThat(hashed.get()).as("one real password check").isEqualTo(1);
        // a wrong password is still a real check, and counted
        hold.set(false);
        assertThatThrownBy(() -> provider.authenticate(login("api", "wrong", "10.0.0.20")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.failures("api", "10.0.0.20")).isEqualTo(1);
        assertThat(hashed.get()).isEqualTo(2);
    }

    @Test
    void parallelRequestsWithTheSamePasswordWaitForOneCheck() throws Exception {
        var accounts = new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                org.springframework.security.core.userdetails.User.withUsername("api").password("{noop}right")
                        .roles("LEADER").build());
        var dao = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(org.springframework.security.crypto.factory.PasswordEncoderFactories
                .createDelegatingPasswordEncoder());
        AtomicInteger hashed = new AtomicInteger();
        var release = new java.util.concurrent.atomic.AtomicReference<CountDownLatch>();
        var waiting = new java.util.concurrent.atomic.AtomicReference<CountDownLatch>();
        AuthenticationProvider held = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                hashed.incrementAndGet();
                try {
                    release.get().await(60, TimeUnit.SECONDS); // only a safety net: the test releases it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        ThrottlingAuthenticationProvider provider = ThrottlingAuthenticationProvider.of(
                new PasswordCheckLimit(held, 4, Duration.ZERO), checks -> {
                    RecentlyVerifiedPasswords memory = new RecentlyVerifiedPasswords(checks, accounts,
                            Duration.ofMinutes(5), clock);
                    memory.waiting = () -> waiting.get().countDown();
                    return memory;
                }, throttle);
        for (String password : new String[] {"wrong", "right"}) {
            hashed.set(0);
            release.set(new CountDownLatch(1));
            waiting.set(new CountDownLatch(19));
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    try {
                        provider.authenticate(login("api", password, "10.0.0.30"));
                        return "ok";
                    } catch (RuntimeException e) {
                        return e.getClass().getSimpleName();
                    }
                }));
            }
            assertThat(waiting.get().await(60, TimeUnit.SECONDS)).as("19 wait for the first (%s)", password)
                    .isTrue();
            release.get().countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(password.equals("right") ? "ok" : "BadCredentialsException");
            }
            assertThat(hashed.get()).as("one check for 20 requests (%s)", password).isEqualTo(1);
            if (password.equals("wrong")) {
                assertThat(throttle.failures("api", "10.0.0.30")).as("one guess, one failure").isEqualTo(1);
            }
        }
        assertThat(throttle.failures("api", "10.0.0.30")).as("cleared by the success")
                .isZero();
    }
}
