package vn.parindex.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What {@link LoginThrottle} counts failures by: an account (its name, any case), a client's address (IPv6 addresses
 * by their /64 prefix, so a client cannot escape its delay by changing the last bits), and the pair of both; and the
 * (account, address) sign-ins it remembers as known. Keys are stored in PostgreSQL, whose text holds no NUL: a NUL
 * (in a name no account has, refused and counted like any wrong one) is kept as U+FFFD.
 */
final class ThrottleKeys {

    static final int MAX_KEY_USERNAME = 64;

    private ThrottleKeys() {
    }

    /** The address as the throttle counts it: IPv6 addresses by their /64 prefix. */
    static String addressGroup(String client) {
        if (client == null || client.isBlank()) {
            return "?";
        }
        String text = client.strip();
        if (text.length() <= 64 && text.indexOf(':') >= 0 && text.matches("\\[?[0-9A-Fa-f:.]+(%[\\w.]+)?]?")) {
            try {
                // a literal (it contains ':'), so no name lookup happens
                InetAddress address = InetAddress.getByName(text.replaceAll("^\\[|]$", ""));
                if (address instanceof Inet6Address) {
                    byte[] bytes = address.getAddress();
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return address.getHostAddress(); // IPv4-mapped
            } catch (UnknownHostException | IllegalArgumentException e) {
                // not an address: counted as given
            }
        }
        return storable(text.length() > 64 ? text.substring(0, 64) : text);
    }

    static String name(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return storable(name.length() > MAX_KEY_USERNAME ? name.substring(0, MAX_KEY_USERNAME) : name);
    }

    private static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    static String pairKey(String username, String client) {
        return "pair:" + addressGroup(client) + " " + name(username);
    }

    static String addressKey(String client) {
        return "address:" + addressGroup(client);
    }

    static String accountKey(String username) {
        return "account:" + name(username);
    }

    static String knownKey(String username, String client) {
        return addressGroup(client) + " " + name(username);
    }
}
