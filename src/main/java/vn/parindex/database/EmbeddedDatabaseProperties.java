package vn.parindex.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where its data lives; blank for a throw-away database (tests)
 * @param port a fixed port, or 0 for any free port
 */
@ConfigurationProperties("parindex.database")
public record EmbeddedDatabaseProperties(String dataDirectory, int port) {
}
