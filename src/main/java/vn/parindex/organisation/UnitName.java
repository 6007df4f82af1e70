package vn.parindex.organisation;

/** A unit as pages name it: what lists of units read, without the aliases the plan importer matches on. */
public record UnitName(long id, String code, String name) {
}
