package vn.parindex.criteria;

/** A unit as shown next to a criterion. */
public record UnitRef(long id, String code, String name) {
}
