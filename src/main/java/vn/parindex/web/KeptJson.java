package vn.parindex.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.system.BusinessClock;

/**
 * A read API answer written as JSON once per data revision: the next request for the same address at the same
 * revision gets the same bytes without reading or serialising anything.
 *
 * <p>The key is made here, never by a controller: the request's address (path and every parameter) and the day;
 * the {@linkplain DataRevision data revision} is added by the {@value Caches#FRAGMENTS} cache (bounded by size,
 * like rendered HTML). Only for answers that are the same for everyone allowed to ask (nothing per person, the same
 * in every language). Only GET requests keep anything; nothing is kept inside a writing transaction.
 * {@code parindex.pages.keep-fragments=false} serialises every time (to measure).
 *
 * <p>Kept because measured (bench/pages.sh, CPU per request on 2 cores): a page of 48–100 criteria serialised per
 * request cost 0.50–0.60 ms, 0.28–0.33× the small static file's rate, below the API goal of 0.4×; Jackson and the
 * writing of its output were two thirds of it (async-profiler).
 */
@Component
public class KeptJson {

    /** What an answer is kept under (with the data revision). */
    record Key(String address, LocalDate day) {
    }

    private final Cache kept;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private final boolean keep;

    KeptJson(CacheManager caches, DataRevision revisions, ObjectMapper json, BusinessClock clock,
            PagesProperties pages) {
        this.kept = Caches.atRevision(caches, revisions, Caches.FRAGMENTS);
        this.json = json;
        this.clock = clock;
        this.keep = pages.keepFragments();
    }

    /** The JSON of what {@code body} supplies for the request being answered (called only when nothing is kept). */
    public byte[] bytes(Supplier<?> body) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Supplier<byte[]> write = () -> json.writeValueAsBytes(body.get());
        if (!keep || !"GET".equals(request.getMethod())) {
            return write.get();
        }
        return Caches.get(kept, new Key(RenderedFragments.address(request), clock.today()), write);
    }

    /** A 200 answer with the kept JSON. */
    public ResponseEntity<byte[]> ok(Supplier<?> body) {
        return ok(new HttpHeaders(), body);
    }

    /** A 200 answer with the kept JSON and the given headers. */
    public ResponseEntity<byte[]> ok(HttpHeaders headers, Supplier<?> body) {
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(bytes(body));
    }
}
