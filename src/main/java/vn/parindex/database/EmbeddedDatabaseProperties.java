package vn.parindex.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where its data lives; blank for a throw-away database (tests). The passwords of its two
 *        roles are kept beside it, in {@code database.properties} of the parent folder (readable by the owner only)
 * @param port a fixed port, or 0 for any free port
 * @param durable fsync, synchronous commit and full-page writes on (the default): nothing acknowledged is lost when
 *        the machine stops; tests may turn it off for speed
 * @param appRole the role the application itself connects as (created with its own password); blank on an external
 *        server whose datasource account is the schema owner
 * @param watchdogInterval how often the embedded server is checked; a server that stopped is started again
 */
@Validated
@ConfigurationProperties("parindex.database")
public record EmbeddedDatabaseProperties(String dataDirectory, @Min(0) @Max(65535) int port,
        @DefaultValue("true") boolean durable, String appRole,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration watchdogInterval) {
}
