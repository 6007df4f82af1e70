package vn.parindex.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords nobody may choose (OWASP ASVS 2.1.7): the 10 000 most commonly used ones, shipped with the application
 * ({@code common-passwords.txt}: the first 10 000 of the list in the npm package {@code @zxcvbn-ts/language-common}
 * 4.1.3, MIT licence), read once when first needed, at most {@link #MAX_ENTRIES} lines, and the account's own
 * username (in any case, or reversed). Compared ignoring case.
 */
final class CommonPasswords {

    static final String RESOURCE = "/common-passwords.txt";
    static final int MAX_ENTRIES = 10_000;
    private static final int MAX_LINE = 256;

    private CommonPasswords() {
    }

    private static final class Loaded {
        static final Set<String> PASSWORDS = load();
    }

    /** Whether {@code password} is on the list (ignoring case). */
    static boolean isCommon(String password) {
        return password != null && Loaded.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code password} is the username itself, in any case, or reversed (surrounding spaces ignored). */
    static boolean isUsername(String password, String username) {
        if (password == null || username == null || username.isBlank()) {
            return false;
        }
        String p = password.strip();
        String u = username.strip();
        return p.equalsIgnoreCase(u) || p.equalsIgnoreCase(new StringBuilder(u).reverse().toString());
    }

    static int size() {
        return Loaded.PASSWORDS.size();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(MAX_ENTRIES * 2);
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (passwords.size() < MAX_ENTRIES && (line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#") && line.length() <= MAX_LINE) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
