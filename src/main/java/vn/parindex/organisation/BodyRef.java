package vn.parindex.organisation;

/** A body as pages, the API and other modules read it. */
public record BodyRef(long id, String code, String name, BodyLevel level) {
}
