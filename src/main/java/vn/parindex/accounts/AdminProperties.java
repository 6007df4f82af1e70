package vn.parindex.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on an empty database ({@link AccountBootstrap}).
 *
 * @param username its user name; empty: none is created
 * @param password its password, at least {@value AccountService#MIN_PASSWORD_LENGTH} characters (checked when the
 *        account is created)
 */
@ConfigurationProperties("parindex.admin")
public record AdminProperties(String username, String password) {

    public AdminProperties {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=***]";
    }
}
