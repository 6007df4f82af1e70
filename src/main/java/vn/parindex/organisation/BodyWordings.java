package vn.parindex.organisation;

import org.springframework.stereotype.Component;

/**
 * The wording of the body this thread works on ({@link Bodies#current()}) with the configured province
 * ({@link ProvinceProperties}): what documents and pages say it as. Callable inside a transaction.
 */
@Component
public class BodyWordings {

    private final Bodies bodies;
    private final ProvinceProperties province;

    BodyWordings(Bodies bodies, ProvinceProperties province) {
        this.bodies = bodies;
        this.province = province;
    }

    /** The current body's wording; refused, as {@link Bodies#current()} is, on a thread of every body or none. */
    public BodyWording current() {
        return of(bodies.current());
    }

    /** That body's wording. */
    public BodyWording of(BodyRef body) {
        return BodyWording.of(body, province.name());
    }
}
