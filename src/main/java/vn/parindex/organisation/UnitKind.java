package vn.parindex.organisation;

/** What kind of organisation a unit is. */
public enum UnitKind {
    /** A specialised office of the district People's Committee (cơ quan chuyên môn thuộc UBND huyện). */
    DISTRICT_OFFICE,
    /** A commune or town People's Committee (UBND xã, thị trấn), under a district until 2025. */
    COMMUNE,
    /**
     * An office of a commune, ward or special zone since 2025 (Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa –
     * Xã hội) or a division of a department (phòng thuộc sở).
     */
    OFFICE
}
