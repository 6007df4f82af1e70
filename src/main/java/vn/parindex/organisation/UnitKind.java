package vn.parindex.organisation;

/** What kind of organisation a unit is. */
public enum UnitKind {
    /** A specialised office of the district People's Committee (cơ quan chuyên môn thuộc UBND huyện). */
    DISTRICT_OFFICE,
    /** A commune or town People's Committee (UBND xã, thị trấn). */
    COMMUNE
}
