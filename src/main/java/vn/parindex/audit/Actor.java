package vn.parindex.audit;

/** Who made a change: every change is attributed to a person. */
public record Actor(Long userId, String username) {

    /** Changes made by the application itself (seeding, migrations of data). */
    public static final Actor SYSTEM = new Actor(null, "system");
}
