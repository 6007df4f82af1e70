package vn.parindex.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checks passwords (PBKDF2, or BCrypt for hashes not yet upgraded, through {@code passwords}), but not again and
 * again for the same account and password within a few minutes: API clients send their password with every request
 * (HTTP Basic), and password hashing is made to be slow.
 *
 * <p>What is kept is a keyed hash (HMAC-SHA-256 with a random key that lives only in this process's memory) of
 * the account name and password, with the account's password hash at the time and when it was checked. Every request
 * still looks the account up (kept per data revision, which every write to an account changes): a disabled account
 * is refused on the next request, and a changed password (a different hash, also after the hash was upgraded from
 * BCrypt at a login) is checked properly again. Wrong passwords are never kept.
 *
 * <p>Parallel requests with the same account and password (an API client opening with many requests at once) wait
 * for the one check in progress instead of each hashing the password: one check, one attempt for the throttle.
 */
class RecentlyVerifiedPasswords implements AuthenticationProvider {

    /** At most this many are kept; past it, everything is forgotten (the next requests check the hash again). */
    static final int CAPACITY = 1_000;

    /** How long a request waits for the same account and password being checked in parallel, at most. */
    static final Duration WAIT_FOR_SAME_CHECK = Duration.ofSeconds(10);

    private record Verified(String passwordHash, Instant at) {
    }

    /** A login answered from memory, without checking the password hash again. */
    static final class Remembered extends UsernamePasswordAuthenticationToken {

        Remembered(UserDetails user) {
            super(user, null, user.getAuthorities());
        }
    }

    private final AuthenticationProvider passwords;
    private final UserDetailsService users;
    private final Duration trustedFor;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Checks in progress, by the same keyed hash: right (true), wrong (false) or not decided (null) when done. */
    private final Map<String, CompletableFuture<Boolean>> inProgress = new ConcurrentHashMap<>();
    /** Told when a request starts waiting for the same check (for tests). */
    volatile Runnable waiting = () -> { };

    RecentlyVerifiedPasswords(AuthenticationProvider passwords, UserDetailsService users, Duration trustedFor,
            Clock clock) {
        this.passwords = passwords;
        this.users = users;
        this.trustedFor = trustedFor;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return authenticate(authentication, false);
    }

    private Authentication authenticate(Authentication authentication, boolean waitedFor) {
        Object credentials = authentication.getCredentials();
        if (credentials == null || trustedFor.isZero()) {
            return passwords.authenticate(authentication);
        }
        String name = fingerprint(authentication.getName(), credentials.toString());
        Verified found = verified.get(name);
        if (found != null && clock.instant().isBefore(found.at().plus(trustedFor))) {
            UserDetails user = users.loadUserByUsername(authentication.getName());
            if (!user.isEnabled()) {
                verified.remove(name);
                throw new DisabledException("disabled");
            }
            if (MessageDigest.isEqual(bytes(user.getPassword()), bytes(found.passwordHash()))) {
                UsernamePasswordAuthenticationToken result = new Remembered(user);
                result.setDetails(authentication.getDetails());
                return result;
            }
            verified.remove(name); // the password changed since: check it properly
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inProgress.putIfAbsent(name, mine);
        if (running != null && !waitedFor) {
            // the same account and password is being checked right now: wait for that check instead of another one
            waiting.run();
            Boolean right = waitFor(running);
            if (Boolean.FALSE.equals(right)) {
                throw new BadCredentialsException("Bad credentials");
            }
            return authenticate(authentication, true); // remembered now, or (not decided) checked properly
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (result.getPrincipal() instanceof UserDetails user && user.getPassword() != null) {
                if (verified.size() >= CAPACITY) {
                    verified.clear();
                }
                verified.put(name, new Verified(user.getPassword(), clock.instant()));
            }
            mine.complete(Boolean.TRUE);
            return result;
        } catch (BadCredentialsException e) {
            mine.complete(Boolean.FALSE);
            throw e;
        } finally {
            mine.complete(null); // neither (busy, delayed, database unreachable…): the waiting ones check themselves
            if (running == null) {
                inProgress.remove(name, mine);
            }
        }
    }

    /** The outcome of the same check running in parallel: right, wrong, or null (not decided, or waited too long). */
    private static Boolean waitFor(CompletableFuture<Boolean> running) {
        try {
            return running.get(WAIT_FOR_SAME_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes(username + '\u0000' + password)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
