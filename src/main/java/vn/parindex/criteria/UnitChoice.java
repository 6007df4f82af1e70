package vn.parindex.criteria;

/**
 * A unit offered in a criterion's assignment form, with whether it is named there directly as lead or helper, and
 * whether it is an active commune (the form offers "all communes" only where there is one).
 */
public record UnitChoice(String code, String name, boolean lead, boolean coordinating, boolean activeCommune) {

    public UnitChoice(String code, String name, boolean lead, boolean coordinating) {
        this(code, name, lead, coordinating, false);
    }
}
