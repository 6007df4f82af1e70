package vn.parindex.security;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo ({@link DemoMode}: {@code accounts.AccountBootstrap}, {@link BusinessClockConfiguration}).
 *
 * @param enabled {@code true} or {@code false}; empty: demo accounts only on the embedded database with the web
 *        server on loopback and no proxy
 * @param password the demo accounts' password (empty: the published one, allowed only where the demo is reachable
 *        from this machine only)
 * @param seedOnExternalDatabase the demo on an external database (the test suite's throw-away container only)
 * @param today the day business rules count as today in demo mode ({@code yyyy-MM-dd}); empty: the real date
 *        (checked by {@link vn.parindex.system.BusinessClock#parseDemoDate}, whose message names the setting)
 */
@Validated
@ConfigurationProperties("parindex.demo")
public record DemoProperties(
        @Pattern(regexp = "\\s*((?i)true|false)?\\s*", message = "must be true, false or empty") String enabled,
        String password, boolean seedOnExternalDatabase, String today) {

    public DemoProperties {
        enabled = enabled == null ? "" : enabled;
        password = password == null ? "" : password;
        today = today == null ? "" : today;
    }

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", password=***, seedOnExternalDatabase=" + seedOnExternalDatabase
                + ", today=" + today + "]";
    }
}
