package vn.parindex.organisation;

import java.util.List;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import vn.parindex.system.BodyScope;
import vn.parindex.web.Caches;

/**
 * The deployment's bodies as one list, read in every body's scope and kept per data revision ({@value Caches#BODIES}):
 * a body added or renamed (a write of no body's, revision of every body) is read again at the next request.
 */
@Component
class BodyList {

    private final BodyRepository bodies;

    BodyList(BodyRepository bodies) {
        this.bodies = bodies;
    }

    @Cacheable(cacheNames = Caches.BODIES, sync = true)
    public List<BodyRef> all() {
        return BodyScope.callAll(bodies::refs);
    }
}
