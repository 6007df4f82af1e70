package vn.parindex.criteria;

/** A unit offered in a criterion's assignment form, with whether it is named there directly as lead or helper. */
public record UnitChoice(String code, String name, boolean lead, boolean coordinating) {
}
