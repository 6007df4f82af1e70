package vn.parindex.appraisal;

/**
 * Whether the province appraises the current body's cycle of a year itself (its index of the body's level, issue 25):
 * an SPI that {@code index} implements, so a body's Home Affairs no longer enters its own official score there.
 */
public interface ProvinceAppraises {

    /** Where the province's index of the current body's level stands for the year. */
    State of(int year);

    /** No index of the province for the year; open (the province appraises); published (nothing changes). */
    enum State {
        NONE,
        OPEN,
        PUBLISHED
    }
}
