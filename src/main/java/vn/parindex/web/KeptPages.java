package vn.parindex.web;

import java.util.List;

/**
 * Pages a feature has served again without rendering while the data they show is unchanged ({@link CachedPages}),
 * declared as a bean where the page is, by path pattern ({@code /units/*}, {@code /cycles/*}{@code /dossier}). Only
 * pages bench/pages.sh measured below the goal when rendered for each request, with both figures in
 * docs/ARCHITECTURE.md; only pages whose content depends on nothing but the data, the person, the language, the
 * address and the day.
 */
public record KeptPages(List<String> patterns) {

    public KeptPages(String... patterns) {
        this(List.of(patterns));
    }

    public KeptPages {
        patterns = List.copyOf(patterns);
    }
}
