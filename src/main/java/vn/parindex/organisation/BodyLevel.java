package vn.parindex.organisation;

/**
 * The level of a body that keeps an index (đơn vị được đánh giá): since 1 July 2025 communes, wards and special
 * zones, and the province's departments; districts until then (Tân Yên's 2023 plan).
 */
public enum BodyLevel {
    /** Xã. */
    COMMUNE,
    /** Phường. */
    WARD,
    /** Đặc khu. */
    SPECIAL_ZONE,
    /** Sở, ban, ngành of the province. */
    DEPARTMENT,
    /** Huyện, thị xã, thành phố thuộc tỉnh (until 2025). */
    DISTRICT;

    /** The level named by its API name in any case ({@code commune}, {@code WARD}), or null. */
    public static BodyLevel parse(String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (BodyLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
