package vn.parindex.security;

import java.text.Normalizer;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How passwords are stored: PBKDF2-HMAC-SHA256 (JDK only, no length limit, so long Vietnamese passphrases work),
 * written {@code {pbkdf2@SpringSecurity_v5_8}…}. Hashes written before, BCrypt without a prefix, still match and
 * are upgraded at the next successful login ({@link DatabaseUserDetailsService#updatePassword}).
 *
 * <p>Passwords are Unicode-normalised (NFC) first: Vietnamese keyboards type "ệ" either as one character or as
 * "e" plus combining marks (Unikey's "Unicode tổ hợp"), and the same password must work from any computer.
 */
final class PasswordHashing implements PasswordEncoder {

    static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

    private final PasswordEncoder delegate;

    private PasswordHashing(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    static PasswordEncoder create() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoders = new DelegatingPasswordEncoder(PBKDF2,
                Map.of(PBKDF2, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", bcrypt));
        encoders.setDefaultPasswordEncoderForMatches(bcrypt);
        return new PasswordHashing(encoders);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword == null ? null : normalised(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String normalised = normalised(rawPassword);
        if (delegate.matches(normalised, encodedPassword)) {
            return true;
        }
        // a hash from before normalisation was made of the password exactly as typed
        boolean legacy = !encodedPassword.startsWith("{");
        return legacy && !normalised.contentEquals(rawPassword) && delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    static String normalised(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }
}
