package vn.parindex.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;
import vn.parindex.system.InvalidInputException;

/**
 * One page of a long list in the JSON API ({@code ?page=1&size=100}): pages count from 1, a page holds 1 to
 * {@value #MAX_SIZE} items ({@value #DEFAULT_SIZE} unless asked). The answer says how many items there are in all
 * ({@code X-Total-Count}) and where the other pages are ({@code Link}, RFC 8288: first, prev, next, last), as
 * GitHub's API does. A page past the last is an empty list.
 *
 * @param page the page, from 1
 * @param size items per page
 */
public record ApiPage(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    /** Checks what a client asked for; a page below 1 or a size outside 1–{@value #MAX_SIZE} is a 400. */
    public static ApiPage of(int page, int size) {
        if (page < 1) {
            throw InvalidInputException.of("page", "api.page.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "api.size.invalid");
        }
        return new ApiPage(page, size);
    }

    /** The items of this page. */
    public <T> List<T> of(List<T> all) {
        long from = (long) (page - 1) * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** The number of pages a list of {@code total} items has (at least 1). */
    public int lastPage(int total) {
        return Math.max(1, (total + size - 1) / size);
    }

    /**
     * {@code X-Total-Count} and {@code Link} for a list of {@code total} items, the links made from the address
     * asked ({@code current}, e.g. {@code ServletUriComponentsBuilder.fromCurrentRequest()}).
     */
    public HttpHeaders headers(UriComponentsBuilder current, int total) {
        int last = lastPage(total);
        List<String> links = new ArrayList<>();
        links.add(link(current, 1, "first"));
        if (page > 1) {
            links.add(link(current, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(current, page + 1, "next"));
        }
        links.add(link(current, last, "last"));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", Integer.toString(total));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
        return headers;
    }

    private String link(UriComponentsBuilder current, int target, String rel) {
        String uri = current.cloneBuilder().replaceQueryParam("page", target).replaceQueryParam("size", size)
                .build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
