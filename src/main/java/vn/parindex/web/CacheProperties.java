package vn.parindex.web;

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
public record CacheProperties(Entries cycles, Bytes pages, Entries scoreboards, Entries dashboards,
        Entries criterionPages, Entries accounts, Entries todos, Entries trees, Characters fragments,
        @DefaultValue("30m") @DurationMin(millis = 1) Duration expireAfterAccess) {

    /**
     * Fills in the defaults; a bound below 1 is refused here, naming the setting (Boot's report of a constraint
     * broken inside a nested record does not name the environment variable it came from).
     */
    public CacheProperties {
        cycles = Entries.or(cycles, 64, "cycles");
        pages = pages == null || pages.maximumBytes() == null ? new Bytes(32L * 1024 * 1024) : pages;
        positive(pages.maximumBytes(), "pages.maximum-bytes");
        scoreboards = Entries.or(scoreboards, 16, "scoreboards");
        dashboards = Entries.or(dashboards, 16, "dashboards");
        criterionPages = Entries.or(criterionPages, 2000, "criterion-pages");
        accounts = Entries.or(accounts, 1000, "accounts");
        todos = Entries.or(todos, 1000, "todos");
        trees = Entries.or(trees, 16, "trees");
        fragments = fragments == null || fragments.maximumCharacters() == null ? new Characters(16_000_000L)
                : fragments;
        positive(fragments.maximumCharacters(), "fragments.maximum-characters");
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            String property = "parindex.cache." + name;
            throw new IllegalArgumentException(property + " (" + property.toUpperCase(java.util.Locale.ROOT)
                    .replace('.', '_').replace('-', '_') + ") must be at least 1, not " + value);
        }
    }

    /** @param maximumSize at most this many entries */
    public record Entries(Long maximumSize) {

        static Entries or(Entries given, long defaultSize, String name) {
            Entries entries = given == null || given.maximumSize() == null ? new Entries(defaultSize) : given;
            positive(entries.maximumSize(), name + ".maximum-size");
            return entries;
        }
    }

    /** @param maximumBytes at most this many bytes in all */
    public record Bytes(Long maximumBytes) {
    }

    /** @param maximumCharacters at most this many characters in all */
    public record Characters(Long maximumCharacters) {
    }
}
