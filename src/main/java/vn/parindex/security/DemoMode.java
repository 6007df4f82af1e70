package vn.parindex.security;

import org.springframework.util.StringUtils;
import vn.parindex.database.DatabaseMode;

/**
 * Whether the application runs as a demo: demo accounts may exist ({@code accounts.AccountBootstrap}) and the demo
 * date counts as today ({@link BusinessClockConfiguration}). On by default only with the embedded database listening
 * on loopback only (see {@link LoopbackByDefault}) and no reverse proxy configured; {@code parindex.demo.enabled}
 * ({@code PARINDEX_DEMO_ENABLED}) {@code true} turns it on for an embedded database reachable from other machines,
 * {@code false} turns it off everywhere; on an external database only for the test suite's throw-away container.
 */
public final class DemoMode {

    private DemoMode() {
    }

    /**
     * Where the application runs: which database, which listening address, what the operator asked for, and whether
     * a reverse proxy forwards requests ({@code server.forward-headers-strategy}).
     */
    public record Where(DatabaseMode databaseMode, String serverAddress, String demoEnabled,
            boolean demoOnExternalDatabase, String forwardHeadersStrategy) {
    }

    /** Whether the web server listens on loopback only ({@code server.address} 127.0.0.1, ::1, localhost). */
    public static boolean loopbackOnly(String serverAddress) {
        if (!StringUtils.hasText(serverAddress)) {
            return false; // every interface
        }
        try {
            return java.net.InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Whether forwarded headers are read ({@code native} or {@code framework}): a reverse proxy serves this app. */
    public static boolean behindProxy(String forwardHeadersStrategy) {
        String strategy = forwardHeadersStrategy == null ? "" : forwardHeadersStrategy.strip();
        return StringUtils.hasText(strategy) && !strategy.equalsIgnoreCase("none");
    }

    /**
     * Whether only this machine can reach the app: listening on loopback, and no reverse proxy configured (a proxy
     * on the same machine makes a loopback listener reachable from everywhere the proxy is).
     */
    public static boolean reachableFromThisMachineOnly(Where where) {
        return loopbackOnly(where.serverAddress()) && !behindProxy(where.forwardHeadersStrategy());
    }

    /** Whether demo accounts may exist where the application runs (the demo date too). */
    public static boolean on(Where where) {
        String explicit = where.demoEnabled() == null ? "" : where.demoEnabled().strip();
        if (explicit.equalsIgnoreCase("false")) {
            return false;
        }
        if (where.databaseMode() != DatabaseMode.EMBEDDED) {
            return where.demoOnExternalDatabase();
        }
        return explicit.equalsIgnoreCase("true") || reachableFromThisMachineOnly(where);
    }
}
