package vn.parindex.web;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kept pages.
 *
 * @param revisionCheckInterval how long a read of the data revision is trusted before it is read again
 *        ({@link DataRevision}; never while a write request of this application runs)
 * @param keepPages whole pages kept, those features declare with {@link KeptPages} ({@link CachedPages}); false
 *        turns them off, to measure (read by a condition of {@link KeptPagesConfiguration})
 * @param keepFragments rendered fragments and JSON kept ({@link RenderedFragments}, {@link KeptJson}); false renders
 *        and serialises every time, to measure
 */
@Validated
@ConfigurationProperties("parindex.pages")
public record PagesProperties(@DefaultValue("1s") @DurationMin(millis = 0) Duration revisionCheckInterval,
        @DefaultValue("true") boolean keepPages, @DefaultValue("true") boolean keepFragments) {
}
