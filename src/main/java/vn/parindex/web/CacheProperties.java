package vn.parindex.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the caches ({@link Caches}): entries of each cache, characters of the rendered fragments, and how long an
 * entry nobody reads stays.
 */
@Validated
@ConfigurationProperties("parindex.cache")
public record CacheProperties(@Valid Entries cycles, @Valid Entries pages, @Valid Entries scoreboards,
        @Valid Entries dashboards, @Valid Entries criterionPages, @Valid Entries accounts, @Valid Entries todos,
        @Valid Characters fragments, @DefaultValue("30m") @DurationMin(millis = 1) Duration expireAfterAccess) {

    public CacheProperties {
        cycles = Entries.or(cycles, 64);
        pages = Entries.or(pages, 256);
        scoreboards = Entries.or(scoreboards, 16);
        dashboards = Entries.or(dashboards, 16);
        criterionPages = Entries.or(criterionPages, 2000);
        accounts = Entries.or(accounts, 1000);
        todos = Entries.or(todos, 1000);
        fragments = fragments == null || fragments.maximumCharacters() == null ? new Characters(16_000_000L)
                : fragments;
    }

    /** @param maximumSize at most this many entries */
    public record Entries(@Positive Long maximumSize) {

        static Entries or(Entries given, long defaultSize) {
            return given == null || given.maximumSize() == null ? new Entries(defaultSize) : given;
        }
    }

    /** @param maximumCharacters at most this many characters in all */
    public record Characters(@Positive Long maximumCharacters) {
    }
}
