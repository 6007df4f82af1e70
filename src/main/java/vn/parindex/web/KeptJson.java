package vn.parindex.web;

import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A read API answer written as JSON once per data revision: the next request for the same thing at the same
 * revision gets the same bytes without reading or serialising anything.
 *
 * <p>Kept in the {@value Caches#FRAGMENTS} cache (bounded by size, like rendered HTML) under what the answer shows
 * and the {@linkplain DataRevision revision} it was made from. Only for answers that are the same for everyone
 * allowed to ask (no names of the asker, nothing per person). Never kept when made inside a writing transaction.
 *
 * <p>Kept because measured (bench/pages.sh, CPU per request on 2 cores): a page of 48–100 criteria serialised per
 * request cost 0.50–0.60 ms, 0.28–0.33× the small static file's rate, below the API goal of 0.4×; Jackson and the
 * writing of its output were two thirds of it (async-profiler).
 */
@Component
public class KeptJson {

    /** What an answer is kept under. */
    record Key(String what, long revision) {
    }

    private final Cache kept;
    private final ObjectMapper json;

    KeptJson(CacheManager caches, ObjectMapper json) {
        this.kept = caches.getCache(Caches.FRAGMENTS);
        this.json = json;
    }

    /** The JSON of what {@code body} supplies (called only when nothing is kept for {@code what} at {@code revision}). */
    public byte[] bytes(String what, long revision, Supplier<?> body) {
        return Caches.get(kept, () -> new Key(what, revision), () -> json.writeValueAsBytes(body.get()));
    }

    /** A 200 answer with the kept JSON. */
    public ResponseEntity<byte[]> ok(String what, long revision, Supplier<?> body) {
        return ok(new HttpHeaders(), what, revision, body);
    }

    /** A 200 answer with the kept JSON and the given headers. */
    public ResponseEntity<byte[]> ok(HttpHeaders headers, String what, long revision, Supplier<?> body) {
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(bytes(what, revision, body));
    }
}
